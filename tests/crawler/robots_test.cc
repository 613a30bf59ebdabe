#include "fora/crawler/robots.h"

#include <gtest/gtest.h>

namespace fora::crawler {
namespace {

// RFC 9309 §5.1, verbatim.
constexpr const char* kRfcExample =
    "User-Agent: *\n"
    "Disallow: *.gif$\n"
    "Disallow: /example/\n"
    "Allow: /publications/\n"
    "\n"
    "User-Agent: foobot\n"
    "Disallow:/\n"
    "Allow:/example/page.html\n"
    "Allow:/example/allowed.gif\n"
    "\n"
    "User-Agent: barbot\n"
    "User-Agent: bazbot\n"
    "Disallow: /example/page.html\n"
    "\n"
    "User-Agent: quxbot\n"
    "\n"
    "EOF\n";

TEST(Robots, RfcExampleFallsBackToStarGroup) {
  auto r = Robots::parse(kRfcExample, "otherbot/1.0");
  EXPECT_FALSE(r.allowed("/example/"));
  EXPECT_FALSE(r.allowed("/example/page.html"));
  EXPECT_FALSE(r.allowed("/images/cat.gif"));
  EXPECT_TRUE(r.allowed("/images/cat.gif?size=2"));  // `$` anchors the end
  EXPECT_TRUE(r.allowed("/publications/"));
  EXPECT_TRUE(r.allowed("/"));
}

TEST(Robots, RfcExampleFoobotGroup) {
  auto r = Robots::parse(kRfcExample, "foobot");
  EXPECT_FALSE(r.allowed("/"));
  EXPECT_FALSE(r.allowed("/example/other.html"));
  EXPECT_TRUE(r.allowed("/example/page.html"));
  EXPECT_TRUE(r.allowed("/example/allowed.gif"));
  EXPECT_FALSE(r.allowed("/publications/"));  // foobot does not inherit the * group's Allow
}

TEST(Robots, SeveralUserAgentLinesShareOneGroup) {
  for (const char* ua : {"barbot", "bazbot/2.0"}) {
    auto r = Robots::parse(kRfcExample, ua);
    EXPECT_FALSE(r.allowed("/example/page.html")) << ua;
    EXPECT_TRUE(r.allowed("/example/other.html")) << ua;
    EXPECT_TRUE(r.allowed("/x.gif")) << ua;  // the * rules do not apply to a named bot
  }
}

TEST(Robots, NamedGroupWithoutRulesAllowsEverything) {
  auto r = Robots::parse(kRfcExample, "quxbot");
  EXPECT_TRUE(r.allowed("/example/page.html"));
  EXPECT_TRUE(r.allowed("/x.gif"));
}

TEST(Robots, UserAgentMatchIsCaseInsensitiveOnTheProductToken) {
  auto r = Robots::parse("User-agent: FooBot\nDisallow: /private\n", "foobot/0.1 (+https://x)");
  EXPECT_FALSE(r.allowed("/private/a"));
  auto other = Robots::parse("USER-AGENT: fora\ndisallow: /x\n", "Fora/0.1");
  EXPECT_FALSE(other.allowed("/x"));
}

TEST(Robots, LongestMatchWins) {  // RFC 9309 §5.2
  auto r = Robots::parse(
      "User-Agent: foobot\nAllow: /example/page/\n"
      "Disallow: /example/page/disallowed.gif\n",
      "foobot");
  EXPECT_TRUE(r.allowed("/example/page/"));
  EXPECT_TRUE(r.allowed("/example/page/allowed.gif"));
  EXPECT_FALSE(r.allowed("/example/page/disallowed.gif"));
}

TEST(Robots, AllowWinsATie) {
  auto r = Robots::parse("User-agent: *\nDisallow: /page\nAllow: /page\n", "fora");
  EXPECT_TRUE(r.allowed("/page"));
  auto wild = Robots::parse("User-agent: *\nDisallow: /a*\nAllow: /*b\n", "fora");
  EXPECT_TRUE(wild.allowed("/ab"));  // both patterns are 3 octets long
}

TEST(Robots, WildcardsAndEndAnchor) {  // RFC 9309 §2.2.3
  auto r = Robots::parse(
      "User-agent: *\n"
      "Disallow: /path/file-with-a-*.html\n"
      "Disallow: /this/path/exactly$\n"
      "Disallow: /*?replytocom=\n",
      "fora");
  EXPECT_FALSE(r.allowed("/path/file-with-a-star.html"));
  EXPECT_FALSE(r.allowed("/path/file-with-a-.html"));
  EXPECT_FALSE(r.allowed("/path/file-with-a-star.html?x"));
  EXPECT_TRUE(r.allowed("/path/file-with-a-star.htm"));
  EXPECT_FALSE(r.allowed("/this/path/exactly"));
  EXPECT_TRUE(r.allowed("/this/path/exactly/more"));
  EXPECT_FALSE(r.allowed("/2022/12/16/post/?replytocom=5"));
  EXPECT_TRUE(r.allowed("/2022/12/16/post/"));
}

TEST(Robots, PercentEncodingIsNormalizedBothWays) {  // RFC 9309 §2.2.2 table
  auto r = Robots::parse(
      "User-agent: *\n"
      "Disallow: /foo/bar?baz=quz\n"
      "Disallow: /utf/\xE3\x83\x84\n"
      "Disallow: /enc/%e3%83%84\n"
      "Disallow: /abc/%62%61%7A\n",
      "fora");
  EXPECT_FALSE(r.allowed("/foo/bar?baz=quz"));
  EXPECT_FALSE(r.allowed("/utf/%E3%83%84"));
  EXPECT_FALSE(r.allowed("/utf/\xE3\x83\x84"));
  EXPECT_FALSE(r.allowed("/enc/%E3%83%84"));
  EXPECT_FALSE(r.allowed("/abc/baz"));
  EXPECT_FALSE(r.allowed("/abc/%62az"));
  EXPECT_TRUE(r.allowed("/abc/bax"));
}

TEST(Robots, GroupsForTheSameAgentAreCombined) {
  auto r = Robots::parse(
      "User-agent: fora\nDisallow: /a\n\nUser-agent: other\nDisallow: /b\n\n"
      "User-agent: fora\nDisallow: /c\n",
      "fora");
  EXPECT_FALSE(r.allowed("/a"));
  EXPECT_TRUE(r.allowed("/b"));
  EXPECT_FALSE(r.allowed("/c"));
}

TEST(Robots, EmptyDisallowAllowsEverything) {
  auto r = Robots::parse("User-agent: *\nDisallow:\n", "fora");
  EXPECT_TRUE(r.allowed("/anything"));
}

TEST(Robots, NoFileOrNoGroupsAllowsEverything) {
  EXPECT_TRUE(Robots::parse("", "fora").allowed("/x"));
  EXPECT_TRUE(
      Robots::parse("# only a comment\nSitemap: https://e.com/s.xml\n", "fora").allowed("/x"));
  EXPECT_TRUE(Robots::parse("Disallow: /\n", "fora").allowed("/x"));  // rule before any group
}

TEST(Robots, CommentsBomAndLineEndings) {
  auto r = Robots::parse(
      "\xEF\xBB\xBFUser-agent: * # everyone\r\nDisallow: /private # no\r\n"
      "Disallow: /old\rAllow: /old/keep\r",
      "fora");
  EXPECT_FALSE(r.allowed("/private/x"));
  EXPECT_FALSE(r.allowed("/old/x"));
  EXPECT_TRUE(r.allowed("/old/keep/x"));
  EXPECT_TRUE(r.allowed("/public"));
}

TEST(Robots, SitemapsAreCollectedFromAnyPosition) {
  auto r = Robots::parse(
      "Sitemap: https://example.com/wp-sitemap.xml\n"
      "User-agent: *\n"
      "Disallow: /wp-admin/\n"
      "sitemap:   https://example.com/news.xml  \n"
      "User-agent: other\n"
      "Disallow: /\n"
      "SITEMAP: https://example.com/more.xml\n",
      "fora");
  EXPECT_EQ(r.sitemaps(), (std::vector<std::string>{"https://example.com/wp-sitemap.xml",
                                                    "https://example.com/news.xml",
                                                    "https://example.com/more.xml"}));
  EXPECT_FALSE(r.allowed("/wp-admin/x"));
  EXPECT_TRUE(r.allowed("/x"));  // the sitemap line did not end the * group's user-agent list
}

TEST(Robots, CrawlDelayOfTheApplicableGroup) {
  auto r = Robots::parse("User-agent: *\nCrawl-delay: 5\n\nUser-agent: fora\nCrawl-delay: 2.5\n",
                         "fora");
  ASSERT_TRUE(r.crawl_delay());
  EXPECT_DOUBLE_EQ(*r.crawl_delay(), 2.5);
  EXPECT_DOUBLE_EQ(*Robots::parse("User-agent: *\nCrawl-delay: 5\n", "fora").crawl_delay(), 5.0);
  EXPECT_FALSE(Robots::parse("User-agent: *\nCrawl-delay: soon\n", "fora").crawl_delay());
  EXPECT_FALSE(Robots::parse("User-agent: *\nDisallow: /x\n", "fora").crawl_delay());
}

TEST(Robots, RobotsTxtItselfIsAlwaysAllowed) {
  EXPECT_TRUE(Robots::disallow_all().allowed("/robots.txt"));
  EXPECT_TRUE(Robots::parse("User-agent: *\nDisallow: /\n", "fora").allowed("/robots.txt"));
}

// RFC 9309 §2.5: the first kReadBytes are read. A line the cut runs through would say less
// than it does ("Disallow: /private/" cut to "Disallow: /" forbids everything): it is
// dropped, as is everything after it.
TEST(Robots, ReadsTheFirst500KiBAndDropsALineTheCutRunsThrough) {
  std::string text = "User-agent: *\nDisallow: /a/\n";
  while (text.size() < Robots::kReadBytes - 100) text += "# filler\n";
  text += std::string(Robots::kReadBytes - 12 - text.size(), '#') + "\n";  // "Disallow: /" ends at the cut
  text += "Disallow: /private/\nDisallow: /b/\n";
  ASSERT_EQ(text.substr(Robots::kReadBytes - 11, 11), "Disallow: /");
  auto r = Robots::parse(text, "fora");
  EXPECT_FALSE(r.allowed("/a/1"));
  EXPECT_TRUE(r.allowed("/x")) << "the cut line is dropped, not read as 'Disallow: /'";
  EXPECT_TRUE(r.allowed("/private/x"));
  EXPECT_TRUE(r.allowed("/b/x")) << "past the cut";
  // The same text cut there by the fetch (a file of exactly kReadBytes) reads the same.
  auto cut = Robots::parse(std::string_view(text).substr(0, Robots::kReadBytes), "fora");
  EXPECT_TRUE(cut.allowed("/x"));
  EXPECT_FALSE(cut.allowed("/a/1"));
}

TEST(Robots, FetchOutcomes) {  // RFC 9309 §2.3.1
  const std::string body = "User-agent: *\nDisallow: /private\n";
  auto ok = Robots::from_response(200, body, "fora");
  EXPECT_FALSE(ok.allowed("/private"));
  EXPECT_TRUE(ok.allowed("/public"));
  for (int status : {400, 401, 403, 404, 410}) {
    EXPECT_TRUE(Robots::from_response(status, body, "fora").allowed("/private")) << status;
  }
  for (int status : {429, 500, 502, 503}) {
    EXPECT_FALSE(Robots::from_response(status, body, "fora").allowed("/public")) << status;
    EXPECT_TRUE(Robots::from_response(status, body, "fora").is_unreachable()) << status;
  }
  EXPECT_FALSE(ok.is_unreachable());
  EXPECT_FALSE(Robots::from_response(404, body, "fora").is_unreachable());
  EXPECT_FALSE(Robots::disallow_all().is_unreachable());
  EXPECT_TRUE(Robots::allow_all().allowed("/anything"));
  EXPECT_FALSE(Robots::disallow_all().allowed("/"));
  EXPECT_FALSE(Robots::disallow_all().allowed("/anything?x=1"));
}

}  // namespace
}  // namespace fora::crawler
