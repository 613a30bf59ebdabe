// Listing rows (listing_rows.h): a link's hash changes exactly when the row around it says
// something new about the thread, whatever engine printed it.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "fora/extract/extractor.h"

namespace fora::extract {
namespace {

Extractor open_extractor() {
  auto e = Extractor::open(FORA_SOURCE_DIR "/data/profiles");
  EXPECT_TRUE(e) << e.error().message;
  return std::move(*e);
}

std::map<std::string, std::uint64_t> rows_of(const Extractor& x, const std::string& html) {
  auto page = x.extract(html, "http://forum.example/viewforum.php?f=2", "text/html; charset=utf-8");
  EXPECT_TRUE(page) << page.error().message;
  std::map<std::string, std::uint64_t> out;
  for (const LinkRow& row : page->rows) out[row.url.str()] = row.hash;
  return out;
}

// A topic list as phpBB's prosilver prints it: title, its pages, replies, views, last post.
std::string topic_list(int replies_of_b, int views, const std::string& last_time_text) {
  auto row = [&](const std::string& id, int replies, const std::string& last) {
    return "<li class=\"row\"><dl class=\"row-item\"><dt><div class=\"list-inner\"><a class=\"topictitle\" href=\"./viewtopic.php?t=" + id +
           "\">Topic " + id + "</a><div class=\"pagination\"><ul><li><a href=\"./viewtopic.php?t=" + id +
           "\">1</a></li><li><a href=\"./viewtopic.php?t=" + id + "&amp;start=10\">2</a></li></ul></div></div></dt>"
           "<dd class=\"posts\">" + std::to_string(replies) + " <dfn>Replies</dfn></dd><dd class=\"views\">" + std::to_string(views) +
           " <dfn>Views</dfn></dd><dd class=\"lastpost\"><span>by <a href=\"./memberlist.php?u=5\">Edward</a> <time datetime=\"" + last +
           "\">" + last_time_text + "</time></span></dd></dl></li>\n";
  };
  return "<html><body><div id=\"wrap\"><ul class=\"nav\"><li><a href=\"./index.php\">Board index</a></li></ul>"
         "<ul class=\"topiclist topics\">" + row("1", 4, "2024-01-01T10:00:00Z") + row("2", replies_of_b, "2024-02-01T10:00:00Z") +
         row("3", 7, "2024-03-01T10:00:00Z") + "</ul>"
         "<div class=\"pagination\"><a class=\"page-numbers\" href=\"./viewforum.php?f=2&amp;start=10\">2</a>"
         "<a class=\"page-numbers\" href=\"./viewforum.php?f=2&amp;start=20\">3</a></div></div></body></html>";
}

TEST(ListingRows, ARowThatSaysSomethingNewChangesTheHashesOfItsLinksOnly) {
  const Extractor x = open_extractor();
  const auto before = rows_of(x, topic_list(5, 100, "3 hours ago"));
  // Topic 2 got a reply; every view count moved; relative times moved on.
  const auto after = rows_of(x, topic_list(6, 250, "4 hours ago"));
  const std::string t1 = "http://forum.example/viewtopic.php?t=1", t2 = "http://forum.example/viewtopic.php?t=2";
  const std::string t2p2 = "http://forum.example/viewtopic.php?t=2&start=10";
  ASSERT_TRUE(before.count(t1) && before.count(t2) && before.count(t2p2));
  EXPECT_EQ(before.at(t1), after.at(t1)) << "views and relative times are not news";
  EXPECT_NE(before.at(t2), after.at(t2)) << "a reply is";
  EXPECT_NE(before.at(t2p2), after.at(t2p2)) << "the topic's page links share its row";
  EXPECT_EQ(before.at("http://forum.example/viewforum.php?f=2&start=10"),
            after.at("http://forum.example/viewforum.php?f=2&start=10"));
  EXPECT_EQ(before.at("http://forum.example/index.php"), after.at("http://forum.example/index.php"));
}

TEST(ListingRows, ARowMovedToAnotherPageOrAloneOnIsTheSameRow) {
  const Extractor x = open_extractor();
  const auto full = rows_of(x, topic_list(5, 100, "x"));
  // Topic 3 alone on a later page: the same <li> row, so the same hash.
  std::string alone = topic_list(5, 100, "x");
  const auto first = alone.find("<li class=\"row\">");
  const auto third = alone.find("<li class=\"row\">", alone.find("<li class=\"row\">", first + 1) + 1);
  alone.erase(first, third - first);
  const auto later = rows_of(x, alone);
  const std::string t3 = "http://forum.example/viewtopic.php?t=3";
  ASSERT_TRUE(later.count(t3));
  EXPECT_FALSE(later.count("http://forum.example/viewtopic.php?t=1"));
  EXPECT_EQ(full.at(t3), later.at(t3));
}

TEST(ListingRows, AThreadPageHasNoneAListingPageHasThem) {
  const Extractor x = open_extractor();
  const auto read = [&](const std::string& path, const std::string& url) {
    std::ifstream in(std::string(FORA_SOURCE_DIR) + "/data/sample-site/" + path, std::ios::binary);
    std::stringstream html;
    html << in.rdbuf();
    auto page = x.extract(html.str(), url, "text/html; charset=UTF-8");
    EXPECT_TRUE(page) << path;
    return std::move(*page);
  };
  const Page thread = read("2019/03/14/soyuz-ms-12-carries-three-to-the-iss/index.html",
                           "http://127.0.0.1/2019/03/14/soyuz-ms-12-carries-three-to-the-iss/");
  ASSERT_TRUE(thread.thread);
  EXPECT_TRUE(thread.rows.empty());
  const Page home = read("index.html", "http://127.0.0.1/");
  ASSERT_FALSE(home.thread);
  ASSERT_FALSE(home.rows.empty());
  // Every row is one of the links the crawl follows.
  for (const LinkRow& row : home.rows)
    EXPECT_TRUE(std::any_of(home.links.begin(), home.links.end(), [&](const Url& u) { return u == row.url; }))
        << row.url.str();
}

}  // namespace
}  // namespace fora::extract
