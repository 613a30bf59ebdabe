// An index split into shards, one of them moved out of the archive and served by Xapian's own
// xapian-tcpsrv on 127.0.0.1, named in the generation's stub as `remote 127.0.0.1:PORT`:
// searches answer exactly as from the local index, and an update writes its mark through the
// server (--writable). The sample site (data/sample-site/) is crawled and indexed by the real
// binary; what is compared is the local index's answers against the remote one's.
#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "fora_run.h"
#include "mail_list.h"  // free_port()
#include "support/temp_dir.h"
#include "support/test_server.h"

namespace fora::test {
namespace {

namespace fs = std::filesystem;

const fs::path kSite = fs::path(FORA_SOURCE_DIR) / "data" / "sample-site";
// The oldest post (2019): in the first shard of an index split by period.
const fs::path kOldestPost = fs::path("2019") / "03" / "14" / "soyuz-ms-12-carries-three-to-the-iss" / "index.html";

// Every answer a question gets: the hits as JSON lines, the exact count, and every facet.
std::string answers(const fs::path& archive, const std::string& question) {
  const RunResult hits = fora(archive, {"search", "--json", "--limit", "1000", "--", question});
  const RunResult count = fora(archive, {"search", "--count", "--", question});
  const RunResult facets = fora(archive, {"search", "--json", "--limit", "0", "--facet-limit", "1000", "--facet",
                                          "author,month,year,thread,site,type", "--", question});
  EXPECT_EQ(hits.exit_code, 0) << question << "\n" << hits.err;
  EXPECT_EQ(count.exit_code, 0) << question << "\n" << count.err;
  EXPECT_EQ(facets.exit_code, 0) << question << "\n" << facets.err;
  return hits.out + "count: " + count.out + facets.out;
}

const std::vector<std::string> kQuestions = {
    "soyuz", "\"soyuz rocket\"", "author:\"Robert Zimmerman\"", "type:comment", "date:2019..2021",
    "starship OR voyager", "launch*", "topic:soyuz -leak", "is:edited", "every Edward comment on Soyuz"};

TEST(RemoteIndex, AShardServedByXapianTcpsrvAnswersAsTheLocalOne) {
  TempDir site, archive, elsewhere;
  fs::copy(kSite, site.path() / "site", fs::copy_options::recursive);
  TestServer server(site.path() / "site");
  ASSERT_EQ(fora(archive.path(), {"crawl", "--delay", "0", server.base_url() + "/"}).exit_code, 0);
  const RunResult index = fora(archive.path(), {"index", "--shards", "2", "--shard-by", "period"});
  ASSERT_EQ(index.exit_code, 0) << index.err;

  std::vector<std::string> local;
  for (const auto& q : kQuestions) local.push_back(answers(archive.path(), q));
  ASSERT_NE(local[0].find("count: 0\n"), 0u);
  ASSERT_NE(local[0].find("\"facet\":\"author\""), std::string::npos) << "soyuz has authors to count";

  // Shard 0 leaves the archive for "another machine", served by xapian-tcpsrv.
  const fs::path generation = archive.path() / "index" / "gen-000001";
  ASSERT_TRUE(fs::is_directory(generation / "main-0")) << "an index split in two has main-0 and main-1";
  fs::rename(generation / "main-0", elsewhere.path() / "shard");
  const unsigned short port = free_port();
  Subprocess tcpsrv({{"xapian-tcpsrv", "--port", std::to_string(port), "--interface", "127.0.0.1", "--writable",
                      (elsewhere.path() / "shard").string()}, {}, {}});
  for (auto line = tcpsrv.read_stdout_line(std::chrono::seconds(10));; line = tcpsrv.read_stdout_line(std::chrono::seconds(10))) {
    ASSERT_TRUE(line) << "xapian-tcpsrv did not start listening";
    if (line->find("Listening") != std::string::npos) break;
  }
  std::ofstream(generation / "XAPIANDB") << "remote 127.0.0.1:" << port << "\nauto main-1\nauto delta\n";

  for (std::size_t i = 0; i < kQuestions.size(); ++i)
    EXPECT_EQ(answers(archive.path(), kQuestions[i]), local[i]) << kQuestions[i];

  // An edit to the oldest post: its old copy is in the remote shard, marked through the server.
  const fs::path page = site.path() / "site" / kOldestPost;
  std::string html = slurp(page);
  const auto at = html.find("this afternoon");
  ASSERT_NE(at, std::string::npos);
  html.replace(at, 14, "this zanzibarian afternoon");
  std::ofstream(page, std::ios::binary | std::ios::trunc) << html;
  ASSERT_EQ(fora(archive.path(), {"crawl", "--delay", "0", server.base_url() + "/"}).exit_code, 0);
  const RunResult update = fora(archive.path(), {"index"});
  ASSERT_EQ(update.exit_code, 0) << update.err;
  EXPECT_NE(update.out.find("1 updated"), std::string::npos) << update.out;
  EXPECT_EQ(fora(archive.path(), {"search", "--count", "zanzibarian"}).out, "1\n");
  const std::size_t count_at = local[1].rfind("count: ");
  const std::string before = local[1].substr(count_at, local[1].find('\n', count_at) + 1 - count_at);
  EXPECT_EQ("count: " + fora(archive.path(), {"search", "--count", "\"soyuz rocket\""}).out, before)
      << "the edited post is found once";

  // The server gone, a search says which shard it could not reach. (SIGKILL: on SIGTERM,
  // xapian-tcpsrv ends its whole process group, which is the test's.)
  tcpsrv.send_signal(SIGKILL);
  tcpsrv.wait(std::chrono::seconds(10));
  const RunResult unreachable = fora(archive.path(), {"search", "soyuz"});
  EXPECT_NE(unreachable.exit_code, 0);
  EXPECT_LT(unreachable.exit_code, 128) << unreachable.err;
  EXPECT_NE(unreachable.err.find("127.0.0.1"), std::string::npos) << unreachable.err;

  // Served for reading only, the shard answers searches, and `fora index` says what it needs.
  const unsigned short read_only_port = free_port();
  Subprocess read_only({{"xapian-tcpsrv", "--port", std::to_string(read_only_port), "--interface", "127.0.0.1",
                         (elsewhere.path() / "shard").string()}, {}, {}});
  for (auto line = read_only.read_stdout_line(std::chrono::seconds(10));; line = read_only.read_stdout_line(std::chrono::seconds(10))) {
    ASSERT_TRUE(line) << "xapian-tcpsrv did not start listening";
    if (line->find("Listening") != std::string::npos) break;
  }
  std::ofstream(generation / "XAPIANDB", std::ios::trunc) << "remote 127.0.0.1:" << read_only_port << "\nauto main-1\nauto delta\n";
  EXPECT_EQ("count: " + fora(archive.path(), {"search", "--count", "\"soyuz rocket\""}).out, before);
  const RunResult refused = fora(archive.path(), {"index"});
  EXPECT_EQ(refused.exit_code, 1) << refused.err;
  EXPECT_NE(refused.err.find("xapian-tcpsrv --writable"), std::string::npos) << refused.err;
  read_only.send_signal(SIGKILL);
}

}  // namespace
}  // namespace fora::test
