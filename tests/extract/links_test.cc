#include <gtest/gtest.h>

#include <algorithm>

#include "fora/extract/extractor.h"
#include "links.h"

namespace fora::extract {
namespace {

std::vector<std::string> spellings(const std::vector<Url>& urls) {
  std::vector<std::string> out;
  for (const Url& u : urls) out.push_back(u.str());
  return out;
}

Extractor open_extractor() {
  auto e = Extractor::open(FORA_SOURCE_DIR "/data/profiles");
  EXPECT_TRUE(e) << e.error().message;
  return std::move(*e);
}

TEST(ResolveUrl, ResolvesRelativeAndDropsFragment) {
  EXPECT_EQ(resolve_url("http://a.example/x/y/", "../z?q=1#frag"), "http://a.example/x/z?q=1");
  EXPECT_EQ(resolve_url("http://a.example/x/y", "/abs"), "http://a.example/abs");
  EXPECT_EQ(resolve_url("http://a.example/x/", "//b.example/p"), "http://b.example/p");
}

TEST(ResolveUrl, RejectsNonHttpSchemesAndBareFragments) {
  EXPECT_FALSE(resolve_url("http://a.example/", "mailto:x@y.z"));
  EXPECT_FALSE(resolve_url("http://a.example/", "javascript:void(0)"));
  EXPECT_FALSE(resolve_url("http://a.example/", "ftp://a.example/f"));
  EXPECT_FALSE(resolve_url("http://a.example/", "#respond"));
}

// The extractor and the crawler once resolved links differently (case, default port,
// session ids, %-encoding), so one page was stored under two rows. Now there is one
// resolver: every link a page yields is already normalize_url()'s spelling.
TEST(PageLinks, AreSpelledAsTheCrawlerNormalizesThem) {
  Extractor e = open_extractor();
  auto page = e.extract(
      "<html><body><a href='HTTP://Site.EXAMPLE:80/a b/'>1</a>"
      "<a href='/t/5?PHPSESSID=0123456789abcdef0123456789abcdef&amp;page=2'>2</a>"
      "<a href='../x/./y/%7Ez'>3</a><a href='https://site.example:443/q?utm_source=feed'>4</a>"
      "<a href='/caf\xc3\xa9/'>5</a></body></html>",
      "http://site.example/page/sub/");
  ASSERT_TRUE(page) << page.error().message;
  ASSERT_EQ(page->links.size(), 5u);
  for (const Url& link : page->links) {
    auto normalized = normalize_url(link.str());
    ASSERT_TRUE(normalized) << link.str();
    EXPECT_EQ(*normalized, link.str());
  }
  EXPECT_EQ(page->links[0].str(), "http://site.example/a%20b/");
  EXPECT_EQ(page->links[1].str(), "http://site.example/t/5?page=2");
  EXPECT_EQ(page->links[3].str(), "https://site.example/q");
}

TEST(PageLinks, ResolvedAgainstBaseDeduplicatedInPageOrder) {
  Extractor e = open_extractor();
  auto page = e.extract(
      "<html><head><base href='http://cdn.example/root/'><link rel='next' href='p2'></head>"
      "<body><a href='b'>1</a><a href='a#x'>2</a><a href='b#y'>3</a>"
      "<a href='mailto:m@x'>4</a><a href='https://other.example/'>5</a></body></html>",
      "http://site.example/page/");
  ASSERT_TRUE(page) << page.error().message;
  std::vector<std::string> expected = {"http://cdn.example/root/p2", "http://cdn.example/root/b",
                                       "http://cdn.example/root/a", "https://other.example/"};
  EXPECT_EQ(spellings(page->links), expected);
  EXPECT_FALSE(page->thread);
}

// A page's canonical address is another way to reach it (the thread's first page from a
// comment page, a page reached under a tracking parameter): a link like any other.
TEST(PageLinks, IncludeTheCanonicalAddress) {
  Extractor e = open_extractor();
  auto page = e.extract(
      "<html><head><link rel='canonical' href='/t/5/#comments'><link rel='stylesheet' href='/s.css'>"
      "</head><body><a href='/t/6'>6</a></body></html>",
      "http://site.example/t/5/comment-page-2/");
  ASSERT_TRUE(page) << page.error().message;
  EXPECT_EQ(spellings(page->links), (std::vector<std::string>{"http://site.example/t/5/", "http://site.example/t/6"}));
}

TEST(FeedUrls, ReadsSitemapAndSitemapIndex) {
  auto urls = feed_or_sitemap_urls(
      R"(<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">)"
      "<url><loc>https://s.example/a/</loc></url><url><loc> /b/ </loc></url></urlset>",
      "https://s.example/sitemap.xml");
  ASSERT_TRUE(urls);
  EXPECT_EQ(*urls, (std::vector<std::string>{"https://s.example/a/", "https://s.example/b/"}));
  auto index = feed_or_sitemap_urls(
      "<sitemapindex xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'><sitemap>"
      "<loc>https://s.example/post-sitemap.xml</loc></sitemap></sitemapindex>",
      "https://s.example/sitemap_index.xml");
  ASSERT_TRUE(index);
  EXPECT_EQ(*index, (std::vector<std::string>{"https://s.example/post-sitemap.xml"}));
}

TEST(FeedUrls, ReadsRssAndAtomLinks) {
  auto rss = feed_or_sitemap_urls(
      "<rss version='2.0' xmlns:atom='http://www.w3.org/2005/Atom'><channel><title>t</title>"
      "<atom:link href='http://r.example/feed/' rel='self'/><link>http://r.example/</link>"
      "<item><link>/2022/12/16/post/</link></item></channel></rss>",
      "http://r.example/feed/");
  ASSERT_TRUE(rss);
  EXPECT_EQ(*rss, (std::vector<std::string>{"http://r.example/", "http://r.example/2022/12/16/post/"}));
  auto atom = feed_or_sitemap_urls(
      "<feed xmlns='http://www.w3.org/2005/Atom'><link href='http://a.example/'/>"
      "<entry><link rel='alternate' href='http://a.example/e1'/></entry></feed>",
      "http://a.example/atom");
  ASSERT_TRUE(atom);
  EXPECT_EQ(*atom, (std::vector<std::string>{"http://a.example/", "http://a.example/e1"}));
}

// What changed when: a sitemap's <lastmod>, an RSS item's <pubDate>, an Atom entry's
// <updated> (the latest of its dates); a URL without one has none.
TEST(FeedUrls, DateEachUrlWhenTheDocumentSaysItChanged) {
  auto sitemap = feed_or_sitemap_entries(
      "<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
      "<url><loc>https://s.example/a/</loc><lastmod>2024-11-25T15:14:00+00:00</lastmod></url>"
      "<url><lastmod>2024-11-26</lastmod><loc>https://s.example/b/</loc></url>"
      "<url><loc>https://s.example/c/</loc></url></urlset>",
      "https://s.example/sitemap.xml");
  ASSERT_TRUE(sitemap);
  ASSERT_EQ(sitemap->size(), 3u);
  EXPECT_EQ((*sitemap)[0].url, "https://s.example/a/");
  EXPECT_EQ((*sitemap)[0].modified, 1732547640);
  EXPECT_EQ((*sitemap)[1].url, "https://s.example/b/");
  EXPECT_EQ((*sitemap)[1].modified, 1732579200) << "a lastmod before its loc";
  EXPECT_FALSE((*sitemap)[2].modified);
  auto rss = feed_or_sitemap_entries(
      "<rss version='2.0'><channel><link>http://r.example/</link><pubDate>Mon, 25 Nov 2024 15:14:00 GMT</pubDate>"
      "<item><title>On: Post</title><link>http://r.example/post/#comment-5</link>"
      "<pubDate>Mon, 25 Nov 2024 15:14:00 +0000</pubDate></item></channel></rss>",
      "http://r.example/comments/feed/");
  ASSERT_TRUE(rss);
  ASSERT_EQ(rss->size(), 2u);
  EXPECT_FALSE((*rss)[0].modified) << "the channel's own link is no item";
  EXPECT_EQ((*rss)[1].url, "http://r.example/post/");
  EXPECT_EQ((*rss)[1].modified, 1732547640);
  auto atom = feed_or_sitemap_entries(
      "<feed xmlns='http://www.w3.org/2005/Atom'><entry><link rel='replies' href='http://a.example/e1/feed'/>"
      "<link rel='alternate' href='http://a.example/e1'/><published>2024-11-01T00:00:00Z</published>"
      "<updated>2024-11-25T15:14:00Z</updated></entry></feed>",
      "http://a.example/atom");
  ASSERT_TRUE(atom);
  ASSERT_EQ(atom->size(), 1u);
  EXPECT_EQ((*atom)[0].url, "http://a.example/e1");
  EXPECT_EQ((*atom)[0].modified, 1732547640);
}

TEST(FeedUrls, RejectsNonXml) {
  EXPECT_FALSE(feed_or_sitemap_urls("", "http://x/"));
  EXPECT_FALSE(feed_or_sitemap_urls("\x01\x02 not xml at all", "http://x/"));
}

// WordPress names its comments feed in every page's head (feed_links()); that feed is what
// `fora update` reads to find new comments on old posts. A page's own comments feed and the
// posts feed are not it, and a blog without pretty permalinks spells it as a query.
TEST(PageFeeds, WordPressPagesNameTheirCommentsFeed) {
  const Extractor extractor = open_extractor();
  const auto head = [](const std::string& links) {
    return "<!DOCTYPE html><html><head><meta name=\"generator\" content=\"WordPress 6.1.1\" />" + links +
           "</head><body class=\"home blog\"><p>Hello</p></body></html>";
  };
  const std::string pretty = head(
      "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Blog &raquo; Feed\" href=\"https://blog.example/feed/\" />"
      "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Blog &raquo; Comments Feed\" href=\"https://blog.example/comments/feed/\" />"
      "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Blog &raquo; Soyuz Comments Feed\" href=\"https://blog.example/2022/12/16/soyuz/feed/\" />");
  auto page = extractor.extract(pretty, "https://blog.example/2022/12/16/soyuz/", "text/html", std::nullopt);
  ASSERT_TRUE(page) << page.error().message;
  EXPECT_EQ(spellings(page->feeds), std::vector<std::string>{"https://blog.example/comments/feed/"});

  const std::string plain = head(
      "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Blog &raquo; Comments Feed\" href=\"http://blog.example/?feed=comments-rss2\" />");
  page = extractor.extract(plain, "http://blog.example/?p=5", "text/html", std::nullopt);
  ASSERT_TRUE(page) << page.error().message;
  EXPECT_EQ(spellings(page->feeds), std::vector<std::string>{"http://blog.example/?feed=comments-rss2"});
}

// A board's feed is respelled as its links are: SMF names its feed with the guest's
// PHPSESSID, and its profile asks for 50 items (url_rewrite) where the head asks for 5;
// the board's own feed (;board=N) is not the site's.
TEST(PageFeeds, SmfFeedIsAskedForWithoutSessionAndWithFiftyItems) {
  const Extractor extractor = open_extractor();
  const std::string page_html =
      "<!DOCTYPE html><html><head><script>var smf_scripturl = \"/index.php\";</script>"
      "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Forum - RSS\" href=\"/index.php?PHPSESSID=04de800e92cfd8c87b20137dae7f687f&amp;action=.xml;type=rss2;board=2\">"
      "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Forum - RSS\" href=\"/index.php?PHPSESSID=04de800e92cfd8c87b20137dae7f687f&amp;action=.xml;type=rss2\">"
      "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Forum - Atom\" href=\"/index.php?PHPSESSID=04de800e92cfd8c87b20137dae7f687f&amp;action=.xml;type=atom\">"
      "</head><body><p>Hello</p></body></html>";
  auto page = extractor.extract(page_html, "http://forum.example/index.php?board=2.0", "text/html", std::nullopt);
  ASSERT_TRUE(page) << page.error().message;
  EXPECT_EQ(spellings(page->feeds), std::vector<std::string>{"http://forum.example/index.php?action=.xml;type=rss2;limit=50"});
}

}  // namespace
}  // namespace fora::extract
