// Searches over the demo site's ground truth (data/sample-site-truth.json): the posts and
// comments are indexed as the archive would hand them over, and every expected result set is
// computed here from the truth file with plain string rules, not taken from fora's output.
#include <gtest/gtest.h>

#include <ctime>
#include <fstream>
#include <functional>
#include <map>
#include <regex>
#include <set>

#include <nlohmann/json.hpp>

#include "fora/indexer/fields.h"
#include "fora/query/searcher.h"
#include "sample_index.h"
#include "support/temp_dir.h"

namespace fora::query {
namespace {

using Urls = std::set<std::string>;
const std::string kSite = "127.0.0.1:8080";

std::int64_t parse_utc(const std::string& iso) {  // "2019-03-14T22:05:00Z"
  std::tm tm{};
  strptime(iso.c_str(), "%Y-%m-%dT%H:%M:%SZ", &tm);
  return static_cast<std::int64_t>(timegm(&tm));
}

// One truth record (post or comment) with what the rules below look at.
struct Record {
  archive::StoredEntry entry;
  std::string topic;  // title, categories, tags
};

class SampleSiteSearchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::ifstream in(std::string(FORA_SOURCE_DIR) + "/data/sample-site-truth.json");
    if (!in) GTEST_SKIP() << "data/sample-site-truth.json is missing";
    auto truth = nlohmann::json::parse(in);
    std::map<std::int64_t, nlohmann::json> posts;
    std::map<std::int64_t, std::string> comment_author;
    for (const auto& p : truth["posts"]) posts[p["id"]] = p;
    for (const auto& c : truth["comments"]) comment_author[c["id"]] = c["author"];
    std::int64_t id = 0;
    for (const auto& [pid, p] : posts) records_.push_back(make(++id, p, p, "post"));
    for (const auto& c : truth["comments"]) {
      Record r = make(++id, posts[c["post_id"]], c, "comment");
      if (c["parent"] != 0) r.entry.parent_author = comment_author[c["parent"]];
      records_.push_back(r);
    }
    std::vector<archive::StoredEntry> entries;
    for (const auto& r : records_) entries.push_back(r.entry);
    testing::write_index(dir_.path() / "index", entries);
    auto s = Searcher::open(dir_.path() / "index", testing::lookup_in(entries));
    ASSERT_TRUE(s) << s.error().message;
    searcher_ = std::make_unique<Searcher>(std::move(*s));
  }

  static Record make(std::int64_t id, const nlohmann::json& post, const nlohmann::json& item,
                     const std::string& kind) {
    Record r;
    auto& e = r.entry;
    e.id = id;
    e.change_seq = id;
    e.kind = kind;
    e.site = kSite;
    e.thread_id = post["id"];
    e.thread_native_id = std::to_string(post["id"].get<int>());
    e.thread_url = "http://" + kSite + post["url"].get<std::string>();
    e.thread_title = post["title"];
    e.categories = post["categories"].get<std::vector<std::string>>();
    e.tags = post["tags"].get<std::vector<std::string>>();
    e.entry.native_id = std::to_string(item["id"].get<int>());
    e.entry.author = item["author"];
    e.entry.published = parse_utc(item["date_utc"]);
    e.entry.text = item["text"];
    e.entry.url = e.thread_url + (kind == "comment" ? "#comment-" + e.entry.native_id : "");
    r.topic = e.thread_title;
    for (const auto& s : e.categories) r.topic += " " + s;
    for (const auto& s : e.tags) r.topic += " " + s;
    return r;
  }

  Urls search(const std::string& q, std::string* reading = nullptr) {
    SearchOptions o;
    o.query = q;
    o.limit = 1000;
    auto r = searcher_->search(o);
    EXPECT_TRUE(r) << q << ": " << r.error().message;
    Urls out;
    if (!r) return out;
    if (reading) *reading = r->reading;
    for (const auto& h : r->hits) out.insert(h.url);
    EXPECT_EQ(r->total, static_cast<std::int64_t>(out.size()));
    return out;
  }

  Urls expected(const std::function<bool(const Record&)>& keep) const {
    Urls out;
    for (const auto& r : records_)
      if (keep(r)) out.insert(r.entry.entry.url);
    return out;
  }

  static bool has_word(const std::string& text, const std::string& word) {
    return std::regex_search(text, std::regex("\\b" + word + "\\b", std::regex::icase));
  }

  test::TempDir dir_;
  std::vector<Record> records_;
  std::unique_ptr<Searcher> searcher_;
};

TEST_F(SampleSiteSearchTest, AuthorMatchesTheWholeNameOnly) {
  auto edward = expected([](const Record& r) { return r.entry.entry.author == "Edward"; });
  auto smith = expected([](const Record& r) { return r.entry.entry.author == "Edward Smith"; });
  ASSERT_FALSE(edward.empty());
  ASSERT_FALSE(smith.empty());
  EXPECT_EQ(search("author:Edward"), edward);
  EXPECT_EQ(search("author:edward"), edward);
  EXPECT_EQ(search("author:\"Edward Smith\""), smith);
}

TEST_F(SampleSiteSearchTest, AccentedAndCyrillicNamesFold) {
  auto zoe = expected([](const Record& r) { return r.entry.entry.author == "Zoë Ångström"; });
  auto juergen = expected([](const Record& r) { return r.entry.entry.author == "Jürgen Müller"; });
  auto dmitry = expected([](const Record& r) { return r.entry.entry.author == "Дмитрий"; });
  ASSERT_FALSE(zoe.empty());
  EXPECT_EQ(search("author:\"zoe angstrom\""), zoe);
  EXPECT_EQ(search("author:\"Zoë Ångström\""), zoe);
  EXPECT_EQ(search("author:\"jurgen muller\""), juergen);
  EXPECT_EQ(search("author:дмитрий"), dmitry);
}

TEST_F(SampleSiteSearchTest, EveryEdwardCommentOnSoyuz) {
  auto want = expected([](const Record& r) {
    return r.entry.kind == "comment" && r.entry.entry.author == "Edward" &&
           (has_word(r.topic, "soyuz") || has_word(r.entry.entry.text, "soyuz"));
  });
  ASSERT_FALSE(want.empty());
  std::string reading;
  EXPECT_EQ(search("every Edward comment on Soyuz", &reading), want);
  EXPECT_EQ(reading, "author:Edward type:comment soyuz");
  EXPECT_EQ(search("author:Edward type:comment soyuz"), want);
}

TEST_F(SampleSiteSearchTest, TopicFindsCommentsThatNeverSayTheWord) {
  auto silent = expected([](const Record& r) {
    return has_word(r.topic, "soyuz") && !has_word(r.entry.entry.text, "soyuz");
  });
  ASSERT_FALSE(silent.empty());
  Urls found = search("soyuz");
  for (const auto& url : silent) EXPECT_TRUE(found.count(url)) << url;
}

TEST_F(SampleSiteSearchTest, DatesFollowUtc) {
  auto in_dec_2022 = expected([](const Record& r) {
    return indexer::date_value(*r.entry.entry.published).starts_with("202212");
  });
  ASSERT_FALSE(in_dec_2022.empty());
  EXPECT_EQ(search("date:2022-12"), in_dec_2022);
  auto until_2020 = expected([](const Record& r) {
    return indexer::date_value(*r.entry.entry.published) < "2021";
  });
  EXPECT_EQ(search("date:..2020"), until_2020);
}

TEST_F(SampleSiteSearchTest, RepliesByParentAuthor) {
  auto want = expected([](const Record& r) { return r.entry.parent_author == "Edward"; });
  EXPECT_EQ(search("replyto:Edward"), want);
}

}  // namespace
}  // namespace fora::query

namespace fora::query {
namespace {

TEST_F(SampleSiteSearchTest, SiteAndThreadValuesWithColonsAndSlashes) {
  EXPECT_EQ(search("site:127.0.0.1:8080").size(), records_.size());
  const std::string thread = records_.front().entry.thread_url;
  auto want = expected([&](const Record& r) { return r.entry.thread_url == thread; });
  EXPECT_EQ(search("thread:" + thread), want);
  EXPECT_EQ(search("thread:\"" + thread + "\""), want);
}

TEST_F(SampleSiteSearchTest, MultiWordTagsAreQuoted) {
  auto want = expected([](const Record& r) {
    for (const auto& t : r.entry.tags)
      if (t == "Deep Space Network") return true;
    return false;
  });
  ASSERT_FALSE(want.empty());
  EXPECT_EQ(search("tag:\"deep space network\""), want);
}

}  // namespace
}  // namespace fora::query
