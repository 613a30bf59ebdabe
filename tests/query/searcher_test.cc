// Searches over the sample entries (tests/indexer/sample_entries.h); every expected id set is
// read off that data.
#include <gtest/gtest.h>

#include <algorithm>
#include <ctime>
#include <iterator>
#include <set>

#include <fmt/format.h>

#include "fora/query/searcher.h"
#include "query_language.h"
#include "sample_entries.h"
#include "sample_index.h"
#include "support/temp_dir.h"

namespace fora::query {
namespace {

using Ids = std::set<std::int64_t>;

// "Now" for the sample's relative dates and the searcher's reading of "date:30d..": fixed, so
// the results do not depend on the day the test runs (2026-01-01T00:00:00Z).
constexpr std::int64_t kNow = 1767225600;

class SearcherTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto entries = testing::sample_entries(kNow);
    testing::write_index(dir_.path() / "index", entries);
    auto s = Searcher::open(dir_.path() / "index", testing::lookup_in(entries));
    ASSERT_TRUE(s) << s.error().message;
    searcher_ = std::make_unique<Searcher>(std::move(*s));
  }

  Result<SearchResult> search(const std::string& q, Sort sort = Sort::Relevance,
                              bool natural = true) {
    SearchOptions o;
    o.query = q;
    o.limit = 100;
    o.sort = sort;
    o.natural = natural;
    o.now = kNow;
    return searcher_->search(o);
  }

  Ids ids(const std::string& q) {
    auto r = search(q);
    EXPECT_TRUE(r) << q << ": " << r.error().message;
    Ids out;
    if (!r) return out;
    for (const auto& h : r->hits) out.insert(h.id);
    EXPECT_EQ(r->total, static_cast<std::int64_t>(out.size())) << q;
    return out;
  }

  test::TempDir dir_;
  std::unique_ptr<Searcher> searcher_;
};

TEST_F(SearcherTest, AuthorIsTheExactFullName) {
  EXPECT_EQ(ids("author:Edward"), (Ids{2, 7}));
  EXPECT_EQ(ids("author:\"Edward Smith\""), (Ids{3}));
  EXPECT_EQ(ids("author:\"David Eastman\""), (Ids{4}));
}

TEST_F(SearcherTest, AuthorFoldsCaseAndAccents) {
  EXPECT_EQ(ids("author:edward"), (Ids{2, 7}));
  EXPECT_EQ(ids("author:edouard"), (Ids{8}));
  EXPECT_EQ(ids("author:Édouard"), (Ids{8}));
  EXPECT_EQ(ids("author:\"zoe angstrom\""), (Ids{5}));
  EXPECT_EQ(ids("author:\"ZOË ÅNGSTRÖM\""), (Ids{5}));
  EXPECT_EQ(ids("author:Zoë"), (Ids{}));
}

TEST_F(SearcherTest, TypeSiteThreadTagAndCategory) {
  EXPECT_EQ(ids("type:post"), (Ids{1, 6}));
  EXPECT_EQ(ids("type:comment"), (Ids{2, 3, 4, 5, 7, 8, 9, 10}));
  EXPECT_EQ(ids("site:blog.example.org"), (Ids{6, 7, 8, 9, 10}));
  EXPECT_EQ(ids("thread:1"), (Ids{1, 2, 3, 4, 5}));
  EXPECT_EQ(ids("thread:https://blog.example.org/starship-static-fire/"), (Ids{6, 7, 8, 9, 10}));
  EXPECT_EQ(ids("tag:soyuz"), (Ids{1, 2, 3, 4, 5}));
  EXPECT_EQ(ids("tag:SpaceX"), (Ids{6, 7, 8, 9, 10}));
  EXPECT_EQ(ids("category:Space"), (Ids{1, 2, 3, 4, 5}));
  EXPECT_EQ(ids("category:rockets type:post"), (Ids{6}));
}

TEST_F(SearcherTest, DatesByDayMonthYear) {
  EXPECT_EQ(ids("date:2022-12-16"), (Ids{2, 3}));
  EXPECT_EQ(ids("date:2022-12"), (Ids{1, 2, 3, 4}));
  EXPECT_EQ(ids("date:2022"), (Ids{1, 2, 3, 4}));
  EXPECT_EQ(ids("date:2021"), (Ids{6, 7, 8}));
}

TEST_F(SearcherTest, DateRangesOpenAndRelative) {
  EXPECT_EQ(ids("date:2022-12-16..2022-12-17"), (Ids{2, 3, 4}));
  EXPECT_EQ(ids("date:..2022"), (Ids{1, 2, 3, 4, 6, 7, 8}));
  EXPECT_EQ(ids("date:2023.."), (Ids{5, 10}));
  EXPECT_EQ(ids("date:30d.."), (Ids{10}));
  EXPECT_EQ(ids("date:2021..2021-06-02 type:comment"), (Ids{7}));
}

// seen: is when fora first saw an entry (sample_entries: a day after it was written; the
// undated one on 2024-03-01), whatever date the entry itself carries.
TEST_F(SearcherTest, SeenIsWhenForaFirstSawIt) {
  EXPECT_EQ(ids("seen:2022-12"), (Ids{1, 2, 3, 4}));
  EXPECT_EQ(ids("seen:2022-12-17"), (Ids{2, 3}));
  EXPECT_EQ(ids("seen:2023.."), (Ids{5, 9, 10}));
  EXPECT_EQ(ids("seen:2024-03-01"), (Ids{9}));
  EXPECT_EQ(ids("seen:7d.."), (Ids{10}));
  EXPECT_EQ(ids("seen:..2021-06-03"), (Ids{6, 7}));
  EXPECT_EQ(ids("seen:2022 author:Edward"), (Ids{2}));
  EXPECT_EQ(ids("seen:2021 date:2021-06-03"), (Ids{8}));
  auto bad = search("seen:yesterday");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, Errc::InvalidArgument);
}

TEST_F(SearcherTest, BareWordsFindTheThreadTopic) {
  // Nobody's own text says "soyuz"; the thread title does.
  EXPECT_EQ(ids("soyuz"), (Ids{1, 2, 3, 4, 5}));
  EXPECT_EQ(ids("topic:soyuz"), (Ids{1, 2, 3, 4, 5}));
  EXPECT_EQ(ids("own:soyuz"), (Ids{}));
}

TEST_F(SearcherTest, OwnMatchesRankAboveTopicMatches) {
  // "capsule": entry 8's own words; entries 1-5 by thread title (1 also in its text).
  auto r = search("capsule");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->total, 6);
  Ids top{r->hits[0].id, r->hits[1].id};
  EXPECT_EQ(top, (Ids{1, 8}));
}

TEST_F(SearcherTest, QuotedWordsAreApartFromOwnWords) {
  EXPECT_EQ(ids("micrometeoroid"), (Ids{2}));
  EXPECT_EQ(ids("quote:micrometeoroid"), (Ids{3}));
  EXPECT_EQ(ids("replyto:Edward"), (Ids{3}));
}

TEST_F(SearcherTest, PhrasesKeepWordOrder) {
  EXPECT_EQ(ids("\"radiator panels\""), (Ids{3}));
  EXPECT_EQ(ids("\"panels radiator\""), (Ids{}));
  EXPECT_EQ(ids("own:\"static fire\""), (Ids{7, 9, 10}));
}

// The topic keeps no positions (fields.h): a phrase there finds the threads whose title,
// categories and tags hold all of its words.
TEST_F(SearcherTest, APhraseInTheTopicFindsItsThreads) {
  EXPECT_EQ(ids("topic:\"soyuz capsule\""), (Ids{1, 2, 3, 4, 5}));
  EXPECT_EQ(ids("\"capsule springs\""), (Ids{1, 2, 3, 4, 5}));  // in nobody's own words
  EXPECT_EQ(ids("topic:\"static fire\""), (Ids{6, 7, 8, 9, 10}));
  EXPECT_EQ(ids("topic:\"leak springs\""), (Ids{1, 2, 3, 4, 5}));  // all its words, in any order
  EXPECT_EQ(ids("\"soyuz radiator\""), (Ids{}));  // one word in the topic, the other in own words
  EXPECT_EQ(ids("topic:\"soyuz capsule\" OR own:\"static fire\""), (Ids{1, 2, 3, 4, 5, 7, 9, 10}));
}

TEST_F(SearcherTest, StemmingMatchesOtherForms) {
  EXPECT_EQ(ids("leak"), (Ids{1, 2, 3, 4, 5}));  // title "leak", entry 5 "leaks"
  EXPECT_EQ(ids("own:leak"), (Ids{5}));
}

TEST_F(SearcherTest, BooleanOperators) {
  EXPECT_EQ(ids("radiator NOT micrometeoroid"), (Ids{3, 8}));
  EXPECT_EQ(ids("own:coolant OR own:capsule"), (Ids{1, 5, 8}));
  EXPECT_EQ(ids("author:Edward -type:post static"), (Ids{7}));
  EXPECT_EQ(ids("NOT type:comment"), (Ids{1, 6}));
  EXPECT_EQ(ids("own:rock*"), (Ids{4}));
}

TEST_F(SearcherTest, NaturalFormReadsAuthorTypeAndTopic) {
  auto natural = search("every Edward comment on Soyuz");
  ASSERT_TRUE(natural);
  EXPECT_EQ(natural->reading, "author:Edward type:comment soyuz");
  EXPECT_TRUE(natural->rewritten);
  EXPECT_EQ(ids("every Edward comment on Soyuz"), ids("author:Edward type:comment soyuz"));
  EXPECT_EQ(ids("every Edward comment on Soyuz"), (Ids{2}));
  EXPECT_EQ(ids("every Edward Smith comment about radiators"), (Ids{3}));
}

TEST_F(SearcherTest, NaturalFormOnlyUsesAuthorsInTheIndex) {
  auto r = search("Starship comments by Elon");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->reading, "type:comment starship elon");  // "Elon" wrote nothing here
  auto plain = search("static fire");
  ASSERT_TRUE(plain);
  EXPECT_FALSE(plain->rewritten);
  EXPECT_EQ(plain->reading, "static fire");
}

TEST_F(SearcherTest, NaturalFormCanBeTurnedOff) {
  auto r = search("Edward comment", Sort::Relevance, false);
  ASSERT_TRUE(r);
  EXPECT_FALSE(r->rewritten);
  EXPECT_EQ(r->total, 0);
}

TEST_F(SearcherTest, MalformedQueriesAreInvalidArgument) {
  for (const char* q : {"date:2022-13", "date:yesterday", "soyuz AND", "date:..",
                        "author:Edward OR"}) {
    auto r = search(q);
    ASSERT_FALSE(r) << q;
    EXPECT_EQ(r.error().code, Errc::InvalidArgument) << q;
    EXPECT_EQ(r.error().message.find('\n'), std::string::npos);
  }
}

// A query of negations only means everything without them (Xapian's FLAG_PURE_NOT), never
// the negated words themselves.
TEST_F(SearcherTest, ANegationAloneMatchesEverythingWithout) {
  const Ids all{1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
  EXPECT_EQ(ids(""), all);
  EXPECT_EQ(ids("-soyuz"), (Ids{6, 7, 8, 9, 10}));
  EXPECT_EQ(ids("NOT soyuz"), (Ids{6, 7, 8, 9, 10}));
  EXPECT_EQ(ids("-author:Edward"), (Ids{1, 3, 4, 5, 6, 8, 9, 10}));
  EXPECT_EQ(ids("NOT author:Edward"), (Ids{1, 3, 4, 5, 6, 8, 9, 10}));
  EXPECT_EQ(ids("-type:comment"), (Ids{1, 6}));
  EXPECT_EQ(ids("-soyuz -type:comment"), (Ids{6}));
  Ids without_phrase;
  const Ids phrase = ids("\"static fire\"");
  std::set_difference(all.begin(), all.end(), phrase.begin(), phrase.end(),
                      std::inserter(without_phrase, without_phrase.end()));
  EXPECT_EQ(ids("-\"static fire\""), without_phrase);
  EXPECT_EQ(ids("-date:2022"), (Ids{5, 6, 7, 8, 9, 10}));
  EXPECT_EQ(ids("-type:post -soyuz"), (Ids{7, 8, 9, 10}));
  // Beside a word to find, a negation still only takes away.
  EXPECT_EQ(ids("radiator -author:Edward"), (Ids{3, 8}));
}

// Xapian reads a query it cannot parse again without operators, and would answer
// "-soyuz OR -leak" with soyuz AND or AND leak: fora refuses such a query instead.
TEST_F(SearcherTest, OperatorsThatDoNotCombineAreRefused) {
  for (const char* q : {"-soyuz OR -leak", "soyuz (-leak)", "(radiator OR capsule) NEAR panels",
                        "soyuz XOR -leak", "NOT NOT soyuz", "soyuz AND OR leak", "author:(Edward)"}) {
    auto r = search(q);
    ASSERT_FALSE(r) << q << " read as " << (r ? r->total : -1) << " results";
    EXPECT_EQ(r.error().code, Errc::InvalidArgument) << q;
    EXPECT_EQ(r.error().message.rfind("bad query: ", 0), 0u) << r.error().message;
  }
  // What does combine is still read as written.
  EXPECT_EQ(ids("soyuz (NOT leak)"), (Ids{}));
  EXPECT_EQ(ids("-soyuz AND -leak"), (Ids{6, 7, 8, 9, 10}));
  EXPECT_EQ(ids("NOT soyuz OR NOT leak"), (Ids{6, 7, 8, 9, 10}));  // as the README advises
  EXPECT_EQ(ids("radiator NEAR panels"), (Ids{3}));
  EXPECT_EQ(ids("(radiator OR capsule) -soyuz"), (Ids{8}));
  EXPECT_EQ(ids("topic:(soyuz OR starship) type:post"), (Ids{1, 6}));
}

TEST_F(SearcherTest, UnknownTypeAndIsValuesAreRefusedSayingWhatIsKnown) {
  for (const auto& [q, message] : std::vector<std::pair<std::string, std::string>>{
           {"type:banana", "bad query: unknown type: banana (type: is post or comment)"},
           {"is:nonsense", "bad query: unknown is: nonsense (is: is edited or gone)"},
           {"soyuz -type:posts", "bad query: unknown type: posts (type: is post or comment)"},
           {"type:\"comment post\"", "bad query: unknown type: comment post (type: is post or comment)"},
           // Read past "-.." by Xapian's parser, which reported a refused value by exception and
           // freed memory it did not own (found by fuzz_query under AddressSanitizer).
           {"-..is:nonsense", "bad query: unknown is: nonsense (is: is edited or gone)"}}) {
    auto r = search(q);
    ASSERT_FALSE(r) << q;
    EXPECT_EQ(r.error().code, Errc::InvalidArgument) << q;
    EXPECT_EQ(r.error().message, message);
  }
  EXPECT_EQ(ids("type:Comment"), ids("type:comment")) << "values fold like the index";
  EXPECT_EQ(ids("is:GONE"), ids("is:gone"));
}

TEST_F(SearcherTest, ImpossibleDatesAndEmptyFieldsAreRefusedAsTyped) {
  for (const auto& [q, message] : std::vector<std::pair<std::string, std::string>>{
           {"date:2022-02-30", "bad query: date:2022-02-30: February has no 30th day"},
           {"seen:yesterday", "bad query: seen:yesterday: 'yesterday' is not a date"},
           {"seen:2023..2021", "bad query: seen:2023..2021: the range ends before it starts"},
           {"date:30x..", "bad query: date:30x..: '30x' is not a date"},
           {"soyuz site:", "bad query: site: at character 7 has no value"},
           {"author:\"\"", "bad query: author: at character 1 has no value"}}) {
    auto r = search(q);
    ASSERT_FALSE(r) << q;
    EXPECT_EQ(r.error().code, Errc::InvalidArgument) << q;
    EXPECT_EQ(r.error().message, message);
  }
}

TEST_F(SearcherTest, SortsByDate) {
  auto asc = search("type:comment", Sort::Date);
  ASSERT_TRUE(asc);
  std::vector<std::int64_t> order;
  for (const auto& h : asc->hits) order.push_back(h.id);
  // Undated (9) sorts last either way: after the newest, not before the oldest.
  EXPECT_EQ(order, (std::vector<std::int64_t>{7, 8, 2, 3, 4, 5, 10, 9}));
  auto desc = search("type:comment", Sort::DateDesc);
  ASSERT_TRUE(desc);
  order.clear();
  for (const auto& h : desc->hits) order.push_back(h.id);
  EXPECT_EQ(order, (std::vector<std::int64_t>{10, 5, 4, 3, 2, 8, 7, 9}));
}

TEST_F(SearcherTest, LimitAndOffsetPageThroughAnExactTotal) {
  SearchOptions o;
  o.query = "type:comment";
  o.sort = Sort::Date;
  o.limit = 3;
  o.offset = 2;
  auto r = searcher_->search(o);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->total, 8);
  ASSERT_EQ(r->hits.size(), 3u);
  EXPECT_EQ(r->hits[0].id, 2);
}

TEST_F(SearcherTest, HitsCarryWhatTheCatalogHolds) {
  auto r = search("author:\"Edward Smith\"");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->hits.size(), 1u);
  const Hit& h = r->hits[0];
  EXPECT_EQ(h.id, 3);
  EXPECT_EQ(h.type, "comment");
  EXPECT_EQ(h.author, "Edward Smith");
  EXPECT_EQ(h.date, testing::utc(2022, 12, 16, 12, 0));
  EXPECT_EQ(h.site, "example.com");
  EXPECT_EQ(h.thread_title, "Soyuz capsule springs a leak");
  EXPECT_EQ(h.url, "https://example.com/2022/12/soyuz-leak/#comment-102");
  EXPECT_EQ(h.snippet.text, "The radiator panels are exposed on the service module.");
}

TEST_F(SearcherTest, SnippetHighlightsMatchedWords) {
  auto r = search("radiator author:\"Edward Smith\"");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->hits.size(), 1u);
  const Snippet& s = r->hits[0].snippet;
  ASSERT_EQ(s.highlights.size(), 1u);
  EXPECT_EQ(s.text.substr(s.highlights[0].begin, s.highlights[0].length), "radiator");
}

// A wildcard standing for more words than QueryLanguage allows is refused, not cut short:
// an index with kMaxExpansion + 1 words that start "zq".
TEST(SearcherWildcards, AWildcardForTooManyWordsIsTooBroad) {
  test::TempDir dir;
  std::string text;
  for (unsigned k = 0; k <= kMaxExpansion; ++k) text += fmt::format("zq{:05} ", k);
  auto entries = testing::sample_entries(kNow);
  entries[0].entry.text = text;
  testing::write_index(dir.path() / "index", entries);
  auto searcher = Searcher::open(dir.path() / "index", testing::lookup_in(entries));
  ASSERT_TRUE(searcher) << searcher.error().message;
  SearchOptions o;
  o.query = "zq*";
  auto broad = searcher->search(o);
  ASSERT_FALSE(broad);
  EXPECT_EQ(broad.error().code, Errc::InvalidArgument);
  EXPECT_NE(broad.error().message.find("too broad"), std::string::npos) << broad.error().message;
  o.query = "zq0000*";  // zq00000 .. zq00009: ten words
  auto narrow = searcher->search(o);
  ASSERT_TRUE(narrow) << narrow.error().message;
  EXPECT_EQ(narrow->total, 1);
}

// What a hit shows is the catalog's entry as stored now (here changed since it was indexed),
// without control characters; an entry with no words of its own shows the words it quoted.
TEST(SearcherHits, ShowTheCatalogsEntryWithoutControlCharacters) {
  test::TempDir dir;
  const auto indexed = testing::sample_entries(kNow);
  testing::write_index(dir.path() / "index", indexed);
  auto catalog = indexed;
  catalog[2].entry.text = "bell\x07 tab\there\nnew \xc2\x85line\x1b[31m";
  catalog[2].entry.author = "Ed\x1bward Smith";
  catalog[2].thread_title = "Soyuz\x1b]0;title\x07 leak";
  auto searcher = Searcher::open(dir.path() / "index", testing::lookup_in(catalog));
  ASSERT_TRUE(searcher) << searcher.error().message;
  SearchOptions o;
  o.query = "author:\"Edward Smith\"";
  auto r = searcher->search(o);
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->hits.size(), 1u);
  EXPECT_EQ(r->hits[0].author, "Edward Smith");
  EXPECT_EQ(r->hits[0].thread_title, "Soyuz]0;title leak");
  EXPECT_EQ(r->hits[0].snippet.text, "bell tab here new line[31m");

  catalog[2].entry.text.clear();
  auto quoting = Searcher::open(dir.path() / "index", testing::lookup_in(catalog));
  ASSERT_TRUE(quoting);
  auto q = quoting->search(o);
  ASSERT_TRUE(q && q->hits.size() == 1u);
  EXPECT_EQ(q->hits[0].snippet.text, catalog[2].entry.quotes.at(0).text);
}

// An index ahead of its catalog (or one the catalog lost an entry of) still counts the hit
// and shows its id; nothing else is made up.
TEST(SearcherHits, AnEntryMissingFromTheCatalogShowsItsIdAlone) {
  test::TempDir dir;
  const auto indexed = testing::sample_entries(kNow);
  testing::write_index(dir.path() / "index", indexed);
  auto searcher = Searcher::open(dir.path() / "index", testing::lookup_in({}));
  ASSERT_TRUE(searcher);
  SearchOptions o;
  o.query = "author:\"Edward Smith\"";
  auto r = searcher->search(o);
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->total, 1);
  ASSERT_EQ(r->hits.size(), 1u);
  EXPECT_EQ(r->hits[0].id, indexed[2].id);
  EXPECT_EQ(r->hits[0].author, "");
  EXPECT_EQ(r->hits[0].snippet.text, "");
}

// --explain: the parsed query, and each term read back to the field it searches.
TEST_F(SearcherTest, ExplainReadsEveryTermBackToItsField) {
  SearchOptions o;
  o.query = "author:\"Zoë Ångström\" date:2022-12..2023-01 launches quote:micrometeoroid is:edited";
  o.now = kNow;
  o.explain = true;
  auto r = searcher_->search(o);
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_TRUE(r->explanation);
  std::set<std::pair<std::string, std::string>> read;
  for (const auto& t : r->explanation->terms) read.emplace(t.field, t.value);
  EXPECT_EQ(read, (std::set<std::pair<std::string, std::string>>{{"author", "zoe angstrom"},
                                                                   {"month", "2022-12"},
                                                                   {"month", "2023-01"},
                                                                   {"own", "launch (stem)"},
                                                                   {"topic", "launch (stem)"},
                                                                   {"quote", "micrometeoroid (stem)"},
                                                                   {"is", "edited"}}));
  EXPECT_NE(r->explanation->xapian.find("Azoe angstrom"), std::string::npos) << r->explanation->xapian;
  o.explain = false;
  EXPECT_FALSE(searcher_->search(o)->explanation);
}

TEST(SearcherOpen, NeverIndexedIsNotFoundWithAHint) {
  test::TempDir dir;
  auto s = Searcher::open(dir.path() / "index", testing::lookup_in({}));
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().code, Errc::NotFound);
  EXPECT_NE(s.error().hint.find("fora index"), std::string::npos);
}

}  // namespace
}  // namespace fora::query
