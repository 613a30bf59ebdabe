// fora update against a site that changes (issue 9, point 7): a generated phpBB board is
// crawled, then changed between runs (a new topic, new replies on page 3 of a topic, an
// edited reply and a deleted one in a topic active a few seconds ago, a renamed topic, a
// removed topic). After each `fora update` the test checks what the history, `show
// --history`, the search filters and `fora stats` say, and which requests the update made
// (the server's log): the start URL, the listings, the active topic (due by its schedule),
// the pages a changed listing row points at, the new topic, the removed topic's pages (its
// listing stopped showing them), and nothing else.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <thread>

#include "fora_run.h"
#include "support/forum_site.h"
#include "support/temp_dir.h"
#include "support/test_server.h"

namespace fora::test {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

// "GET /viewtopic.php?t=9 200" -> "/viewtopic.php?t=9"
std::multiset<std::string> targets(const std::vector<std::string>& log) {
  std::multiset<std::string> out;
  for (const std::string& line : log) {
    const auto first = line.find(' ');
    const auto last = line.rfind(' ');
    out.insert(line.substr(first + 1, last - first - 1));
  }
  return out;
}

// The pages of topic `id` among `pages` (ForumSite::topic_pages).
std::vector<std::string> pages_of(const ForumSite& site, const std::string& id) {
  std::vector<std::string> out;
  for (const std::string& p : site.topic_pages) {
    const auto at = p.find("?t=" + id);
    const auto end = at + 3 + id.size();
    if (at != std::string::npos && (end == p.size() || p[end] == '&')) out.push_back(p);
  }
  return out;
}

std::int64_t entry_id(const fs::path& archive, const std::string& native_id) {
  const fs::path file = archive / "all.jsonl";
  if (fora(archive, {"export", "--jsonl", file.string(), "--quiet"}).exit_code != 0) return 0;
  for (const json& line : json_lines(slurp(file)))
    if (line.value("native_id", "") == native_id && line.value("type", "") != "thread") return line["id"];
  return 0;
}

std::set<std::int64_t> hits(const fs::path& archive, const std::string& query) {
  std::set<std::int64_t> ids;
  for (const json& h : json_lines(fora(archive, {"search", "--json", "--literal", "-n", "1000", query}).out))
    ids.insert(h["id"].get<std::int64_t>());
  return ids;
}

TEST(Update, FindsNewEditedDeletedRenamedAndRemovedWithOnlyTheRequestsThatNeedIt) {
  TempDir site_dir, archive;
  ForumSite board = forum_board();
  const std::int64_t now = std::time(nullptr);
  // The topics each change picks: one active a few seconds ago (one page), one of three
  // pages, two quiet ones of one page.
  SiteTopic* active = nullptr;
  SiteTopic* grows = nullptr;
  SiteTopic* renamed = nullptr;
  SiteTopic* removed = nullptr;
  for (SiteTopic& t : board.topics) {
    const std::size_t n = t.posts.size();
    if (!active && n >= 4 && n <= 10) active = &t;
    else if (!grows && n >= 21 && n <= 28) grows = &t;
    else if (!renamed && n <= 10) renamed = &t;
    else if (!removed && n <= 10) removed = &t;
  }
  ASSERT_TRUE(active && grows && renamed && removed);
  // Active: its latest post 4 s old at the crawl, so its schedule says: again in 1 or 2 s.
  for (std::size_t k = 0; k < active->posts.size(); ++k)
    active->posts[k].date = now - 4 - static_cast<std::int64_t>(active->posts.size() - 1 - k) * 60;
  rewrite_phpbb_site(site_dir.path(), board);
  TestServer server(site_dir.path());
  const std::vector<std::string> crawl_args = {"crawl", "--delay", "0", "--quiet", "--min-interval", "1s", server.url("/")};
  auto crawled = fora(archive.path(), crawl_args);
  ASSERT_EQ(crawled.exit_code, 0) << crawled.err;
  ASSERT_EQ(fora(archive.path(), {"index"}).exit_code, 0);
  // The listings: every page the crawl asked for that is no topic page.
  std::multiset<std::string> listings;
  for (const std::string& t : targets(server.requests()))
    if (t.rfind("/viewtopic.php", 0) != 0) listings.insert(t);
  ASSERT_TRUE(listings.count("/robots.txt"));
  ASSERT_TRUE(listings.count("/"));
  ASSERT_GE(listings.size(), 6u) << "robots.txt, the start page, the board index, the forums";

  // The changes.
  const std::string quiet_removed_id = removed->id;
  const std::vector<std::string> removed_pages = pages_of(board, removed->id);
  const SitePost edited = active->posts[1];
  const SitePost deleted = active->posts[2];
  active->posts[1].text = "Edited after the landing. " + active->posts[1].text;
  active->posts.erase(active->posts.begin() + 2);
  const std::string old_title = renamed->title;
  renamed->title += " (solved)";
  int next_post = 90001;
  for (int k = 0; k < 2; ++k) {
    SitePost reply;
    reply.id = std::to_string(next_post++);
    reply.author = "Late Replier";
    reply.date = now;
    reply.text = "A reply on the third page about the parachute test number " + std::to_string(k) + ".";
    grows->posts.push_back(reply);
  }
  SiteTopic fresh;
  fresh.id = "500";
  fresh.title = "Brand new topic about the booster";
  fresh.forum = "Off Topic";
  for (int k = 0; k < 3; ++k) {
    SitePost p;
    p.id = std::to_string(next_post++);
    p.author = "Newcomer";
    p.date = now;
    p.text = "Fresh words about the booster recovery " + std::to_string(k) + ".";
    p.opening = k == 0;
    fresh.posts.push_back(p);
  }
  const std::string active_id = active->id, grows_id = grows->id, renamed_id = renamed->id;
  board.topics.erase(std::find_if(board.topics.begin(), board.topics.end(),
                                  [&](const SiteTopic& t) { return t.id == quiet_removed_id; }));
  board.topics.push_back(fresh);
  rewrite_phpbb_site(site_dir.path(), board);
  std::this_thread::sleep_for(std::chrono::milliseconds(3000));  // the active topic is due

  server.clear_requests();
  auto updated = fora(archive.path(), {"update", "--json", "--delay", "0"});
  ASSERT_EQ(updated.exit_code, 0) << updated.err;
  const json summary = json::parse(updated.out);

  // Exactly the pages that needed it, each once.
  std::multiset<std::string> expected = listings;
  for (const std::string& id : {active_id, grows_id, renamed_id, std::string("500")})
    for (const std::string& p : pages_of(board, id)) expected.insert(p);
  for (const std::string& p : removed_pages) expected.insert(p);
  const std::multiset<std::string> asked = targets(server.requests());
  EXPECT_EQ(asked, expected) << "the update asked for other pages than the changes need";
  EXPECT_EQ(summary["fetched"], asked.size()) << summary.dump();
  EXPECT_EQ(summary["new"], 5) << "two replies and a topic of three posts: " << summary.dump();
  EXPECT_EQ(summary["edited"], 1) << summary.dump();
  EXPECT_EQ(summary["gone"], 1) << summary.dump();
  EXPECT_GE(summary["signalled"].get<int>(), 1 + static_cast<int>(removed_pages.size())) << summary.dump();
  ASSERT_TRUE(summary.contains("index")) << "the update brings the index up to date";

  // The history says what happened.
  const std::int64_t edited_id = entry_id(archive.path(), edited.id);
  const std::int64_t deleted_id = entry_id(archive.path(), deleted.id);
  ASSERT_NE(edited_id, 0);
  ASSERT_NE(deleted_id, 0);
  const json history = json::parse(fora(archive.path(), {"show", std::to_string(edited_id), "--history", "--json"}).out);
  ASSERT_EQ(history["versions"].size(), 2u) << history.dump(1);
  EXPECT_EQ(history["versions"][1]["text"].get<std::string>().substr(0, 25), "Edited after the landing.");
  EXPECT_NE(fora(archive.path(), {"show", std::to_string(edited_id), "--history"}).out.find("{+Edited after the landing.+}"),
            std::string::npos);
  const json gone = json::parse(fora(archive.path(), {"show", std::to_string(deleted_id), "--json"}).out);
  EXPECT_FALSE(gone["gone_since"].is_null()) << gone.dump(1);
  std::int64_t renamed_post = 0, removed_post = 0;
  for (const SiteTopic& t : forum_board().topics) {
    if (t.id == renamed_id) renamed_post = entry_id(archive.path(), t.posts.front().id);
    if (t.id == quiet_removed_id) removed_post = entry_id(archive.path(), t.posts.front().id);
  }
  ASSERT_NE(renamed_post, 0);
  ASSERT_NE(removed_post, 0);
  const json retitled = json::parse(fora(archive.path(), {"show", std::to_string(renamed_post), "--history", "--json"}).out);
  ASSERT_EQ(retitled["thread_versions"].size(), 2u) << retitled.dump(1);
  EXPECT_EQ(retitled["thread_versions"][0]["title"], old_title);
  EXPECT_EQ(retitled["thread_title"], old_title + " (solved)");
  const json removed_json = json::parse(fora(archive.path(), {"show", std::to_string(removed_post), "--json"}).out);
  EXPECT_FALSE(removed_json["thread_gone_since"].is_null()) << removed_json.dump(1);

  // Search and stats agree.
  EXPECT_EQ(hits(archive.path(), "is:edited"), std::set<std::int64_t>{edited_id});
  const auto gone_hits = hits(archive.path(), "is:gone");
  EXPECT_TRUE(gone_hits.count(deleted_id));
  EXPECT_TRUE(gone_hits.count(removed_post));
  EXPECT_EQ(hits(archive.path(), "author:\"Late Replier\"").size(), 2u);
  EXPECT_EQ(hits(archive.path(), "author:Newcomer booster").size(), 3u);
  const json stats = json::parse(fora(archive.path(), {"stats", "--json"}).out);
  EXPECT_EQ(stats["edited"], 1);
  EXPECT_EQ(stats["gone"], 1);
  const json last_run = json_lines(fora(archive.path(), {"log", "--json", "-n", "1"}).out).at(0);
  EXPECT_NE(last_run["command"].get<std::string>().find("update"), std::string::npos) << last_run.dump();
  EXPECT_EQ(last_run["exit_code"], 0);
  EXPECT_EQ(last_run["pages_fetched"], asked.size()) << last_run.dump();

  // Nothing changed but the view counts: no listing row is new, no quiet topic is asked for,
  // and nothing gets a version or goes.
  rewrite_phpbb_site(site_dir.path(), board);
  server.clear_requests();
  auto again = fora(archive.path(), {"update", "--json", "--delay", "0"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  const json second = json::parse(again.out);
  EXPECT_EQ(second["signalled"], 0) << second.dump();
  EXPECT_EQ(second["new"], 0);
  EXPECT_EQ(second["edited"], 0);
  EXPECT_EQ(second["gone"], 0);
  std::set<std::string> may;  // due by schedule: listings, and topics active seconds ago
  for (const std::string& t : listings) may.insert(t);
  for (const std::string& id : {active_id, grows_id, std::string("500")})
    for (const std::string& p : pages_of(board, id)) may.insert(p);
  for (const std::string& t : targets(server.requests())) EXPECT_TRUE(may.count(t)) << t << " was asked for";

  // --quiet prints nothing; --site names a site the archive holds.
  auto quiet = fora(archive.path(), {"update", "--quiet", "--no-index", "--delay", "0"});
  EXPECT_EQ(quiet.exit_code, 0) << quiet.err;
  EXPECT_EQ(quiet.out, "");
  EXPECT_EQ(quiet.err, "");
  auto unknown = fora(archive.path(), {"update", "--site", "example.invalid"});
  EXPECT_EQ(unknown.exit_code, 3);
  EXPECT_NE(unknown.err.find("no such site"), std::string::npos) << unknown.err;
}

// A --scope domain crawl takes in other hosts than its start URL's: an update revisits their
// due pages too, not only the start host's.
TEST(Update, RevisitsEveryHostTheCrawlTookIn) {
  TempDir start_dir, other_dir, archive;
  TestServer other(other_dir.path());
  std::ofstream(other_dir.path() / "list.html") << "<html><body><ul><li><a href=\"/a.html\">a</a></li>"
                                                   "<li><a href=\"/b.html\">b</a></li></ul></body></html>";
  std::ofstream(other_dir.path() / "a.html") << "<html><body>a</body></html>";
  std::ofstream(other_dir.path() / "b.html") << "<html><body>b</body></html>";
  TestServer start(start_dir.path());
  std::ofstream(start_dir.path() / "index.html")
      << "<html><body><a href=\"" << other.url("/list.html") << "\">the other host</a></body></html>";
  auto crawled = fora(archive.path(), {"crawl", "--delay", "0", "--quiet", "--scope", "domain", "--min-interval", "1s",
                                       start.url("/")});
  ASSERT_EQ(crawled.exit_code, 0) << crawled.err;
  ASSERT_EQ(targets(other.requests()).count("/list.html"), 1u) << "the crawl took the other host in";
  std::this_thread::sleep_for(std::chrono::milliseconds(2100));  // its pages are due (1 s)
  other.clear_requests();
  auto updated = fora(archive.path(), {"update", "--quiet", "--no-index", "--delay", "0"});
  ASSERT_EQ(updated.exit_code, 0) << updated.err;
  const auto asked = targets(other.requests());
  EXPECT_EQ(asked.count("/list.html"), 1u);
  EXPECT_EQ(asked.count("/a.html"), 1u);
}

}  // namespace
}  // namespace fora::test
