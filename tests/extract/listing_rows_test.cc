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

// A board index as MyBB's forumbit templates print it: a table.tborder for each category,
// its forums one <tr> each (the forum, a subforum, the last post's thread and poster). Few
// enough links for the category's table to pass for one row, yet each forum is its own.
std::string board_index(const std::string& last_in_forum_2) {
  auto forum = [](const std::string& fid, const std::string& sub, const std::string& tid, const std::string& when) {
    return "<tr><td class=\"trow1\"><strong><a href=\"forumdisplay.php?fid=" + fid + "\">Forum " + fid +
           "</a></strong><div class=\"smalltext\"><strong>Sub Forums:</strong> <a href=\"forumdisplay.php?fid=" + sub +
           "\">Sub " + sub + "</a></div></td><td class=\"trow1\">12</td><td class=\"trow1\"><span class=\"smalltext\">"
           "<a href=\"showthread.php?tid=" + tid + "&amp;action=lastpost\">Thread " + tid + "</a><br />" + when +
           "<br />by <a href=\"member.php?action=profile&amp;uid=3\">Anna</a></span></td></tr>";
  };
  auto category = [](const std::string& cid, const std::string& rows) {
    return "<table class=\"tborder\"><thead><tr><td class=\"thead\"><strong><a href=\"forumdisplay.php?fid=" + cid +
           "\">Category " + cid + "</a></strong></td></tr></thead><tbody>" + rows + "</tbody></table>";
  };
  return "<html><body><div id=\"content\">" +
         category("1", forum("2", "5", last_in_forum_2, "Today, 10:00") + forum("3", "6", "31", "01-02-2024")) +
         category("4", forum("7", "8", "71", "03-04-2024")) + "</div></body></html>";
}

TEST(ListingRows, EachForumOfABoardIndexIsARowOfItsOwn) {
  const Extractor x = open_extractor();
  const auto before = rows_of(x, board_index("21"));
  const auto after = rows_of(x, board_index("22"));  // a reply in forum 2's thread 22
  const std::string base = "http://forum.example/";
  ASSERT_TRUE(before.count(base + "forumdisplay.php?fid=3"));
  EXPECT_NE(before.at(base + "forumdisplay.php?fid=2"), after.at(base + "forumdisplay.php?fid=2"));
  EXPECT_EQ(before.at(base + "forumdisplay.php?fid=3"), after.at(base + "forumdisplay.php?fid=3"))
      << "a forum whose row did not change";
  EXPECT_EQ(before.at(base + "forumdisplay.php?fid=6"), after.at(base + "forumdisplay.php?fid=6"));
  EXPECT_EQ(before.at(base + "forumdisplay.php?fid=1"), after.at(base + "forumdisplay.php?fid=1"))
      << "the category's own link";
  EXPECT_EQ(before.at(base + "forumdisplay.php?fid=7"), after.at(base + "forumdisplay.php?fid=7"));
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
