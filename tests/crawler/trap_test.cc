#include <gtest/gtest.h>

#include "fora/crawler/scope.h"

namespace fora::crawler {
namespace {

const std::string kSite = "https://example.com";

void expect_trap(const std::string& path) {
  EXPECT_TRUE(trap_reason(kSite + path).has_value()) << path << " should be a trap";
}

void expect_not_trap(const std::string& path) {
  auto reason = trap_reason(kSite + path);
  EXPECT_FALSE(reason.has_value()) << path << " is not a trap, but: " << reason.value_or("");
}

TEST(TrapReason, ReplyToCommentLinks) {
  expect_trap("/2022/12/16/soyuz/?replytocom=123");
  expect_trap("/2022/12/16/soyuz/?foo=1&replytocom=123");
}

TEST(TrapReason, ShareAndLikeLinks) {
  expect_trap("/2022/12/16/soyuz/?share=twitter");
  expect_trap("/2022/12/16/soyuz/?share=facebook&nb=1");
  expect_trap("/2022/12/16/soyuz/?like_comment=42&_wpnonce=abc");
}

TEST(TrapReason, FeedsOtherThanTheSiteFeeds) {
  expect_trap("/2022/12/16/soyuz/feed/");
  expect_trap("/category/space/feed/");
  expect_trap("/tag/soyuz/feed/");
  expect_trap("/feed/atom/");
  expect_trap("/comments/feed/atom/");
  expect_trap("/2022/12/16/soyuz/comments/feed/");
  expect_trap("/2022/12/16/soyuz/?feed=rss2");
  expect_trap("/?feed=rss2&p=5");
  expect_trap("/?feed=comments-rss2&p=5");
  expect_trap("/?feed=atom");
}

// The site's feed of new posts and of the newest comments are what `fora update` reads to
// find new posts and new comments on old posts, in both URL forms WordPress prints.
TEST(TrapReason, TheSiteFeedsAreNotTraps) {
  expect_not_trap("/feed/");
  expect_not_trap("/comments/feed/");
  expect_not_trap("/?feed=rss2");
  expect_not_trap("/?feed=comments-rss2");
}

TEST(TrapReason, AmpVariants) {
  expect_trap("/2022/12/16/soyuz/amp/");
  expect_trap("/amp/2022/12/16/soyuz/");
  expect_trap("/2022/12/16/soyuz/?amp=1");
  expect_trap("/2022/12/16/soyuz/?amp");
}

TEST(TrapReason, SearchResults) {
  expect_trap("/?s=soyuz");
  expect_trap("/page/2/?s=soyuz");
  expect_trap("/search/soyuz/");
}

TEST(TrapReason, DateArchivesAndCalendars) {
  expect_trap("/2022/");
  expect_trap("/2022/12/");
  expect_trap("/2022/12/16/");
  expect_trap("/2022/12/page/2/");
  expect_trap("/?m=202212");
}

TEST(TrapReason, WordPressMachinery) {
  expect_trap("/wp-json/");
  expect_trap("/wp-json/wp/v2/posts/1");
  expect_trap("/wp-json/oembed/1.0/embed?url=https%3A%2F%2Fexample.com%2Fx%2F");
  expect_trap("/wp-login.php");
  expect_trap("/wp-login.php?action=register");
  expect_trap("/wp-admin/");
  expect_trap("/wp-admin/post.php?post=1&action=edit");
  expect_trap("/xmlrpc.php");
  expect_trap("/xmlrpc.php?rsd");
  expect_trap("/2022/12/16/soyuz/trackback/");
  expect_trap("/2022/12/16/soyuz/embed/");
}

TEST(TrapReason, Shortlinks) {
  expect_trap("/?p=123");
  expect_trap("/?page_id=2");
}

TEST(TrapReason, FragmentsAreGoneBeforeJudging) {
  expect_not_trap("/2022/12/16/soyuz/#respond");
  expect_not_trap("/2022/12/16/soyuz/#comment-7");
}

TEST(TrapReason, PostShortlinksButNotPageNumbers) {
  EXPECT_TRUE(trap_reason("http://x.example/?p=12"));
  EXPECT_TRUE(trap_reason("http://x.example/viewtopic.php?p=380430"));
  EXPECT_FALSE(trap_reason("http://x.example/item?id=16909056&p=2"));
}

TEST(TrapReason, CalendarsOnAnyEngine) {
  EXPECT_TRUE(trap_reason("http://x.example/calendar.php?c=1&y=2024&m=5"));
  EXPECT_TRUE(trap_reason("http://x.example/calendar/2024/05/"));
  EXPECT_TRUE(trap_reason("http://x.example/events?month=2024-05"));
  EXPECT_TRUE(trap_reason("http://x.example/index.php?action=calendar;year=2024;month=5"));
  EXPECT_TRUE(trap_reason("http://x.example/list?date=2024-05-01"));
}

TEST(TrapReason, ThreadsAndListingsAreNotTraps) {
  expect_not_trap("/");
  expect_not_trap("/2022/12/16/soyuz/");
  expect_not_trap("/2022/12/16/soyuz-ms-22-coolant-leak/");
  expect_not_trap("/2022/12/soyuz/");  // month-based permalink with a slug
  expect_not_trap("/soyuz/");
  expect_not_trap("/page/2/");
  expect_not_trap("/category/space/");
  expect_not_trap("/category/space/page/3/");
  expect_not_trap("/tag/soyuz/");
  expect_not_trap("/feed/");
  expect_not_trap("/wp-sitemap.xml");
  expect_not_trap("/wp-sitemap-posts-post-1.xml");
  expect_not_trap("/sitemap.xml");
  expect_not_trap("/robots.txt");
}

TEST(TrapReason, CommentPagesAreRealPagination) {
  expect_not_trap("/2022/12/16/soyuz/comment-page-2/");
  expect_not_trap("/2022/12/16/soyuz/comment-page-12/#comments");
}

TEST(TrapReason, SlugsThatOnlyLookLikeTrapsAreNot) {
  expect_not_trap("/amplifier-review/");
  expect_not_trap("/feedback/");
  expect_not_trap("/2022/12/16/the-feed-of-the-future/");
  expect_not_trap("/tag/ampere/");
  expect_not_trap("/2022/12/16/soyuz/?utm_source=x");  // not ours to strip, but not a trap
  expect_not_trap("/?paged=2");
}

TEST(Trap, AddressesThatKeepGrowingOnAnyEngine) {
  EXPECT_TRUE(trap_reason("http://example.com/a/b/a/b/a/b/"));
  EXPECT_TRUE(trap_reason("http://example.com/x?page=1&page=2&page=3"));
  EXPECT_TRUE(trap_reason("http://example.com/" + std::string(1100, 'a')));
  std::string deep = "http://example.com";
  for (int i = 0; i < 17; ++i) deep += "/s" + std::to_string(i);
  EXPECT_TRUE(trap_reason(deep));
  // Real pages are not: a long slug, a thread's pages, a forum's usual parameters.
  EXPECT_FALSE(trap_reason("http://example.com/forum/t/some-long-topic-slug-about-soyuz/123/4"));
  EXPECT_FALSE(trap_reason("http://example.com/index.php?topic=5.15;all"));
  EXPECT_FALSE(trap_reason("http://example.com/a/b/a/b/"));  // twice is a site's own layout
  EXPECT_FALSE(trap_reason("http://example.com/viewtopic.php?f=2&t=15&start=30"));
}

// Issue 20: the print, lite and mobile copies every forum engine prints of its pages, and a
// post permalink that names no thread.
TEST(TrapReason, PrintLiteAndMobileViewsOfEveryEngine) {
  EXPECT_TRUE(trap_reason("http://x.example/index.php?action=printpage;topic=5.0"));     // SMF
  EXPECT_TRUE(trap_reason("http://x.example/index.php?topic=5.0;wap2"));                 // SMF
  EXPECT_TRUE(trap_reason("http://x.example/viewtopic.php?f=2&t=5&view=print"));         // phpBB 3.0
  EXPECT_TRUE(trap_reason("http://x.example/printthread.php?tid=5"));                    // MyBB
  EXPECT_TRUE(trap_reason("http://x.example/printthread.php?t=5&pp=10&page=2"));         // vBulletin 4
  EXPECT_TRUE(trap_reason("http://x.example/archive/index.php?thread-5.html"));          // MyBB lite
  EXPECT_TRUE(trap_reason("http://x.example/forum/archive/index.php/t-5.html"));         // vBulletin
  EXPECT_TRUE(trap_reason("http://x.example/t/coolant-leak/5/print"));                   // Discourse
  EXPECT_TRUE(trap_reason("http://x.example/topic/5-leak/?do=print"));                   // Invision
  EXPECT_TRUE(trap_reason("http://x.example/index.php/lofiversion/index.php/t5.html"));  // Invision 2
  EXPECT_TRUE(trap_reason("http://x.example/showthread.php?pid=77"));                    // a post alone
  EXPECT_TRUE(trap_reason("http://x.example/showpost.php?postid=77"));
  // A blog post about printing and an archive of a mail list are pages.
  EXPECT_FALSE(trap_reason("http://x.example/2023/01/05/print-your-own-rocket/"));
  EXPECT_FALSE(trap_reason("http://x.example/print/"));
  EXPECT_FALSE(trap_reason("http://x.example/archives/list/dev@example.org/2023/1/"));
  EXPECT_FALSE(trap_reason("http://x.example/showthread.php?tid=5&pid=77"));  // same_page() takes it
}

Url url(const std::string& s) { return *Url::parse(s); }

TEST(SamePage, SortOrdersDateCutsAndPageSizesAreOnePage) {
  EXPECT_EQ(same_page(url("http://x.example/forumdisplay.php?fid=2&sortby=subject&order=asc")).str(),
            "http://x.example/forumdisplay.php?fid=2");
  EXPECT_EQ(same_page(url("http://x.example/forumdisplay.php?fid=2&page=3&datecut=9999&order=desc")).str(),
            "http://x.example/forumdisplay.php?fid=2&page=3");
  EXPECT_EQ(same_page(url("http://x.example/index.php?board=1.20;sort=subject;desc")).str(),
            "http://x.example/index.php?board=1.20");
  EXPECT_EQ(same_page(url("http://x.example/forums/launch.2/?order=title&direction=asc")).str(),
            "http://x.example/forums/launch.2/");
  EXPECT_EQ(same_page(url("http://x.example/showthread.php?t=5&pp=40&highlight=soyuz")).str(),
            "http://x.example/showthread.php?t=5");
}

TEST(SamePage, APostPermalinkIsItsThreadsPage) {
  EXPECT_EQ(same_page(url("http://x.example/showthread.php?tid=5&pid=77#pid77")).str(), "http://x.example/showthread.php?tid=5");
  EXPECT_EQ(same_page(url("http://x.example/showthread.php?t=5&postcount=12")).str(), "http://x.example/showthread.php?t=5");
  EXPECT_EQ(same_page(url("http://x.example/viewtopic.php?t=5&p=77#p77")).str(), "http://x.example/viewtopic.php?t=5");
  EXPECT_EQ(same_page(url("http://x.example/viewtopic.php?f=2&t=5&p=77")).str(), "http://x.example/viewtopic.php?f=2&t=5");
  EXPECT_EQ(same_page(url("http://x.example/showthread.php?t=5&goto=newpost")).str(), "http://x.example/showthread.php?t=5");
  // Discourse's posts feed: topic 5 opened at its post number 12.
  EXPECT_EQ(same_page(url("http://x.example/t/coolant-leak/5/12")).str(), "http://x.example/t/coolant-leak/5");
  EXPECT_EQ(same_page(url("http://x.example/forum/t/coolant-leak/5/12?u=ed")).str(), "http://x.example/forum/t/coolant-leak/5?u=ed");
  EXPECT_EQ(same_page(url("http://x.example/t/coolant-leak/5?page=2")).str(), "http://x.example/t/coolant-leak/5?page=2");
  // SMF's feed and quote headers: topic 5 opened at message 77.
  EXPECT_EQ(same_page(url("http://x.example/index.php?topic=5.msg77#msg77")).str(), "http://x.example/index.php?topic=5.0");
  EXPECT_EQ(same_page(url("http://x.example/index.php?PHPSESSID=ab;topic=5.msg77")).str(), "http://x.example/index.php?topic=5.0");
  EXPECT_EQ(same_page(url("http://x.example/index.php?topic=5.msg77;topicseen")).str(), "http://x.example/index.php?topic=5.0;topicseen");
}

// A feed's entry is not bounded as a page's links are (a hostile one was a megabyte long and
// crashed std::regex, which recursed a level a character): it is read in one pass.
TEST(SamePage, AMegabyteAddressIsReadAndSimilarOnesAreLeft) {
  const std::string slug(1 << 20, 'a');
  EXPECT_EQ(same_page(url("http://x.example/t/" + slug + "/5/12")).str(), "http://x.example/t/" + slug + "/5");
  const std::string msg(1 << 20, '7');
  EXPECT_EQ(same_page(url("http://x.example/index.php?topic=5.msg" + msg)).str(), "http://x.example/index.php?topic=5.0");
  // Not a topic opened at a post: left as they are.
  for (const char* kept : {"http://x.example/t/slug/5", "http://x.example/a/b/t/slug/5/12", "http://x.example/t/slug/x/12",
                           "http://x.example/index.php?topic=5.20", "http://x.example/index.php?mytopic=5.msg7",
                           "http://x.example/index.php?topic=5.msg7x"})
    EXPECT_EQ(same_page(url(kept)).str(), kept);
}

TEST(SamePage, ABareIndexFileIsItsFolder) {
  EXPECT_EQ(same_page(url("http://x.example/index.php")).str(), "http://x.example/");
  EXPECT_EQ(same_page(url("http://x.example/forum/index.html")).str(), "http://x.example/forum/");
  EXPECT_EQ(same_page(url("http://x.example/index.php?sort=asc")).str(), "http://x.example/");
  // With a query the script chooses the page; a page number, a thread or a mode is kept.
  EXPECT_EQ(same_page(url("http://x.example/index.php?topic=5.0")).str(), "http://x.example/index.php?topic=5.0");
  EXPECT_EQ(same_page(url("http://x.example/item?id=5&p=2")).str(), "http://x.example/item?id=5&p=2");
  EXPECT_EQ(same_page(url("http://x.example/questions/5?tab=votes")).str(), "http://x.example/questions/5?tab=votes");
}

}  // namespace
}  // namespace fora::crawler
