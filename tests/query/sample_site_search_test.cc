// Searches over the demo site's ground truth (data/sample-site-truth.json): the posts and
// comments are indexed as the archive would hand them over, and every expected result set is
// computed here from the truth file with plain string rules, not taken from fora's output.
#include <gtest/gtest.h>

#include <algorithm>
#include <ctime>
#include <fstream>
#include <functional>
#include <map>
#include <regex>
#include <set>

#include <nlohmann/json.hpp>

#include "fora/indexer/fields.h"
#include "fora/query/searcher.h"
#include "fora/query/synonyms.h"
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

// The natural questions of issue 23, each read back as its reading and answered with exactly
// what the truth file holds (the rules below are plain string tests over WordPress's rows).
class NaturalQuestionsTest : public SampleSiteSearchTest {
 protected:
  SearchResult ask(const std::string& q, const Synonyms* synonyms = nullptr) {
    SearchOptions o;
    o.query = q;
    o.limit = 1000;
    o.synonyms = synonyms;
    auto r = searcher_->search(o);
    EXPECT_TRUE(r) << q << ": " << (r ? "" : r.error().message);
    return r ? *r : SearchResult{};
  }
  static Urls urls(const SearchResult& r) {
    Urls out;
    for (const auto& h : r.hits) out.insert(h.url);
    return out;
  }
  // Mentions `pattern` in its own words or its thread's topic (what a bare word searches).
  static bool about(const Record& r, const std::string& pattern) {
    return has_word(r.entry.entry.text, pattern) || has_word(r.topic, pattern);
  }
  static std::string year(const Record& r) { return date(r).substr(0, 4); }
  static std::string date(const Record& r) {
    char buf[32];
    const std::time_t t = static_cast<std::time_t>(*r.entry.entry.published);
    std::strftime(buf, sizeof buf, "%Y-%m-%d", std::gmtime(&t));
    return buf;
  }
};

TEST_F(NaturalQuestionsTest, PostsAboutStarshipIn2023) {
  auto r = ask("posts about Starship in 2023");
  EXPECT_EQ(r.reading, "type:post date:2023 starship");
  auto want = expected([](const Record& x) { return x.entry.kind == "post" && year(x) == "2023" && about(x, "starship"); });
  ASSERT_FALSE(want.empty());
  EXPECT_EQ(urls(r), want);
}

TEST_F(NaturalQuestionsTest, WhatDidDavidEastmanSayAboutMicrometeorites) {
  auto r = ask("what did David Eastman say about micrometeorites");
  EXPECT_EQ(r.reading, "author:\"David Eastman\" micrometeorites");
  auto want = expected([](const Record& x) { return x.entry.entry.author == "David Eastman" && about(x, "micrometeorites?"); });
  ASSERT_FALSE(want.empty());
  EXPECT_EQ(urls(r), want);
}

TEST_F(NaturalQuestionsTest, CommentsReplyingToChris) {
  for (const char* q : {"comments replying to Chris", "replies to Chris", "comments in reply to Chris"}) {
    auto r = ask(q);
    EXPECT_EQ(r.reading, "replyto:Chris type:comment") << q;
    auto want = expected([](const Record& x) { return x.entry.kind == "comment" && x.entry.parent_author == "Chris"; });
    ASSERT_FALSE(want.empty());
    EXPECT_EQ(urls(r), want) << q;
  }
}

TEST_F(NaturalQuestionsTest, EdwardsCommentsSinceMarch2023SaysWhichEdward) {
  auto r = ask("Edward's comments since March 2023");
  EXPECT_EQ(r.reading, "author:Edward type:comment date:2023-03..");
  auto want = expected([](const Record& x) {
    return x.entry.kind == "comment" && x.entry.entry.author == "Edward" && date(x) >= "2023-03-01";
  });
  ASSERT_FALSE(want.empty());
  EXPECT_EQ(urls(r), want);
  // "Edward" is an author and the start of "Edward Smith": said, not guessed silently.
  ASSERT_EQ(r.notes.size(), 1u);
  EXPECT_EQ(r.notes[0], "\"Edward\" and \"Edward Smith\" are both authors here: reading the exact name Edward");
  EXPECT_TRUE(ask("Edward Smith's comments").notes.empty());
}

TEST_F(NaturalQuestionsTest, DateWordsReadAsRanges) {
  const std::map<std::string, std::function<bool(const std::string&)>> questions{
      {"Edward comments before 2021", [](const std::string& d) { return d < "2021"; }},
      {"Edward comments after 2022", [](const std::string& d) { return d >= "2023"; }},
      {"Edward comments until December 2022", [](const std::string& d) { return d < "2023"; }},
      {"Edward comments between 2020 and 2022", [](const std::string& d) { return d >= "2020" && d < "2023"; }},
      {"Edward comments in December 2022", [](const std::string& d) { return d.starts_with("2022-12"); }},
  };
  for (const auto& [q, in_range] : questions) {
    auto want = expected([&, &in_range = in_range](const Record& x) {
      return x.entry.kind == "comment" && x.entry.entry.author == "Edward" && in_range(date(x));
    });
    EXPECT_EQ(urls(ask(q)), want) << q << " read as " << ask(q).reading;
  }
}

TEST_F(NaturalQuestionsTest, WhoWroteMostAboutSoyuzIsTheAuthorCounts) {
  auto r = ask("who wrote most about Soyuz");
  EXPECT_EQ(r.reading, "soyuz");
  EXPECT_TRUE(r.hits.empty()) << "the counts are the answer";
  ASSERT_EQ(r.facets.size(), 1u);
  EXPECT_EQ(r.facets[0].facet, Facet::Author);
  std::map<std::string, std::int64_t> want;
  for (const auto& x : records_)
    if (about(x, "soyuz")) ++want[x.entry.entry.author];
  std::map<std::string, std::int64_t> got;
  std::int64_t previous = INT64_MAX;
  for (const auto& c : r.facets[0].counts) {
    got[c.value] = c.count;
    EXPECT_LE(c.count, previous) << "most first";
    previous = c.count;
  }
  // The ten most frequent: every count shown is the data's, and none left out is larger.
  for (const auto& [author, n] : got) EXPECT_EQ(n, want[author]) << author;
  for (const auto& [author, n] : want)
    if (!got.count(author)) EXPECT_LE(n, previous) << author;
  EXPECT_EQ(r.facets[0].values, static_cast<std::int64_t>(want.size()));
}

// A page's facets may be counted over the first matches only (the sample's 67 entries 40
// times over): the result says so exactly when the counts cover part of the matches, and
// says nothing when Xapian checked them all.
TEST_F(NaturalQuestionsTest, FacetsCountedOverASampleSaySo) {
  std::vector<archive::StoredEntry> many;
  for (int copy = 0; copy < 40; ++copy)
    for (const auto& r : records_) {
      archive::StoredEntry e = r.entry;
      e.id = static_cast<std::int64_t>(many.size()) + 1;
      e.change_seq = e.id;
      e.entry.native_id += "-" + std::to_string(copy);
      e.thread_native_id += "-" + std::to_string(copy);
      many.push_back(std::move(e));
    }
  test::TempDir big;
  testing::write_index(big.path() / "index", many);
  auto searcher = Searcher::open(big.path() / "index", testing::lookup_in(many));
  ASSERT_TRUE(searcher) << searcher.error().message;
  const auto comments = static_cast<std::int64_t>(
      std::count_if(many.begin(), many.end(), [](const archive::StoredEntry& e) { return e.kind == "comment"; }));
  ASSERT_GT(comments, 2000);
  SearchOptions o;
  o.query = "type:comment";
  o.limit = 5;
  o.exact_total = false;
  o.facets = {Facet::Type};
  o.facet_sample = 1500;
  auto sampled = searcher->search(o);
  ASSERT_TRUE(sampled);
  ASSERT_EQ(sampled->facets.at(0).counts.size(), 1u);
  // Said exactly when the counts fall short of the matches (Xapian may check them all anyway,
  // as it does to break ties between equal weights by date).
  EXPECT_EQ(sampled->facets_sampled, sampled->facets[0].counts[0].count < comments);
  EXPECT_GE(sampled->facets[0].counts[0].count, 1500);
  o.facet_sample = 0;
  auto whole = searcher->search(o);
  ASSERT_TRUE(whole);
  EXPECT_FALSE(whole->facets_sampled);
  EXPECT_EQ(whole->facets.at(0).counts.at(0).count, comments);
  o.query = "author:Edward";  // fewer matches than a search checks anyway: all counted
  o.facet_sample = 1500;
  auto small = searcher->search(o);
  ASSERT_TRUE(small);
  EXPECT_FALSE(small->facets_sampled);
}

TEST_F(NaturalQuestionsTest, ThreadsAboutVoyagerAreOneResultEach) {
  auto r = ask("threads about Voyager");
  EXPECT_EQ(r.reading, "voyager");
  EXPECT_TRUE(r.by_thread);
  std::map<std::int64_t, std::int64_t> want;
  for (const auto& x : records_)
    if (about(x, "voyager")) ++want[x.entry.thread_id];
  ASSERT_EQ(r.hits.size(), want.size());
  for (const auto& h : r.hits) EXPECT_EQ(h.thread_hits, want[h.thread_id]) << h.thread_title;
}

TEST_F(NaturalQuestionsTest, DidYouMeanCorrectsWordsAndNamesFromTheIndex) {
  const std::map<std::string, std::string> corrections{
      {"Edwrd soyuz", "Edward soyuz"},
      {"every Edwrd comment on soyuz", "every Edward comment on soyuz"},
      {"author:Edwrd", "author:Edward"},
      {"author:\"David Eastmn\"", "author:\"David Eastman\""},
      {"what did David Eastmn say about micrometeorites", "what did David Eastman say about micrometeorites"},
      {"micrometorites", "micrometeorites"},
      {"posts about Starshp in 2023", "posts about Starship in 2023"},
  };
  for (const auto& [typed, meant] : corrections) {
    auto r = ask(typed);
    EXPECT_EQ(r.total, 0) << typed;
    ASSERT_TRUE(r.suggestion) << typed;
    EXPECT_EQ(*r.suggestion, meant) << typed;
    EXPECT_GT(ask(*r.suggestion).total, 0) << "the suggestion finds something: " << meant;
  }
  EXPECT_FALSE(ask("soyuz").suggestion) << "nothing to correct when something was found";
  EXPECT_FALSE(ask("xqzvvy").suggestion) << "no word of the index is near";
}

TEST_F(NaturalQuestionsTest, SynonymsFindTheOtherFormAndAreShownInTheReading) {
  Synonyms synonyms;
  ASSERT_TRUE(synonyms.add("# comment\nEVA = spacewalk\n\nJPL = Jet Propulsion Laboratory", "test"));
  auto r = ask("EVA", &synonyms);
  EXPECT_EQ(r.reading, "(eva OR spacewalk)");
  EXPECT_TRUE(r.rewritten);
  auto want = expected([](const Record& x) { return about(x, "eva") || about(x, "spacewalk"); });
  auto literal = expected([](const Record& x) { return about(x, "eva"); });
  ASSERT_NE(want, literal) << "the sample must tell the two apart";
  EXPECT_EQ(urls(r), want);
  EXPECT_EQ(urls(ask("EVA")), literal) << "without synonyms";
  // A phrase is one member; the longest member matching wins; case does not matter.
  auto phrase = ask("the Jet Propulsion Laboratory", &synonyms);
  EXPECT_EQ(phrase.reading, "the (jpl OR \"jet propulsion laboratory\")");
  EXPECT_EQ(urls(ask("Jet Propulsion Laboratory", &synonyms)), expected([](const Record& x) { return about(x, "jpl"); }));
  // Quoted and fielded words are taken as written; the natural form reads first.
  EXPECT_EQ(ask("\"EVA\" tag:EVA", &synonyms).reading, "\"EVA\" tag:EVA");
  EXPECT_EQ(ask("Edward comments on EVA", &synonyms).reading, "author:Edward type:comment (eva OR spacewalk)");
}

TEST(SynonymsFile, RefusesAMalformedLineNamingIt) {
  Synonyms s;
  auto one = s.add("ISS = International Space Station\nlonely\n", "mine.txt");
  ASSERT_FALSE(one);
  EXPECT_EQ(one.error().message, "mine.txt:2: a group needs two members or more");
  auto empty = s.add("a = = b", "mine.txt");
  ASSERT_FALSE(empty);
  EXPECT_NE(empty.error().message.find("mine.txt:1:"), std::string::npos);
  auto quoted = s.add("a = \"b c\"", "mine.txt");
  EXPECT_FALSE(quoted);
}

}  // namespace
}  // namespace fora::query
