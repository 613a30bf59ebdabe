// WARC both ways: what Debian's wget writes for the sample site, imported, gives the threads
// and comments a crawl of the site gives (and a second import adds nothing); what
// `fora export` writes is read by warcio (npm), an independent reader, with the same
// records and digests. Expected values come from the server's log and from a crawl of the
// same site, not from the import itself.
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <tuple>

#include "fora_run.h"
#include "support/temp_dir.h"
#include "support/test_server.h"

namespace fora::test {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

const fs::path kSite = fs::path(FORA_SOURCE_DIR) / "data" / "sample-site";
const fs::path kNodeModules = fs::path(FORA_SOURCE_DIR) / "build" / "npm" / "node_modules";

// Each post and comment of an archive, as `fora export --jsonl` prints it: thread URL, kind,
// native id, author, date, text.
using Entry = std::tuple<std::string, std::string, std::string, std::string, std::string, std::string>;

std::set<Entry> entries_of(const fs::path& archive, const TempDir& scratch, const std::string& name) {
  const fs::path out = scratch.path() / (name + ".jsonl");
  const RunResult r = fora(archive, {"export", "--jsonl", out.string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::ifstream in(out);
  std::stringstream ss;
  ss << in.rdbuf();
  std::set<Entry> out_set;
  for (const json& j : json_lines(ss.str())) {
    if (j["type"] == "thread") continue;
    EXPECT_FALSE(j["versions"].empty());
    out_set.emplace(j["thread_url"], j["type"], j["native_id"], j["author"], j["date"].is_null() ? "" : j["date"],
                    j["text"]);
  }
  return out_set;
}

class ImportExport : public ::testing::Test {
 protected:
  void SetUp() override {
    server_ = std::make_unique<TestServer>(kSite);
    crawled_ = scratch_.path() / "crawled";
    const RunResult crawl = fora(crawled_, {"crawl", "--delay", "0", server_->base_url() + "/"});
    ASSERT_EQ(crawl.exit_code, 0) << crawl.err;
  }
  TempDir scratch_;
  std::unique_ptr<TestServer> server_;
  fs::path crawled_;
};

TEST_F(ImportExport, WgetsWarcImportedGivesTheThreadsAndCommentsOfACrawl) {
  // wget --recursive --warc-file, as an archivist runs it. Its requests for hosts other
  // than 127.0.0.1 (wget 1.21 asks for "http://200/" after some 404s) go to a proxy that
  // is a closed local port, so nothing leaves this machine.
  const fs::path wget_dir = scratch_.path() / "wget";
  fs::create_directories(wget_dir);
  const RunResult wget = run({"/usr/bin/env", "http_proxy=http://127.0.0.1:9/", "no_proxy=127.0.0.1", "wget",
                              "--quiet", "--recursive", "--level=inf", "--no-parent", "--tries=1",
                              "--directory-prefix=" + (wget_dir / "files").string(),
                              "--warc-file=" + (wget_dir / "site").string(), server_->base_url() + "/"});
  ASSERT_TRUE(fs::exists(wget_dir / "site.warc.gz")) << wget.err;

  const fs::path imported = scratch_.path() / "imported";
  const RunResult first = fora(imported, {"import", (wget_dir / "site.warc.gz").string()});
  ASSERT_EQ(first.exit_code, 0) << first.out << first.err;
  EXPECT_NE(first.out.find("; 0 bad records skipped"), std::string::npos) << first.out;

  const auto want = entries_of(crawled_, scratch_, "crawled");
  ASSERT_GT(want.size(), 50u);
  EXPECT_EQ(entries_of(imported, scratch_, "imported"), want);

  // The same file again adds nothing.
  const RunResult second = fora(imported, {"import", (wget_dir / "site.warc.gz").string()});
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_NE(second.out.find(" 0 new captures"), std::string::npos) << second.out;
  const RunResult stats = fora(imported, {"stats", "--json"});
  const RunResult crawled_stats = fora(crawled_, {"stats", "--json"});
  EXPECT_EQ(json::parse(stats.out)["comment_versions"], json::parse(crawled_stats.out)["comment_versions"]);

  // And the import is searchable.
  ASSERT_EQ(fora(imported, {"index"}).exit_code, 0);
  const RunResult found = fora(imported, {"search", "--count", "--literal", "type:comment"});
  EXPECT_EQ(std::stoul(found.out), std::count_if(want.begin(), want.end(), [](const Entry& e) {
              return std::get<1>(e) == "comment";
            }));
}

TEST_F(ImportExport, ExportedWarcIsReadByWarcioWithTheSameRecordsAndDigests) {
  if (!fs::exists(kNodeModules / "warcio")) {
    GTEST_FAIL() << "warcio is not installed in " << kNodeModules << ": run tools/install-deps.sh";
  }
  const fs::path out = scratch_.path() / "export.warc.gz";
  const RunResult exported = fora(crawled_, {"export", "--warc", out.string()});
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  const RunResult read = run({"node", (fs::path(FORA_SOURCE_DIR) / "tests" / "integration" / "warcio_read.mjs").string(),
                              kNodeModules.string(), out.string()});
  ASSERT_EQ(read.exit_code, 0) << read.err;
  std::multiset<std::string> answered;
  std::size_t requests = 0, infos = 0;
  for (const json& r : json_lines(read.out)) {
    const std::string type = r["type"];
    if (type == "warcinfo") ++infos;
    if (type == "request") ++requests;
    if (type == "response" || type == "revisit") answered.insert(r["uri"].get<std::string>());
    if (type == "response") {
      EXPECT_EQ(r["digest"], r["sha256"]) << r.dump();
    } else if (type == "revisit") {
      EXPECT_FALSE(r["digest"].get<std::string>().empty());
    }
  }
  EXPECT_EQ(infos, 1u);
  std::multiset<std::string> asked;
  for (const std::string& line : server_->requests()) {
    std::istringstream in(line);
    std::string method, target;
    in >> method >> target;
    asked.insert(server_->base_url() + target);
  }
  EXPECT_EQ(answered, asked);
  EXPECT_EQ(requests, asked.size());

  // --since after the crawl: nothing; --site of another host: nothing.
  const RunResult none = fora(crawled_, {"export", "--warc", (scratch_.path() / "none.warc.gz").string(), "--since", "2100-01-01"});
  EXPECT_NE(none.out.find(": 0 captures"), std::string::npos) << none.out;
  const RunResult other = fora(crawled_, {"export", "--jsonl", (scratch_.path() / "o.jsonl").string(), "--site", "example.org"});
  EXPECT_NE(other.out.find(": 0 threads"), std::string::npos) << other.out;
}

TEST_F(ImportExport, ABadRecordIsReportedWithItsOffsetAndTheRestImported) {
  const fs::path out = scratch_.path() / "export.warc.gz";
  ASSERT_EQ(fora(crawled_, {"export", "--warc", out.string()}).exit_code, 0);
  // A plain WARC whose second record claims a length it does not have, then the export.
  const fs::path bad = scratch_.path() / "bad.warc";
  {
    std::ofstream f(bad, std::ios::binary);
    f << "WARC/1.1\r\nWARC-Type: resource\r\nWARC-Target-URI: http://127.0.0.1/x\r\nContent-Length: 2\r\n\r\nok\r\n\r\n";
    f << "WARC/1.1\r\nWARC-Type: response\r\nContent-Length: twelve\r\n\r\n";
  }
  const fs::path imported = scratch_.path() / "imported";
  const RunResult r = fora(imported, {"import", bad.string(), out.string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("; 1 bad record skipped"), std::string::npos) << r.out << r.err;
  EXPECT_NE(r.err.find("skipped: " + bad.string() + ": record at offset 95: "), std::string::npos) << r.err;
  EXPECT_EQ(entries_of(imported, scratch_, "imported"), entries_of(crawled_, scratch_, "crawled"));
}

TEST_F(ImportExport, ReextractReadsOldSnapshotsWithTodaysReaders) {
  // An archive crawled when fora had no reader for the site (only the phpBB profile): it
  // holds the pages, but no thread. Today's profiles read them all.
  const fs::path profiles = scratch_.path() / "old-profiles";
  fs::create_directories(profiles);
  fs::copy_file(fs::path(FORA_SOURCE_DIR) / "data" / "profiles" / "phpbb.toml", profiles / "phpbb.toml");
  const fs::path old = scratch_.path() / "old";
  ASSERT_EQ(run({FORA_BIN, "--archive", old.string(), "--profiles", profiles.string(), "crawl", "--delay", "0",
                 server_->base_url() + "/"}).exit_code, 0);
  EXPECT_TRUE(entries_of(old, scratch_, "old").empty());
  const RunResult r = fora(old, {"reextract"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(entries_of(old, scratch_, "old"), entries_of(crawled_, scratch_, "crawled"));
  // Read again, nothing changes.
  const RunResult again = fora(old, {"reextract"});
  EXPECT_NE(again.out.find("; 0 posts and comments new or changed"), std::string::npos) << again.out;
  // A site the archive does not hold is no error, and reads nothing.
  const RunResult other = fora(old, {"reextract", "--site", "example.org"});
  EXPECT_EQ(other.exit_code, 0);
  EXPECT_NE(other.out.find("0 pages read again"), std::string::npos) << other.out;
}

// An HTTP response of `body_bytes` bytes of page.
std::string http_response(std::size_t body_bytes) {
  return "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: " + std::to_string(body_bytes) +
         "\r\n\r\n" + std::string(body_bytes, 'x');
}

// A response record of `body_bytes` bytes of page for `url`, as a WARC writer leaves it.
std::string response_record(const std::string& url, std::size_t body_bytes) {
  const std::string block = http_response(body_bytes);
  return "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: " + url +
         "\r\nWARC-Date: 2024-01-01T00:00:00Z\r\nWARC-Record-ID: <urn:uuid:" + std::to_string(body_bytes) +
         ">\r\nContent-Type: application/http;msgtype=response\r\nContent-Length: " + std::to_string(block.size()) +
         "\r\n\r\n" + block + "\r\n\r\n";
}

std::int64_t captures_of(const fs::path& archive) {
  const RunResult stats = fora(archive, {"stats", "--json"});
  EXPECT_EQ(stats.exit_code, 0) << stats.err;
  return json::parse(stats.out)["captures"].get<std::int64_t>();
}

// A file with no WARC record at all is a mistake to name, not a file of bad records to skip:
// the import fails (exit 1) naming it, and the other files are imported all the same.
TEST(Import, AFileWithoutAWarcRecordIsNamedAndFails) {
  TempDir files, scratch;
  const fs::path good = files.write("good.warc", response_record("http://127.0.0.1/a.html", 100));
  const fs::path empty = files.write("empty.warc", "");
  const fs::path text = files.write("notes.warc", "These are notes, not a WARC file.\nWARC/1.1 is mentioned.\n");
  const fs::path gz = files.write("notes.warc.gz", "");
  ASSERT_EQ(run({"sh", "-c", "printf 'plain text, gzipped\\n' | gzip > '" + gz.string() + "'"}).exit_code, 0);
  for (const fs::path& f : {empty, text, gz}) {
    const fs::path archive = scratch.path() / f.filename();
    const RunResult r = fora(archive, {"import", good.string(), f.string()});
    EXPECT_EQ(r.exit_code, 1) << f << r.out << r.err;
    EXPECT_NE(r.err.find("fora: " + f.string() + " holds no WARC record"), std::string::npos) << r.err;
    EXPECT_EQ(captures_of(archive), 1) << "the good file is imported: " << f;
  }
  // Good records among junk: the junk is skipped, as before, and the import succeeds.
  const fs::path mixed = files.write("mixed.warc", "junk\n" + response_record("http://127.0.0.1/b.html", 10));
  const RunResult r = fora(scratch.path() / "mixed", {"import", mixed.string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("skipped: " + mixed.string() + ": record at offset 0: "), std::string::npos) << r.err;
  EXPECT_EQ(captures_of(scratch.path() / "mixed"), 1);
}

// A record above the crawl's body cap (32 MiB) is passed over unread with a message; the
// records after it are imported.
TEST(Import, ARecordAboveTheBodyCapIsSkippedAndTheRestImported) {
  TempDir files, archive;
  const std::string big = response_record("http://127.0.0.1/big.html", 40u << 20);
  const fs::path warc = files.write("big.warc", big + response_record("http://127.0.0.1/after.html", 100));
  const RunResult r = fora(archive.path(), {"import", warc.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("skipped: " + warc.string() + ": record at offset 0: a block of " +
                       std::to_string(http_response(40u << 20).size()) + " bytes, above the limit of"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.out.find("2 records read: 1 response, 1 new captures"), std::string::npos) << r.out;
  EXPECT_EQ(captures_of(archive.path()), 1);
}

}  // namespace
}  // namespace fora::test
