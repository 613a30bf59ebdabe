// Generated forum sites for end-to-end tests: a board of forums, a subforum, paginated topic
// lists and multi-page topics, a few hundred posts with quotes, signatures, edit notices and
// non-ASCII names, written as static files whose markup follows each engine's real templates
// (one file an engine: phpbb_board.cc, xenforo_board.cc, ...; what they share:
// board_markup.h). Every page also carries the links a real board shows a guest that are not
// pages to archive (reply, quote, profiles, search, login, per-post permalinks, sorting,
// print and lite views, session ids): a crawl must fetch the minimal set (listing_pages and
// topic_pages) and nothing else but robots.txt, sitemaps and feeds.
// The content is deterministic (a fixed seed), so the truth is the same on every run.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace fora::test {

struct SitePost {
  std::string id;             // the engine's post id, as its anchors print it
  std::string author;
  std::int64_t date = 0;      // Unix seconds, UTC (the boards print UTC)
  std::string text;           // the writer's own words, paragraphs joined by "\n"
  std::string quote_author;   // empty when the post quotes no one
  std::string quote_text;
  bool opening = false;       // the topic's first post
};

struct SiteTopic {
  std::string id;
  std::string title;
  std::string forum;
  std::vector<SitePost> posts;
};

struct ForumSite {
  std::vector<SiteTopic> topics;
  std::vector<std::string> topic_pages;  // every topic page's path and query, as served
  std::vector<std::string> topic_page_ids;  // the SiteTopic::id of each of topic_pages
  // The front page ("/") and every page of every forum's topic list: with topic_pages, the
  // fewest pages that reach and hold every post.
  std::vector<std::string> listing_pages;
  std::map<std::string, std::string> forum_pages;  // SiteTopic::forum -> its topic list's first page
  // The engine's feeds a crawl may read besides (its change signals), as path and query.
  std::vector<std::string> feeds;
  // A request whose target contains one of these is a trap the crawl must not fetch.
  std::vector<std::string> traps;
  std::size_t post_count() const;
};

// Writes the board under `root` (served by fora-testserver, whose "p@query.html" files stand
// for dynamic addresses) and returns what it holds.
ForumSite write_phpbb_site(const std::filesystem::path& root);
// The board before it is written (topics only), for a test to change and write again.
ForumSite forum_board();
// Writes `site` as a phpBB board, replacing whatever `root` held (a topic no longer in it
// answers 404); fills its topic_pages and traps. Each SiteTopic::forum names one of the
// board's forums. The topic lists' view counts move with every write, as readers move them.
void rewrite_phpbb_site(const std::filesystem::path& root, ForumSite& site);
ForumSite write_xenforo_site(const std::filesystem::path& root);
void rewrite_xenforo_site(const std::filesystem::path& root, ForumSite& site);
// MyBB 1.8 with its default plain addresses (showthread.php?tid=N), and with "search engine
// friendly URLs" on (thread-N.html).
ForumSite write_mybb_site(const std::filesystem::path& root);
ForumSite write_mybb_seo_site(const std::filesystem::path& root);
void rewrite_mybb_site(const std::filesystem::path& root, ForumSite& site);
void rewrite_mybb_seo_site(const std::filesystem::path& root, ForumSite& site);
// SMF 2.1 with its default theme and query-string addresses (index.php?topic=N.0).
ForumSite write_smf_site(const std::filesystem::path& root);
void rewrite_smf_site(const std::filesystem::path& root, ForumSite& site);
// Discourse's crawler view (what a guest without JavaScript gets): /latest, categories, topics.
ForumSite write_discourse_site(const std::filesystem::path& root);
void rewrite_discourse_site(const std::filesystem::path& root, ForumSite& site);
// vBulletin 4.2 with plain addresses (showthread.php?t=N) and a session id in every link.
ForumSite write_vbulletin_site(const std::filesystem::path& root);
void rewrite_vbulletin_site(const std::filesystem::path& root, ForumSite& site);
// vBulletin 5 Connect / 6 with its default friendly addresses (/forum/channel/N-slug).
ForumSite write_vbulletin5_site(const std::filesystem::path& root);
void rewrite_vbulletin5_site(const std::filesystem::path& root, ForumSite& site);
// Invision Community 4 with friendly addresses (/topic/N-slug/).
ForumSite write_invision_site(const std::filesystem::path& root);

}  // namespace fora::test
