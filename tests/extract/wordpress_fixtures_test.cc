// The wordpress profile against real classic-theme pages (../shared/fixtures/real). Expected
// values were read from the HTML by hand, not taken from the extractor's output.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "fora/extract/extractor.h"

namespace fora::extract {
namespace {

const Entry* find_comment(const ThreadPage& t, const std::string& id) {
  auto it = std::find_if(t.comments.begin(), t.comments.end(),
                         [&](const Entry& e) { return e.native_id == id; });
  return it == t.comments.end() ? nullptr : &*it;
}

bool has_control(const std::string& s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if ((c < 0x20 && c != '\n') || c == 0x7F) return true;
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) <= 0x9F) return true;
  }
  return false;
}

class WordpressFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(FORA_FIXTURES_DIR "/wordpress-classic"))
      GTEST_SKIP() << "fixture folder absent: " FORA_FIXTURES_DIR
                      "/wordpress-classic (real pages are not shipped with fora)";
    auto e = Extractor::open(FORA_SOURCE_DIR "/data/profiles");
    ASSERT_TRUE(e) << e.error().message;
    extractor_ = std::make_unique<Extractor>(std::move(*e));
  }

  Page extract(const std::string& file, const std::string& url,
               const std::string& folder = "wordpress-classic") {
    std::ifstream in(FORA_FIXTURES_DIR "/" + folder + "/" + file, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    auto page = extractor_->extract(ss.str(), url, "text/html; charset=UTF-8");
    EXPECT_TRUE(page) << page.error().message;
    EXPECT_EQ(page->profile, "wordpress");
    EXPECT_TRUE(page->thread.has_value());
    for (const Entry& c : page->thread->comments) {
      EXPECT_FALSE(has_control(c.text)) << c.native_id;
      EXPECT_FALSE(has_control(c.author)) << c.native_id;
    }
    return std::move(*page);
  }

  std::unique_ptr<Extractor> extractor_;
};

TEST_F(WordpressFixture, GormulusThreadedCommentsWithoutPingbacks) {
  const std::string url =
      "https://gormulus.wordpress.com/2012/12/11/das-wird-man-ja-wohl-noch-sagen-durfen/";
  Page page = extract("gormulus-wpcom-sagen-duerfen.html", url);
  const ThreadPage& t = *page.thread;
  EXPECT_EQ(t.thread_id, "339");  // body class postid-339, article#post-339
  EXPECT_EQ(t.thread_url, url);   // rel=canonical
  EXPECT_EQ(t.title, "\xE2\x80\x9E" "Das wird man ja wohl noch sagen d\xC3\xBC" "rfen!\xE2\x80\x9C");
  EXPECT_EQ(t.comments.size(), 40u);  // 45 id="comment-N", 5 of them pingbacks
  EXPECT_EQ(find_comment(t, "155"), nullptr);  // a pingback
  ASSERT_TRUE(t.post);
  EXPECT_EQ(t.post->native_id, "339");

  const Entry* first = find_comment(t, "154");
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(first->author, "photobix");
  EXPECT_EQ(first->published, 1355220437);  // 2012-12-11T11:07:17+01:00
  EXPECT_EQ(first->parent_id, "");
  EXPECT_EQ(first->text, "Danke!");
  EXPECT_EQ(first->url, url + "#comment-154");

  const Entry* reply = find_comment(t, "157");  // in ol.children of li-comment-156
  ASSERT_NE(reply, nullptr);
  EXPECT_EQ(reply->author, "Mathias");
  EXPECT_EQ(reply->published, 1355228381);  // 2012-12-11T13:19:41+01:00
  EXPECT_EQ(reply->parent_id, "156");
}

TEST_F(WordpressFixture, ScalziFlatCommentsWithCommentNameAuthors) {
  const std::string url =
      "https://whatever.scalzi.com/2025/12/18/"
      "the-december-comfort-watches-2025-day-eighteen-starship-troopers/";
  Page page = extract("scalzi-whatever-comfort-watches.html", url);
  const ThreadPage& t = *page.thread;
  EXPECT_EQ(t.thread_id, "58786");  // body class postid-58786
  EXPECT_EQ(t.comments.size(), 59u);
  const Entry* emma = find_comment(t, "949547");
  ASSERT_NE(emma, nullptr);
  EXPECT_EQ(emma->author, "Emma");
  EXPECT_EQ(emma->published, 1766113154);  // 2025-12-18T21:59:14-05:00
  EXPECT_EQ(emma->parent_id, "");
  EXPECT_EQ(emma->text.rfind("I know what you mean;", 0), 0u);
  const Entry* scalzi = find_comment(t, "949545");
  ASSERT_NE(scalzi, nullptr);
  EXPECT_EQ(scalzi->author, "John Scalzi");
  // Three <p> in the comment become three lines.
  EXPECT_EQ(std::count(scalzi->text.begin(), scalzi->text.end(), '\n'), 2);
}

TEST_F(WordpressFixture, SpektrumQuotesAreKeptApartFromOwnWords) {
  const std::string url =
      "https://scilogs.spektrum.de/engelbart-galaxis/die-ablehnung-der-gendersprache/";
  Page page = extract("spektrum-scilogs-gendersprache.html", url);
  const ThreadPage& t = *page.thread;
  EXPECT_EQ(t.thread_id, "1568");
  EXPECT_EQ(t.comments.size(), 59u);
  const Entry* c = find_comment(t, "2772");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->author, "Dietmar Hilsebein");
  // The theme prints only "8. April 2019 @ 11:38" (local time, no zone).
  EXPECT_EQ(c->published, 1554723480);  // 2019-04-08T11:38:00, read as UTC
  EXPECT_EQ(c->precision, DatePrecision::NoZone);
  ASSERT_EQ(c->quotes.size(), 1u);
  EXPECT_EQ(c->quotes[0].text.rfind("weiter Akt: Der VDS", 0), 0u);
  EXPECT_EQ(c->text.rfind("Sind da Frauen nicht befragt worden?", 0), 0u);
  EXPECT_EQ(c->text.find("weiter Akt"), std::string::npos);
  // The comment-meta list (reply link, author, time) is not part of the text.
  EXPECT_EQ(c->text.find("Antworten"), std::string::npos);

  const Entry* reply = find_comment(t, "2812");
  ASSERT_NE(reply, nullptr);
  EXPECT_EQ(reply->parent_id, "2772");
  EXPECT_EQ(reply->author, "Henning Lobin");
  const Entry* four = find_comment(t, "2815");
  ASSERT_NE(four, nullptr);
  EXPECT_EQ(four->quotes.size(), 4u);
}

TEST_F(WordpressFixture, BlockThemeCommentsBlockIsReadToo) {
  const std::string url =
      "https://houseplanthouse.com/2021/02/27/a-hph-guide-to-low-light-tolerant-houseplants/";
  Page page = extract("houseplanthouse-low-light.html", url, "wordpress-block");
  const ThreadPage& t = *page.thread;
  EXPECT_EQ(t.thread_id, "12787");  // body class postid-12787
  ASSERT_EQ(t.comments.size(), 2u);
  EXPECT_EQ(t.comments[0].native_id, "3133");
  EXPECT_EQ(t.comments[0].author, "jamesfox966473278");  // .wp-block-comment-author-name
  EXPECT_EQ(t.comments[0].published, 1615239988);        // 2021-03-08T21:46:28+00:00
  // The Jetpack "Like" line inside the content is not the commenter's words.
  EXPECT_EQ(t.comments[0].text,
            "Super informative as usual.\nMaking me want to go and buy some more plants!");
  EXPECT_EQ(t.comments[1].native_id, "3360");
  EXPECT_EQ(t.comments[1].parent_id, "3133");
  EXPECT_EQ(t.categories, (std::vector<std::string>{"A HPH guide to\xE2\x80\xA6",
                                                    "houseplant basics", "Houseplants"}));
  EXPECT_TRUE(t.tags.empty());
}

TEST_F(WordpressFixture, LinksAreAbsoluteHttpWithoutFragments) {
  const std::string url =
      "https://gormulus.wordpress.com/2012/12/11/das-wird-man-ja-wohl-noch-sagen-durfen/";
  Page page = extract("gormulus-wpcom-sagen-duerfen.html", url);
  ASSERT_FALSE(page.links.empty());
  std::vector<std::string> links;
  for (const Url& link : page.links) links.push_back(link.str());
  for (const std::string& link : links) {
    EXPECT_TRUE(link.rfind("http://", 0) == 0 || link.rfind("https://", 0) == 0) << link;
    EXPECT_EQ(link.find('#'), std::string::npos) << link;
  }
  // The pingback's source and a link in the post body.
  auto has = [&](const std::string& u) { return std::find(links.begin(), links.end(), u) != links.end(); };
  EXPECT_TRUE(has("https://gormulus.wordpress.com/2012/12/09/"
                  "israel-von-grabenkampfen-und-dem-wert-wahrer-freundschaft/"));
  EXPECT_TRUE(has("https://twitter.com/tarzun"));
  std::vector<std::string> sorted = links;
  std::sort(sorted.begin(), sorted.end());
  EXPECT_EQ(std::adjacent_find(sorted.begin(), sorted.end()), sorted.end());
}

// feed_links_extra() names a singular post's own comments feed after feed_links()' site
// feeds; the hrefs below were read from each page's head. It is the thread's feed, not one of
// the site's feeds (the comments feed stays the one change feed) and no link to follow.
TEST_F(WordpressFixture, EachPostNamesItsOwnCommentsFeed) {
  struct Case {
    const char *file, *folder, *url, *own, *site;
  };
  const Case cases[] = {
      {"gormulus-wpcom-sagen-duerfen.html", "wordpress-classic",
       "https://gormulus.wordpress.com/2012/12/11/das-wird-man-ja-wohl-noch-sagen-durfen/",
       "https://gormulus.wordpress.com/2012/12/11/das-wird-man-ja-wohl-noch-sagen-durfen/feed/",
       "https://gormulus.wordpress.com/comments/feed/"},
      {"scalzi-whatever-comfort-watches.html", "wordpress-classic",
       "https://whatever.scalzi.com/2025/12/18/the-december-comfort-watches-2025-day-eighteen-starship-troopers/",
       "https://whatever.scalzi.com/2025/12/18/the-december-comfort-watches-2025-day-eighteen-starship-troopers/feed/",
       "https://whatever.scalzi.com/comments/feed/"},
      {"spektrum-scilogs-gendersprache.html", "wordpress-classic",
       "https://scilogs.spektrum.de/engelbart-galaxis/die-ablehnung-der-gendersprache/",
       "https://scilogs.spektrum.de/engelbart-galaxis/die-ablehnung-der-gendersprache/feed/",
       "https://scilogs.spektrum.de/engelbart-galaxis/comments/feed/"},
      {"houseplanthouse-low-light.html", "wordpress-block",
       "https://houseplanthouse.com/2021/02/27/a-hph-guide-to-low-light-tolerant-houseplants/",
       "https://houseplanthouse.com/2021/02/27/a-hph-guide-to-low-light-tolerant-houseplants/feed/",
       "https://houseplanthouse.com/comments/feed/"},
  };
  for (const Case& c : cases) {
    Page page = extract(c.file, c.url, c.folder);
    EXPECT_EQ(page.thread->feed, c.own) << c.file;
    std::vector<std::string> feeds;
    for (const Url& feed : page.feeds) feeds.push_back(feed.str());
    EXPECT_EQ(feeds, std::vector<std::string>{c.site}) << c.file;
    for (const Url& link : page.links) EXPECT_NE(link.str(), c.own) << c.file;
  }
}

}  // namespace
}  // namespace fora::extract
