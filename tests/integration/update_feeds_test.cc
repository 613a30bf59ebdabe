// fora update on an engine's own change signals (issue 20, point 8). A generated WordPress
// (fora-benchsite: Twenty Twenty-One markup, comment pages, threaded replies) is crawled,
// then lives a day: new comments on old posts, on their last comment page and as replies to
// comments on middle pages, and a new post with comments. Its sitemaps date each post by
// its publication, as WordPress core's do, and its listings show no comment counts, so the
// comments feed that every page names in its head is the only signal of a comment on an old
// post. One update must find every new comment, with a small share of a crawl's requests.
#include <gtest/gtest.h>

#include <algorithm>
#include <ctime>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <thread>

#include "fora_run.h"
#include "support/board_markup.h"
#include "support/forum_site.h"
#include "support/temp_dir.h"
#include "support/test_server.h"

namespace fora::test {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

// The generated blog; its sitemaps date each post by its publication (WordPress core's), or
// by its last change (a sitemap plugin's) when `sitemap_lastmod` is "changed".
RunResult write_blog(const fs::path& out, std::vector<std::string> extra, const std::string& sitemap_lastmod = "publish") {
  std::vector<std::string> argv{FORA_BENCHSITE_BIN, "--out", out.string(), "--template",
                                FORA_SOURCE_DIR "/data/sample-site/index.html", "--threads", "150"};
  if (sitemap_lastmod == "publish") argv.insert(argv.end(), {"--sitemap-lastmod", "publish"});
  argv.insert(argv.end(), extra.begin(), extra.end());
  return run(argv);
}

// "comment 12", "post 3": every post and comment in the archive, by kind and engine id.
std::set<std::string> native_ids(const fs::path& archive) {
  const fs::path file = archive / "all.jsonl";
  std::set<std::string> ids;
  if (fora(archive, {"export", "--jsonl", file.string(), "--quiet"}).exit_code != 0) return ids;
  for (const json& line : json_lines(slurp(file)))
    if (line.value("type", "") != "thread") ids.insert(line.value("type", "") + " " + line.value("native_id", ""));
  return ids;
}

// "comment Title of the thread #12": the posts of a board's archive, by thread and engine id
// (Discourse numbers posts within their topic).
std::set<std::string> board_ids(const fs::path& archive) {
  const fs::path file = archive / "all.jsonl";
  std::set<std::string> ids;
  if (fora(archive, {"export", "--jsonl", file.string(), "--quiet"}).exit_code != 0) return ids;
  for (const json& line : json_lines(slurp(file)))
    if (line.value("type", "") != "thread")
      ids.insert(line.value("type", "") + " " + line.value("thread_title", "") + " #" + line.value("native_id", ""));
  return ids;
}

std::string listed(const std::vector<std::string>& requests) {
  std::string s;
  for (const std::string& line : requests) s += line + "\n";
  return s;
}

TEST(UpdateFeeds, WordPressCommentsFeedFindsNewCommentsOnOldPosts) {
  TempDir site, archive;
  const RunResult written = write_blog(site.path(), {});
  ASSERT_EQ(written.exit_code, 0) << written.err;
  TestServer server(site.path());
  const RunResult crawled = fora(archive.path(), {"crawl", "--delay", "0", "--quiet", server.url("/")});
  ASSERT_EQ(crawled.exit_code, 0) << crawled.err;
  const std::size_t crawl_requests = server.requests().size();
  std::size_t feed_reads = 0;
  for (const std::string& line : server.requests()) feed_reads += line.find("/comments/feed/") != std::string::npos;
  EXPECT_EQ(feed_reads, 1u) << "every page names the comments feed; the crawl reads it once";
  const std::set<std::string> before = native_ids(archive.path());

  // A day later, by the site's clock (after the crawl, so the crawl cannot have seen it).
  const std::int64_t later = std::time(nullptr) + 3600 + 60;
  const RunResult changed = write_blog(site.path(), {"--new-comments", "6", "--change-time", std::to_string(later)});
  ASSERT_EQ(changed.exit_code, 0) << changed.err;
  const json changes = json::parse(slurp(site.path() / "changes.json"));
  ASSERT_EQ(changes["new_comments"].size(), 9u) << "6 on old posts, 3 on the new post";
  server.clear_requests();

  const RunResult updated = fora(archive.path(), {"update", "--no-index", "--quiet"});
  ASSERT_EQ(updated.exit_code, 0) << updated.out << updated.err;
  const std::set<std::string> after = native_ids(archive.path());
  for (const json& id : changes["new_comments"]) {
    const std::string native = "comment " + std::to_string(id.get<int>());
    EXPECT_FALSE(before.count(native)) << native;
    EXPECT_TRUE(after.count(native)) << native << " not found by the update; it asked for:\n" << listed(server.requests());
  }
  EXPECT_EQ(after.size(), before.size() + changes["new_comments"].size()) << "the new comments and nothing else";
  EXPECT_LE(static_cast<double>(server.requests().size()), 0.15 * static_cast<double>(crawl_requests))
      << server.requests().size() << " requests for the update, " << crawl_requests << " for the crawl:\n"
      << listed(server.requests());
}

// Crawls the generated blog `site` (served by `server`) into `archive`, checks that no
// post's own feed was crawled, then gives its post of most comment pages `n` new comments
// (fora-benchsite --busy-post-comments), dated after every visit of the crawl and before
// those of the updates (the catalog counts visits in whole seconds), as a nightly update
// finds them. Returns changes.json; `before` gets the archive's entries.
json crawl_then_comment_busy_post(const TempDir& site, const TempDir& archive, TestServer& server, int n,
                                  std::set<std::string>& before) {
  const RunResult crawled = fora(archive.path(), {"crawl", "--delay", "0", "--quiet", server.url("/")});
  EXPECT_EQ(crawled.exit_code, 0) << crawled.err;
  for (const std::string& line : server.requests())
    EXPECT_TRUE(!target_of(line).ends_with("/feed/") || target_of(line) == "/comments/feed/")
        << line << ": a post's own feed is read by an update, on demand, not crawled";
  before = native_ids(archive.path());
  std::this_thread::sleep_for(std::chrono::milliseconds(2100));
  const RunResult changed = write_blog(site.path(), {"--busy-post-comments", std::to_string(n), "--change-time",
                                                     std::to_string(std::time(nullptr))});
  EXPECT_EQ(changed.exit_code, 0) << changed.err;
  server.clear_requests();
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  return json::parse(slurp(site.path() / "changes.json"));
}

// Runs `fora update`; expects it to find the new comments of `changes` and nothing else
// besides what the archive held `before`. Returns the paths it asked for.
std::set<std::string> update_finding_new_comments(const TempDir& archive, const TestServer& server, const json& changes,
                                                  const std::set<std::string>& before) {
  const RunResult updated = fora(archive.path(), {"update", "--no-index", "--quiet"});
  EXPECT_EQ(updated.exit_code, 0) << updated.out << updated.err;
  const std::set<std::string> after = native_ids(archive.path());
  for (const json& id : changes["new_comments"])
    EXPECT_TRUE(after.count("comment " + std::to_string(id.get<int>())))
        << id << " not found by the update; it asked for:\n" << listed(server.requests());
  EXPECT_EQ(after.size(), before.size() + changes["new_comments"].size());
  std::set<std::string> asked;
  for (const std::string& line : server.requests()) asked.insert(target_of(line));
  return asked;
}

// A popular old post of many comment pages gets a new comment on its last page and a reply
// on a middle page. The site's comments feed names both pages; one update asks for them and
// for the post's own comments feed (named in the head of each of its pages; it shows that
// no other page holds a new comment), and for no other page of the post. The post's feed is
// not crawled, and the next update asks for the site's feed with its validators (304) and
// for nothing of the post: its own feed is read only when the post changed.
TEST(UpdateFeeds, WordPressPostFeedLeadsToOnlyTheChangedCommentPages) {
  TempDir site, archive;
  const RunResult written = write_blog(site.path(), {});
  ASSERT_EQ(written.exit_code, 0) << written.err;
  TestServer server(site.path());
  std::set<std::string> before;
  const json changes = crawl_then_comment_busy_post(site, archive, server, 2, before);
  const std::string post = changes["busy_post"];
  const std::set<std::string> changed_pages(changes["changed_pages"].begin(), changes["changed_pages"].end());
  ASSERT_EQ(changes["new_comments"].size(), 2u);
  ASSERT_EQ(changed_pages.size(), 2u) << "its last page and a middle one";
  ASSERT_GE(changes["post_pages"].size(), 6u) << "a post of several comment pages";

  const std::set<std::string> asked = update_finding_new_comments(archive, server, changes, before);
  EXPECT_TRUE(asked.count("/comments/feed/")) << listed(server.requests());
  EXPECT_TRUE(asked.count(post + "feed/")) << "the post's own feed\n" << listed(server.requests());
  for (const json& page : changes["post_pages"]) {
    const std::string path = page;
    EXPECT_EQ(asked.count(path), changed_pages.count(path))
        << path << (changed_pages.count(path) ? " has a new comment" : " did not change") << "; the update asked for:\n"
        << listed(server.requests());
  }

  server.clear_requests();
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  ASSERT_EQ(fora(archive.path(), {"update", "--no-index", "--quiet"}).exit_code, 0);
  bool site_feed = false;
  for (const std::string& line : server.requests()) {
    if (target_of(line) == "/comments/feed/") {
      site_feed = true;
      EXPECT_TRUE(line.ends_with(" 304")) << line << ": an unchanged feed, asked with its validators";
    }
    EXPECT_FALSE(target_of(line).starts_with(post)) << line << ": nothing of the post changed";
  }
  EXPECT_TRUE(site_feed) << listed(server.requests());
}

// 12 new comments on the popular post, on its last page and on six others: the site's feed
// and the post's own show only new ones (10 each, WordPress's posts_per_rss), so there may
// be more than they list, and there are (the oldest reply is on a page neither names): the
// update looks at every page of the post, as it would without the post's feed, and finds
// all 12.
TEST(UpdateFeeds, WordPressPostFeedOfOnlyNewCommentsSendsTheUpdateToEveryPage) {
  TempDir site, archive;
  const RunResult written = write_blog(site.path(), {});
  ASSERT_EQ(written.exit_code, 0) << written.err;
  TestServer server(site.path());
  std::set<std::string> before;
  const json changes = crawl_then_comment_busy_post(site, archive, server, 12, before);
  ASSERT_EQ(changes["new_comments"].size(), 12u);

  const std::set<std::string> asked = update_finding_new_comments(archive, server, changes, before);
  EXPECT_TRUE(asked.count(changes["busy_post"].get<std::string>() + "feed/")) << listed(server.requests());
}

// A day after the crawl, a tenth of the posts each get a new comment (on their last comment
// page), an edited comment and a deleted one, anywhere in the post. A deletion on an earlier
// comment page moves the first comment of each later page back a page: the update, led by
// the feeds to the last page only, sees that page lose its first comment, which is on the
// page before now, not gone. No comment is marked gone that was not deleted; every new
// comment is found, and so is every deletion on a page the update read.
TEST(UpdateFeeds, ACommentMovedToAnEarlierPageIsNotGone) {
  TempDir site, archive;
  const RunResult written = write_blog(site.path(), {}, "changed");
  ASSERT_EQ(written.exit_code, 0) << written.err;
  TestServer server(site.path());
  const RunResult crawled = fora(archive.path(), {"crawl", "--delay", "0", "--quiet", server.url("/")});
  ASSERT_EQ(crawled.exit_code, 0) << crawled.err;

  const std::int64_t later = std::time(nullptr) + 3600 + 60;
  const RunResult changed =
      write_blog(site.path(), {"--change-percent", "10", "--change-time", std::to_string(later)}, "changed");
  ASSERT_EQ(changed.exit_code, 0) << changed.err;
  const json changes = json::parse(slurp(site.path() / "changes.json"));
  std::set<std::string> deleted;
  for (const json& id : changes["deleted"]) deleted.insert(std::to_string(id.get<int>()));
  ASSERT_GE(deleted.size(), 10u);
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  server.clear_requests();

  const RunResult updated = fora(archive.path(), {"update", "--no-index", "--quiet", "--delay", "0"});
  ASSERT_EQ(updated.exit_code, 0) << updated.out << updated.err;
  const fs::path file = archive.path() / "all.jsonl";
  ASSERT_EQ(fora(archive.path(), {"export", "--jsonl", file.string(), "--quiet"}).exit_code, 0);
  std::set<std::string> gone, found;
  for (const json& line : json_lines(slurp(file))) {
    if (line.value("type", "") != "comment") continue;
    found.insert(line.value("native_id", ""));
    if (!line["gone_since"].is_null()) gone.insert(line.value("native_id", ""));
  }
  for (const std::string& id : gone)
    EXPECT_TRUE(deleted.count(id)) << "comment " << id << " marked gone, and it was not deleted; the update asked for:\n"
                                   << listed(server.requests());
  for (const json& id : changes["new_comments"])
    EXPECT_TRUE(found.count(std::to_string(id.get<int>()))) << id << " not found by the update";
  for (const std::string& id : deleted)
    EXPECT_TRUE(gone.count(id)) << "deleted comment " << id << " not marked gone; the update asked for:\n"
                                << listed(server.requests());
}

// A generated board of each engine names its change feeds in every page's head. A day after
// the crawl, old topics get replies (one fills a new page, two land on the third page of a
// long topic, one on a short topic) and a topic is new. The listings are not due again yet
// (the default revisit intervals), so the feeds are the only signal: one update finds every
// new post, asking for the feeds, the changed topics' pages and nothing else; the next
// update asks for the feeds with validators (304).
struct UpdatedBoard {
  const char* name;
  void (*write)(const fs::path& root, ForumSite& site);
};

std::ostream& operator<<(std::ostream& os, const UpdatedBoard& b) { return os << b.name; }

class UpdateBoardFeeds : public ::testing::TestWithParam<UpdatedBoard> {};

TEST_P(UpdateBoardFeeds, FeedsLeadToEveryNewReplyOnOldTopics) {
  TempDir site, archive;
  ForumSite board = forum_board();
  GetParam().write(site.path(), board);
  TestServer server(site.path());
  const RunResult crawled = fora(archive.path(), {"crawl", "--delay", "0", "--quiet", server.url("/")});
  ASSERT_EQ(crawled.exit_code, 0) << crawled.err;
  const std::set<std::string> before = board_ids(archive.path());
  ASSERT_EQ(before.size(), board.post_count());

  SiteTopic* fills = nullptr;  // ten posts: a reply opens page 2
  SiteTopic* longest = nullptr;
  SiteTopic* quiet = nullptr;
  for (SiteTopic& t : board.topics) {
    if (t.posts.size() % 10 == 0 && !fills) {
      fills = &t;
    } else if (t.posts.size() > 20 && !longest) {
      longest = &t;
    } else if (t.posts.size() < 6 && !quiet) {
      quiet = &t;
    }
  }
  ASSERT_TRUE(fills && longest && quiet);
  const std::int64_t later = std::time(nullptr) + 3600;  // an hour after the crawl, by the board's clock
  std::map<std::string, std::size_t> known;  // each changed topic's posts before the change
  int next = 95001;
  auto reply = [&](SiteTopic& t, bool opening = false) {
    known.emplace(t.id, t.posts.size());
    SitePost p;
    p.id = std::to_string(next++);
    p.author = "Night Owl";
    p.date = later + next % 7;
    p.text = "Late words on topic " + t.id + ", reply " + p.id + ".";
    p.opening = opening;
    t.posts.push_back(p);
  };
  reply(*fills);
  reply(*longest);
  reply(*longest);
  reply(*quiet);
  SiteTopic topic;
  topic.id = "600";
  topic.title = "Fresh topic about the fairing";
  topic.forum = "Off Topic";
  board.topics.push_back(topic);
  reply(board.topics.back(), true);
  reply(board.topics.back());
  GetParam().write(site.path(), board);
  // The new posts as the board numbers them (written: Discourse numbers them in their topic).
  std::vector<std::string> fresh;
  for (const SiteTopic& t : board.topics)
    if (known.count(t.id))
      for (std::size_t k = known[t.id]; k < t.posts.size(); ++k)
        fresh.push_back((k ? "comment " : "post ") + t.title + " #" + t.posts[k].id);
  ASSERT_EQ(fresh.size(), 6u);
  server.clear_requests();

  // The catalog counts visits in whole seconds: a page visited in the second the update
  // begins counts as visited since it began. A nightly update comes hours later.
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  const RunResult updated = fora(archive.path(), {"update", "--no-index", "--quiet", "--delay", "0"});
  ASSERT_EQ(updated.exit_code, 0) << updated.out << updated.err;
  const std::set<std::string> after = board_ids(archive.path());
  for (const std::string& id : fresh)
    EXPECT_TRUE(after.count(id)) << id << " not found by the update; it asked for:\n" << listed(server.requests());
  EXPECT_EQ(after.size(), before.size() + fresh.size());
  std::set<std::string> allowed = {"/robots.txt", "/"};
  allowed.insert(board.feeds.begin(), board.feeds.end());
  ASSERT_EQ(board.topic_page_ids.size(), board.topic_pages.size());
  for (std::size_t i = 0; i < board.topic_pages.size(); ++i)
    if (known.count(board.topic_page_ids[i])) allowed.insert(board.topic_pages[i]);
  // The front page, read at every update, lists the forums with their last post or topic
  // count (MyBB, SMF, vBulletin, XenForo, Discourse; phpBB's generated index does not): a
  // forum whose row changed is asked for too, its first page, and a parent's for its
  // subforum. MyBB's feed names new threads only: its forum rows are its sign of a reply.
  for (const SiteTopic& t : board.topics)
    if (known.count(t.id))
      for (const board::Forum* f : board::forum_path(board::board_of(board).topic_forum[&t - board.topics.data()]))
        if (board.forum_pages.count(f->name)) allowed.insert(board.forum_pages.at(f->name));
  std::size_t feeds_read = 0;
  for (const std::string& line : server.requests()) {
    const std::string target = target_of(line);
    EXPECT_TRUE(allowed.count(target)) << "asked for " << target << ", which did not change";
    feeds_read += std::count(board.feeds.begin(), board.feeds.end(), target);
  }
  EXPECT_EQ(feeds_read, board.feeds.size()) << listed(server.requests());

  server.clear_requests();
  ASSERT_EQ(fora(archive.path(), {"update", "--no-index", "--quiet", "--delay", "0"}).exit_code, 0);
  for (const std::string& line : server.requests()) {
    for (const std::string& feed : board.feeds) {
      if (line.find(" " + feed + " ") == std::string::npos) continue;
      EXPECT_TRUE(line.ends_with(" 304")) << line << ": an unchanged feed, asked with its validators";
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Boards, UpdateBoardFeeds,
                         ::testing::Values(UpdatedBoard{"phpbb", rewrite_phpbb_site}, UpdatedBoard{"mybb", rewrite_mybb_site},
                                           UpdatedBoard{"mybb_seo", rewrite_mybb_seo_site}, UpdatedBoard{"smf", rewrite_smf_site},
                                           UpdatedBoard{"vbulletin", rewrite_vbulletin_site}, UpdatedBoard{"vbulletin5", rewrite_vbulletin5_site},
                                           UpdatedBoard{"xenforo", rewrite_xenforo_site}, UpdatedBoard{"discourse", rewrite_discourse_site}),
                         [](const ::testing::TestParamInfo<UpdatedBoard>& tested) { return std::string(tested.param.name); });

}  // namespace
}  // namespace fora::test
