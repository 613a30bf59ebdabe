// The wordpress profile against the sample site (data/sample-site: static pages saved from
// a real WordPress 6.1 install) and the ground truth taken from its database
// (data/sample-site-truth.json).
#include <gtest/gtest.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "fora/extract/extractor.h"
#include "iso_date.h"

namespace fora::extract {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const fs::path kSite = FORA_SOURCE_DIR "/data/sample-site";
const fs::path kTruth = FORA_SOURCE_DIR "/data/sample-site-truth.json";
const std::string kOrigin = "http://127.0.0.1:8080";

// Lowercased words (ASCII letters/digits; any non-ASCII byte counts as a letter).
std::vector<std::string> words(const std::string& text) {
  std::vector<std::string> out;
  std::string word;
  for (char ch : text) {
    auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c >= 0x80) {
      word += static_cast<char>(std::tolower(c));
    } else if (!word.empty()) {
      out.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) out.push_back(word);
  return out;
}

class SampleSite : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(kTruth) || !fs::exists(kSite / "index.html"))
      GTEST_SKIP() << "sample site not generated yet: " << kSite << " / " << kTruth;
    std::ifstream in(kTruth);
    truth_ = json::parse(in);
    auto e = Extractor::open(FORA_SOURCE_DIR "/data/profiles");
    ASSERT_TRUE(e) << e.error().message;
    extractor_ = std::make_unique<Extractor>(std::move(*e));
  }

  // The page saved for `path` ("/slug/comment-page-2/"), extracted as if served.
  const Page& page(const std::string& path) {
    auto it = pages_.find(path);
    if (it != pages_.end()) return it->second;
    std::ifstream in(kSite / fs::path(path.substr(1)) / "index.html", std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    auto result = extractor_->extract(ss.str(), kOrigin + path, "text/html; charset=UTF-8");
    EXPECT_TRUE(result) << path << ": " << (result ? "" : result.error().message);
    return pages_.emplace(path, result ? std::move(*result) : Page{}).first->second;
  }

  json truth_;
  std::unique_ptr<Extractor> extractor_;
  std::map<std::string, Page> pages_;
};

TEST_F(SampleSite, EveryCommentPageOfAThreadNamesOneThread) {
  for (const json& post : truth_["posts"]) {
    const std::string url = post["url"];
    for (const json& p : post["comment_pages"]) {
      const Page& pg = page(p.get<std::string>());
      ASSERT_TRUE(pg.thread) << p;
      EXPECT_EQ(pg.thread->thread_id, std::to_string(post["id"].get<int>())) << p;
      EXPECT_EQ(pg.thread->thread_url, kOrigin + url) << p;
    }
  }
}

TEST_F(SampleSite, PostsMatchTheDatabase) {
  for (const json& post : truth_["posts"]) {
    const std::string url = post["url"];
    const Page& pg = page(url);
    ASSERT_TRUE(pg.thread) << url;
    const ThreadPage& t = *pg.thread;
    EXPECT_EQ(t.title, post["title"].get<std::string>()) << url;
    EXPECT_EQ(t.categories, post["categories"].get<std::vector<std::string>>()) << url;
    EXPECT_EQ(t.tags, post["tags"].get<std::vector<std::string>>()) << url;
    ASSERT_TRUE(t.post) << url;
    EXPECT_EQ(t.post->author, post["author"].get<std::string>()) << url;
    EXPECT_EQ(t.post->published, parse_iso8601(post["date_utc"].get<std::string>())) << url;
    std::set<std::string> have;
    for (auto& w : words(t.post->text)) have.insert(w);
    for (auto& w : words(post["text"].get<std::string>()))
      EXPECT_TRUE(have.count(w)) << url << ": post text lacks '" << w << "'";
  }
}

TEST_F(SampleSite, EveryCommentMatchesTheDatabase) {
  // Words an attribution line carries besides the name; it is removed from own text.
  const std::set<std::string> attribution_words = {"wrote", "writes", "said", "says", "asked",
                                                   "asks", "quoting", "on"};
  std::map<std::string, std::size_t> expected_per_page;
  for (const json& c : truth_["comments"]) {
    const std::string id = std::to_string(c["id"].get<int>());
    const std::string page_url = c["page_url"];
    ++expected_per_page[page_url];
    const Page& pg = page(page_url);
    ASSERT_TRUE(pg.thread) << page_url;
    const Entry* found = nullptr;
    for (const Entry& e : pg.thread->comments)
      if (e.native_id == id) found = &e;
    ASSERT_NE(found, nullptr) << "comment " << id << " not on " << page_url;
    EXPECT_EQ(found->author, c["author"].get<std::string>()) << id;
    EXPECT_EQ(found->published, parse_iso8601(c["date_utc"].get<std::string>())) << id;
    int parent = c["parent"];
    EXPECT_EQ(found->parent_id, parent == 0 ? "" : std::to_string(parent)) << id;
    EXPECT_EQ(found->url, kOrigin + page_url + "#comment-" + id);
    std::set<std::string> have(attribution_words);
    for (auto& w : words(found->text)) have.insert(w);
    for (const Quote& q : found->quotes) {
      for (auto& w : words(q.text)) have.insert(w);
      for (auto& w : words(q.author)) have.insert(w);
    }
    for (auto& w : words(c["text"].get<std::string>()))
      EXPECT_TRUE(have.count(w)) << "comment " << id << " lacks '" << w << "'";
  }
  for (const auto& [url, count] : expected_per_page)
    EXPECT_EQ(page(url).thread->comments.size(), count) << url;
}

TEST_F(SampleSite, QuotedAuthorsAreNamed) {
  // Comment 21 opens with "David Eastman wrote:" and comment 27 with "Chris asked:".
  std::map<int, std::string> quoted = {{21, "David Eastman"}, {27, "Chris"}};
  for (const json& c : truth_["comments"]) {
    auto it = quoted.find(c["id"].get<int>());
    if (it == quoted.end()) continue;
    const Page& pg = page(c["page_url"].get<std::string>());
    ASSERT_TRUE(pg.thread);
    for (const Entry& e : pg.thread->comments) {
      if (e.native_id != std::to_string(it->first)) continue;
      ASSERT_FALSE(e.quotes.empty()) << e.native_id;
      EXPECT_EQ(e.quotes[0].author, it->second);
      EXPECT_EQ(e.text.find(it->second + " "), std::string::npos) << e.text;
    }
  }
}

TEST_F(SampleSite, ListingPagesAreNotThreads) {
  for (const std::string path : {"/", "/page/2/", "/category/space/", "/tag/iss/"}) {
    const Page& pg = page(path);
    EXPECT_EQ(pg.profile, "wordpress") << path;
    EXPECT_FALSE(pg.thread) << path;
    EXPECT_FALSE(pg.links.empty()) << path;
  }
}

TEST_F(SampleSite, PostSitemapListsEveryPost) {
  std::ifstream in(kSite / "wp-sitemap-posts-post-1.xml", std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  auto urls = feed_or_sitemap_urls(ss.str(), kOrigin + "/wp-sitemap-posts-post-1.xml");
  ASSERT_TRUE(urls) << urls.error().message;
  std::set<std::string> listed(urls->begin(), urls->end());
  for (const json& post : truth_["posts"])
    EXPECT_TRUE(listed.count(kOrigin + post["url"].get<std::string>())) << post["url"];
}

}  // namespace
}  // namespace fora::extract
