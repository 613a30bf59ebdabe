// Real mail archives end to end: a generated list with known Message-IDs, In-Reply-To and
// References, rendered by Debian's `mhonarc` (served by fora-testserver) and delivered into a
// public-inbox (served by public-inbox-httpd), crawled from its index by the real binary;
// every message is checked against the generator: author, date, parent, thread and own words
// apart from the quoted lines.
#include <gtest/gtest.h>

#include <csignal>
#include <thread>
#include <fstream>
#include <map>
#include <sstream>

#include "fora_run.h"
#include "mail_list.h"
#include "support/process.h"
#include "support/temp_dir.h"
#include "support/test_server.h"

namespace fora::test {
namespace {

using json = nlohmann::json;

// Each message is stored once, by its Message-ID, with its author, date, parent, thread (its
// root's) and own words apart from the quoted line.
void expect_every_message(const std::filesystem::path& archive, const std::vector<Message>& messages) {
  const std::map<std::string, json> got = stored_entries(archive);
  EXPECT_EQ(got.size(), messages.size());
  std::map<std::string, long> thread_of_root;
  for (const Message& m : messages) {
    auto it = got.find(m.id);
    if (it == got.end()) {
      ADD_FAILURE() << m.id << " not found";
      continue;
    }
    const json& e = it->second;
    EXPECT_EQ(e["author"], m.from_name) << m.id;
    EXPECT_EQ(e["date"], iso(m.date)) << m.id;
    EXPECT_EQ(e["parent_id"], m.parent) << m.id;
    EXPECT_EQ(e["type"], m.parent.empty() ? "post" : "comment") << m.id;
    EXPECT_EQ(e["text"], m.text) << m.id;
    if (m.quoted.empty()) {
      EXPECT_TRUE(e["quotes"].empty()) << m.id;
    } else {
      EXPECT_EQ(e["quotes"].size(), 1u) << m.id;
      if (e["quotes"].size() == 1) {
        EXPECT_EQ(e["quotes"][0]["text"], m.quoted) << m.id;
      }
    }
    auto [root, fresh] = thread_of_root.try_emplace(m.root, e["thread_id"].get<long>());
    if (!fresh) {
      EXPECT_EQ(e["thread_id"].get<long>(), root->second) << m.id << " is in its root's thread";
    }
  }
}

TEST(MailArchive, MhonarcArchiveCrawledFromItsIndexGivesEveryMessage) {
  if (run({"mhonarc", "-v"}).exit_code != 0)
    GTEST_SKIP() << "mhonarc is not installed (tools/install-deps.sh installs it)";
  const std::vector<Message> messages = make_list();
  TempDir work, site, archive;
  const auto box = work.write("list.mbox", mbox(messages));
  const RunResult rendered = run({"mhonarc", "-quiet", "-outdir", site.path().string(), box.string()});
  ASSERT_EQ(rendered.exit_code, 0) << rendered.err;

  TestServer server(site.path());
  const RunResult crawl = fora(archive.path(), {"crawl", "--delay", "0", server.url("/maillist.html")});
  ASSERT_EQ(crawl.exit_code, 0) << crawl.out << crawl.err;
  ASSERT_EQ(fora(archive.path(), {"index"}).exit_code, 0);

  expect_every_message(archive.path(), messages);
}

// public-inbox (Debian's package): the same list delivered into a real inbox, served by
// public-inbox-httpd on 127.0.0.1, crawled from the inbox's front page.
TEST(MailArchive, PublicInboxCrawledFromItsFrontPageGivesEveryMessage) {
  if (run({"sh", "-c", "command -v public-inbox-httpd"}).exit_code != 0)
    GTEST_SKIP() << "public-inbox is not installed (tools/install-deps.sh installs it)";
  const std::vector<Message> messages = make_list();
  TempDir home, archive;
  const unsigned short port = free_port();
  const std::string base = "http://127.0.0.1:" + std::to_string(port);
  const std::vector<std::pair<std::string, std::string>> env = {
      {"HOME", home.path().string()}, {"PI_CONFIG", (home.path() / "config").string()},
      {"ORIGINAL_RECIPIENT", "list@example.org"}};
  auto init = run({{"public-inbox-init", "-V2", "test", (home.path() / "inbox").string(), base + "/test", "list@example.org"}, env, {}});
  ASSERT_EQ(init.exit_code, 0) << init.err;
  ASSERT_EQ(run({{"git", "config", "-f", (home.path() / "config").string(), "publicinboxmda.spamcheck", "none"}, env, {}}).exit_code, 0);
  for (const Message& m : messages) {
    const auto file = home.write("msg.eml", message_text(m));
    auto mda = run({{"sh", "-c", "public-inbox-mda --no-precheck < '" + file.string() + "'"}, env, {}});
    ASSERT_EQ(mda.exit_code, 0) << m.id << ": " << mda.err;
  }
  Subprocess httpd({{"public-inbox-httpd", "-l", base}, env, {}});
  for (int i = 0; i < 100 && !answers(port); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  ASSERT_TRUE(answers(port)) << "public-inbox-httpd did not start on " << base;

  const RunResult crawl = fora(archive.path(), {"crawl", "--delay", "0", base + "/test/"});
  httpd.send_signal(SIGTERM);
  ASSERT_EQ(crawl.exit_code, 0) << crawl.out << crawl.err;
  ASSERT_EQ(fora(archive.path(), {"index"}).exit_code, 0);
  expect_every_message(archive.path(), messages);
}

// Real pipermail pages (../shared/fixtures/real/pipermail: three messages of one thread and
// the month's thread index) served as the archive lays them out: the messages name no parent,
// the index does, and the crawl puts the two together. Expected parents are the In-Reply-To
// headers of the same messages in the month's mbox.
TEST(MailArchive, PipermailParentsComeFromTheThreadIndex) {
  const std::filesystem::path real = std::filesystem::path(FORA_FIXTURES_DIR) / "pipermail";
  if (!std::filesystem::exists(real))
    GTEST_SKIP() << "fixture folder absent: " << real << " (real pages are not shipped with fora)";
  TempDir site, archive;
  const std::string month = "pipermail/twisted-python/2012-March/";
  auto copy = [&](const char* from, const char* to) {
    std::ifstream in(real / from, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    site.write(month + to, bytes.str());
  };
  copy("twisted-pypy-rocks-057767.html", "057767.html");
  copy("twisted-pypy-rocks-057769.html", "057769.html");
  copy("twisted-pypy-rocks-057771.html", "057771.html");
  copy("twisted-2012-march-thread-index.html", "thread.html");
  TestServer server(site.path());
  const RunResult crawl = fora(archive.path(), {"crawl", "--delay", "0", server.url("/" + month + "thread.html")});
  ASSERT_EQ(crawl.exit_code, 0) << crawl.out << crawl.err;
  ASSERT_EQ(fora(archive.path(), {"index"}).exit_code, 0);
  const std::map<std::string, json> got = stored_entries(archive.path());
  const std::string tobias = "634914A010D0B943A035D226786325D42D5AB77C5D@EXVMBX020-12.exch020.serverdata.net";
  const std::string itamar = "588d443e5a273ddb8e84aa61d3658966.squirrel@webmail.zoteca.com";
  const std::string exarkun = "20120301181542.9647.925087300.divmod.xquotient.11@localhost6.localdomain6";
  ASSERT_EQ(got.count(tobias) + got.count(itamar) + got.count(exarkun), 3u) << crawl.out;
  EXPECT_EQ(got.at(tobias)["parent_id"], "");
  EXPECT_EQ(got.at(itamar)["parent_id"], tobias);
  EXPECT_EQ(got.at(exarkun)["parent_id"], itamar);
  EXPECT_EQ(got.at(exarkun)["parent_author"], "Itamar Turner-Trauring");
  // The index learned it too: replies to Itamar are found by replyto:.
  auto r = fora(archive.path(), {"search", "--json", "replyto:\"Itamar Turner-Trauring\""});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(json_lines(r.out).size(), 1u) << r.out;
}

}  // namespace
}  // namespace fora::test
