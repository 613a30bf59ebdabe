// update_index() over a real Archive filled with the sample thread pages.
#include "fora/indexer/index_writer.h"

#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <ctime>
#include <thread>
#include <fstream>
#include <xapian.h>
#include <fmt/format.h>

#include "archive_pages.h"
#include "parallel_build.h"
#include "fora/indexer/fields.h"
#include "fora/indexer/generation.h"
#include "fora/query/searcher.h"
#include "support/temp_dir.h"

namespace fora::indexer {
namespace {

namespace fs = std::filesystem;

class IndexWriterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto a = archive::Archive::open(dir_.path() / "archive", archive::Archive::Mode::Write);
    ASSERT_TRUE(a) << a.error().message;
    archive_ = std::move(*a);
    for (int thread : {1, 2}) store(testing::page_of(entries_, thread), thread);
  }

  void store(const extract::ThreadPage& page, int thread) {
    now_ += 60;
    auto st = archive_->threads().store_thread_page(testing::site_of(thread), page, now_);
    ASSERT_TRUE(st) << st.error().message;
  }

  Result<IndexSummary> update(bool rebuild = false) {
    IndexOptions o;
    o.rebuild = rebuild;
    return update_index(*archive_, o, progress_, stop_);
  }

  std::vector<std::string> urls(const std::string& q) {
    auto s = open_searcher();
    EXPECT_TRUE(s) << s.error().message;
    if (!s) return {};
    query::SearchOptions o;
    o.query = q;
    o.sort = query::Sort::Date;
    auto r = s->search(o);
    EXPECT_TRUE(r) << r.error().message;
    std::vector<std::string> out;
    if (r)
      for (const auto& h : r->hits) out.push_back(h.url);
    return out;
  }

  // Every facet of the question's matches, one "facet value count" line each.
  std::string facets(const std::string& q) {
    auto s = open_searcher();
    EXPECT_TRUE(s) << s.error().message;
    if (!s) return {};
    query::SearchOptions o;
    o.query = q;
    o.limit = 0;
    o.facets = {query::Facet::Author, query::Facet::Month, query::Facet::Year, query::Facet::Thread,
                query::Facet::Site, query::Facet::Type};
    auto r = s->search(o);
    EXPECT_TRUE(r) << r.error().message;
    std::string out;
    if (r)
      for (const auto& f : r->facets)
        for (const auto& c : f.counts) out += fmt::format("{} {} {}\n", query::facet_name(f.facet), c.value, c.count);
    return out;
  }

  std::vector<std::string> generations() const {
    std::vector<std::string> out;
    for (const auto& item : fs::directory_iterator(archive_->index_dir()))
      if (parse_generation_name(item.path().filename().string())) out.push_back(item.path().filename());
    return out;
  }

  // A searcher reading its hits through a read-only catalog connection of its own, as
  // `fora search` does beside a running `fora index`.
  Result<query::Searcher> open_searcher() {
    if (!reader_) {
      auto r = archive::Archive::open(dir_.path() / "archive", archive::Archive::Mode::Read);
      if (!r) return r.error();
      reader_ = std::move(*r);
    }
    const archive::ThreadStore& entries = reader_->threads();
    return query::Searcher::open(archive_->index_dir(), [&entries](std::int64_t id) { return entries.entry(id); });
  }

  std::string current_file() const {
    std::ifstream in(archive_->index_dir() / "current");
    return std::string(std::istreambuf_iterator<char>(in), {});
  }

  test::TempDir dir_;
  std::int64_t now_ = std::time(nullptr) - 3600;
  std::vector<archive::StoredEntry> entries_ = testing::sample_entries(std::time(nullptr));
  std::unique_ptr<archive::Archive> archive_;
  std::unique_ptr<archive::Archive> reader_;  // open_searcher()'s
  std::function<void(const IndexProgress&)> progress_;
  std::atomic<bool> stop_{false};
};

const std::string kThread1 = "https://example.com/2022/12/soyuz-leak/";
const std::string kThread2 = "https://blog.example.org/starship-static-fire/";

TEST_F(IndexWriterTest, FirstRunIndexesEveryEntryIntoGenerationOne) {
  std::int64_t reported = 0;
  progress_ = [&](const IndexProgress& p) { reported = p.done; };
  auto s = update();
  ASSERT_TRUE(s) << s.error().message;
  EXPECT_EQ(s->added, 10);
  EXPECT_EQ(s->updated, 0);
  EXPECT_EQ(s->documents, 10);
  EXPECT_EQ(s->generation, 1);
  EXPECT_EQ(reported, 10);
  EXPECT_EQ(current_file(), "gen-000001\n");
  EXPECT_EQ(urls("author:Edward"),
            (std::vector<std::string>{kThread2 + "#comment-201", kThread1 + "#comment-101"}));
  EXPECT_EQ(urls("every Edward comment on Soyuz"),
            (std::vector<std::string>{kThread1 + "#comment-101"}));
  EXPECT_EQ(urls("soyuz").size(), 5u);
}

// Each document as an index holds it: its data and its terms with their wdf and positions,
// by unique term (document ids differ between a whole build and an update).
std::map<std::string, std::string> documents_of(const fs::path& db_path) {
  Xapian::Database db(db_path.string());
  std::map<std::string, std::string> out;
  for (auto id = db.postlist_begin(""); id != db.postlist_end(""); ++id) {
    Xapian::Document doc = db.get_document(*id);
    std::string unique, terms;
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
      if ((*t).starts_with("Q")) unique = *t;
      terms += *t + " wdf " + std::to_string(t.get_wdf()) + " at";
      for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) terms += " " + std::to_string(*p);
      terms += "\n";
    }
    out[unique] = doc.get_data() + "\n" + terms + doc.get_value(kDateSlot) + " " + doc.get_value(kSeenSlot);
  }
  return out;
}

// A whole index is built on several threads, each into databases of its own, then compacted: it holds the same
// documents as one written entry by entry (an update), and records the same change_seq.
TEST_F(IndexWriterTest, AWholeBuildOnSeveralThreadsHoldsWhatAnUpdateWrites) {
  const fs::path whole = dir_.path() / "whole";
  auto built = build_whole_index(*archive_, whole, 3, ShardPlan{}, progress_, stop_);
  ASSERT_TRUE(built) << built.error().message;
  EXPECT_EQ(built->summary.added, 10);
  EXPECT_EQ(built->summary.documents, 10);
  EXPECT_FALSE(built->cancelled);
  for (int shard = 0; shard < 3; ++shard)
    EXPECT_FALSE(fs::exists(whole.string() + ".worker-" + std::to_string(shard))) << "the workers' databases are removed";

  // The same entries, indexed one by one into an index that was empty (into its delta).
  test::TempDir other;
  auto a = archive::Archive::open(other.path() / "archive", archive::Archive::Mode::Write);
  ASSERT_TRUE(a) << a.error().message;
  IndexOptions o;
  o.compact_past = 0;
  ASSERT_TRUE(update_index(**a, o, progress_, stop_));
  std::int64_t seen = now_ - 120;  // as SetUp() stored them: the same first_seen
  for (int thread : {1, 2}) {
    seen += 60;
    ASSERT_TRUE((*a)->threads().store_thread_page(testing::site_of(thread), testing::page_of(entries_, thread), seen));
  }
  auto updated = update_index(**a, o, progress_, stop_);
  ASSERT_TRUE(updated) << updated.error().message;
  EXPECT_EQ(updated->added, 10);
  const fs::path one_by_one = (*a)->index_dir() / generation_name(1);
  EXPECT_EQ(documents_of(whole), documents_of(one_by_one));
  EXPECT_EQ(Xapian::Database(delta_database(whole).string()).get_metadata(std::string(kLastSeqKey)),
            Xapian::Database(delta_database(one_by_one).string()).get_metadata(std::string(kLastSeqKey)));
  EXPECT_EQ(Xapian::Database(delta_database(one_by_one).string()).get_doccount(), 10u);
}

// A build that was killed leaves its workers' databases: the next one removes them and builds anew.
TEST_F(IndexWriterTest, AKilledBuildsShardsAreRemovedByTheNext) {
  fs::create_directories(archive_->index_dir() / "gen-000001.worker-0");
  std::ofstream(archive_->index_dir() / "gen-000001.worker-0" / "postlist.glass") << "torn";
  auto s = update();
  ASSERT_TRUE(s) << s.error().message;
  EXPECT_EQ(s->generation, 1);
  EXPECT_EQ(s->documents, 10);
  EXPECT_FALSE(fs::exists(archive_->index_dir() / "gen-000001.worker-0"));
  EXPECT_EQ(urls("soyuz").size(), 5u);
}

// Searches keep working while an update goes into the index: the writer commits every few
// thousand entries, and a search that meets a commit reopens the index and reads again
// (never an error, never fewer results than before).
TEST_F(IndexWriterTest, SearchesKeepWorkingWhileTheIndexTakesInAnUpdate) {
  ASSERT_TRUE(update());
  auto page = testing::page_of(entries_, 2);
  const std::size_t before = 8;  // the sample's comments
  constexpr int kMore = 12000;   // more than two commits' worth
  for (int i = 0; i < kMore; ++i) {
    extract::Entry e = page.comments.front();
    e.native_id = "n" + std::to_string(i);
    e.text = "Another static fire, number " + std::to_string(i) + ".";
    e.url = kThread2 + "#comment-n" + std::to_string(i);
    page.comments.push_back(std::move(e));
  }
  store(page, 2);
  auto searcher = open_searcher();
  ASSERT_TRUE(searcher) << searcher.error().message;
  query::SearchOptions o;
  o.query = "type:comment";
  o.limit = 1;
  const auto count = [&]() -> std::int64_t {
    auto r = searcher->search(o);
    EXPECT_TRUE(r) << r.error().message;
    return r ? r->total : -1;
  };
  EXPECT_EQ(count(), static_cast<std::int64_t>(before));
  std::atomic<bool> done{false};
  std::thread writer([&] {
    auto s = update();
    EXPECT_TRUE(s) << s.error().message;
    done = true;
  });
  std::int64_t seen = static_cast<std::int64_t>(before);
  while (!done) {
    const std::int64_t now = count();
    if (now < seen) ADD_FAILURE() << "a search found " << now << " after " << seen;
    if (now < 0) break;
    seen = now;
  }
  writer.join();
  auto after = open_searcher();
  ASSERT_TRUE(after);
  auto all = after->search(o);
  ASSERT_TRUE(all);
  EXPECT_EQ(all->total, static_cast<std::int64_t>(before + kMore)) << "a search opened afterwards sees it all";
}

TEST_F(IndexWriterTest, RerunWithNothingChangedAddsNothing) {
  ASSERT_TRUE(update());
  store(testing::page_of(entries_, 1), 1);  // seen again, unchanged
  auto s = update();
  ASSERT_TRUE(s) << s.error().message;
  EXPECT_EQ(s->added, 0);
  EXPECT_EQ(s->updated, 0);
  EXPECT_EQ(s->documents, 10);
  EXPECT_EQ(s->generation, 1);
}

TEST_F(IndexWriterTest, EditedAndNewCommentsAreUpdatedAndAdded) {
  ASSERT_TRUE(update());
  auto page = testing::page_of(entries_, 2);
  page.comments[0].text = "Impressive hotfire, the engines sounded great.";  // Edward, 201
  extract::Entry extra;
  extra.native_id = "205";
  extra.author = "Newcomer";
  extra.published = testing::utc(2021, 6, 4, 9, 0);
  extra.text = "First time here: hello.";
  extra.url = kThread2 + "#comment-205";
  page.comments.push_back(extra);
  store(page, 2);
  auto s = update();
  ASSERT_TRUE(s) << s.error().message;
  EXPECT_EQ(s->added, 1);
  EXPECT_EQ(s->updated, 1);
  EXPECT_EQ(s->documents, 11);
  EXPECT_EQ(urls("hotfire"), (std::vector<std::string>{kThread2 + "#comment-201"}));
  EXPECT_EQ(urls("own:impressive own:static"), (std::vector<std::string>{}));
  EXPECT_EQ(urls("author:newcomer"), (std::vector<std::string>{kThread2 + "#comment-205"}));
  EXPECT_EQ(urls("author:Edward").size(), 2u) << "the edited comment is found once";
  // The new copies went into the delta; main kept the old one, marked (2 of 10 documents is
  // under the default share that compacts).
  EXPECT_FALSE(s->compacted);
  EXPECT_EQ(s->generation, 1);
  const fs::path generation = archive_->index_dir() / "gen-000001";
  Xapian::Database main(main_database(generation).string()), delta(delta_database(generation).string());
  EXPECT_EQ(main.get_doccount(), 10u);
  EXPECT_EQ(main.get_value_freq(kReplacedSlot), 1u);
  EXPECT_EQ(delta.get_doccount(), 2u);
  EXPECT_EQ(delta.get_value_freq(kReplacedSlot), 0u);
}

// Once the delta holds more than the set share of the index, the update writes a fresh
// generation from the catalog (compacted, no marks, an empty delta) and switches to it.
TEST_F(IndexWriterTest, AnUpdatePastTheShareIsCompactedIntoANewGeneration) {
  ASSERT_TRUE(update());
  auto page = testing::page_of(entries_, 2);
  page.comments[0].text = "Impressive hotfire, the engines sounded great.";
  page.comments[1].text = "A second edit, about the flame trench.";
  store(page, 2);
  IndexOptions o;
  o.compact_past = 0.1;  // 2 of 10 is past it
  auto s = update_index(*archive_, o, progress_, stop_);
  ASSERT_TRUE(s) << s.error().message;
  EXPECT_EQ(s->updated, 2);
  EXPECT_EQ(s->documents, 10);
  EXPECT_TRUE(s->compacted);
  EXPECT_EQ(s->generation, 2);
  EXPECT_EQ(generations(), (std::vector<std::string>{"gen-000002"}));
  const fs::path generation = archive_->index_dir() / "gen-000002";
  Xapian::Database main(main_database(generation).string()), delta(delta_database(generation).string());
  EXPECT_EQ(main.get_doccount(), 10u);
  EXPECT_EQ(main.get_value_freq(kReplacedSlot), 0u);
  EXPECT_EQ(delta.get_doccount(), 0u);
  EXPECT_EQ(urls("hotfire"), (std::vector<std::string>{kThread2 + "#comment-201"}));
  EXPECT_EQ(urls("trench").size(), 1u);
  EXPECT_EQ(urls("soyuz").size(), 5u);
}

// The same questions over an index split into shards, by period and by site, find what one
// database finds; an update marks the old copy in the shard holding it; a compaction splits
// the new generation the same way.
TEST_F(IndexWriterTest, AnIndexSplitIntoShardsFindsWhatOneDatabaseFinds) {
  ASSERT_TRUE(update());
  const std::vector<std::string> questions = {"soyuz", "author:Edward", "\"static fire\"", "type:comment radiator",
                                              "date:2022", "every Edward comment on Soyuz", "capsul*", "-soyuz"};
  std::map<std::string, std::vector<std::string>> whole;
  std::map<std::string, std::string> whole_facets;
  for (const auto& q : questions) whole[q] = urls(q), whole_facets[q] = facets(q);
  ASSERT_EQ(whole["soyuz"].size(), 5u);
  // The sample's comments (sample_entries.h): Edward 2 (2022-12-16, 2021-06-02), one each for
  // Edward Smith, David Eastman, Zoë Ångström, ÉDOUARD, Chris, Recent Person.
  const std::string comment_authors = facets("type:comment").substr(0, facets("type:comment").find("month"));
  EXPECT_EQ(comment_authors, "author Edward 2\nauthor Chris 1\nauthor David Eastman 1\nauthor Edward Smith 1\n"
                             "author Recent Person 1\nauthor Zoë Ångström 1\nauthor ÉDOUARD 1\n");

  for (ShardBy by : {ShardBy::Period, ShardBy::Site}) {
    IndexOptions o;
    o.rebuild = true;
    o.shards = 3;
    o.shard_by = by;
    auto s = update_index(*archive_, o, progress_, stop_);
    ASSERT_TRUE(s) << s.error().message;
    EXPECT_EQ(s->documents, 10);
    const fs::path generation = archive_->index_dir() / generation_name(s->generation);
    auto stub = read_generation_stub(generation);
    ASSERT_TRUE(stub) << stub.error().message;
    ASSERT_EQ(stub->size(), 3u);
    Xapian::doccount total = 0;
    for (int k = 0; k < 3; ++k) {
      EXPECT_EQ((*stub)[static_cast<std::size_t>(k)].path, fs::path("main-" + std::to_string(k)));
      total += Xapian::Database((generation / ("main-" + std::to_string(k))).string()).get_doccount();
    }
    EXPECT_EQ(total, 10u);
    if (by == ShardBy::Period) {
      // The sample's dated entries: 3 in 2021, 4 in 2022, then 2023 and this year's, and
      // one undated (with the newest): whole years in three runs of about a third each.
      const auto years = [&](int k) {
        Xapian::Database db((generation / ("main-" + std::to_string(k))).string());
        std::vector<std::string> out;
        for (auto t = db.allterms_begin("Y"); t != db.allterms_end("Y"); ++t) out.push_back(*t);
        return std::make_pair(db.get_doccount(), out);
      };
      EXPECT_EQ(years(0), std::make_pair(3u, std::vector<std::string>{"Y2021"}));
      EXPECT_EQ(years(1), std::make_pair(4u, std::vector<std::string>{"Y2022"}));
      EXPECT_EQ(years(2).first, 3u);
    } else {
      // Each site whole in one shard.
      for (int k = 0; k < 3; ++k) {
        Xapian::Database db((generation / ("main-" + std::to_string(k))).string());
        const auto sites = std::distance(db.allterms_begin("H"), db.allterms_end("H"));
        EXPECT_LE(sites, 1) << "shard " << k;
      }
    }
    for (const auto& q : questions) {
      EXPECT_EQ(urls(q), whole[q]) << q;
      EXPECT_EQ(facets(q), whole_facets[q]) << q;
    }
  }

  // An edit: the old copy is marked in its shard (site-split: Edward's 201 is on thread 2).
  const std::string comments_before = facets("type:comment");
  auto page = testing::page_of(entries_, 2);
  page.comments[0].text = "Impressive hotfire, the engines sounded great.";
  store(page, 2);
  IndexOptions keep;
  keep.compact_past = 0;
  auto s = update_index(*archive_, keep, progress_, stop_);
  ASSERT_TRUE(s) << s.error().message;
  EXPECT_EQ(s->updated, 1);
  EXPECT_EQ(urls("hotfire"), (std::vector<std::string>{kThread2 + "#comment-201"}));
  EXPECT_EQ(urls("author:Edward").size(), 2u);
  EXPECT_EQ(facets("type:comment"), comments_before) << "the marked copy is not counted, its new one is";
  const fs::path generation = archive_->index_dir() / generation_name(s->generation);
  EXPECT_EQ(Xapian::Database(generation.string()).get_value_freq(kReplacedSlot), 1u);

  // A compaction keeps three shards by site.
  IndexOptions compact;
  compact.compact_past = 0.01;
  page.comments[0].text = "Impressive hotfire, the engines roared.";
  store(page, 2);
  auto c = update_index(*archive_, compact, progress_, stop_);
  ASSERT_TRUE(c) << c.error().message;
  EXPECT_TRUE(c->compacted);
  auto stub = read_generation_stub(archive_->index_dir() / generation_name(c->generation));
  ASSERT_TRUE(stub);
  EXPECT_EQ(stub->size(), 3u);
  EXPECT_EQ(Xapian::Database((archive_->index_dir() / generation_name(c->generation) / "main-0").string())
                .get_metadata(std::string(kShardingKey)),
            "site 3");
  EXPECT_EQ(urls("roared"), (std::vector<std::string>{kThread2 + "#comment-201"}));
}

// A stub that names a folder outside the generation, or a line fora does not know, is
// refused (it would otherwise point the index anywhere).
TEST_F(IndexWriterTest, AStubNamingSomethingElseIsRefused) {
  ASSERT_TRUE(update());
  const fs::path generation = archive_->index_dir() / "gen-000001";
  for (const std::string stub : {"auto ../../elsewhere\nauto delta\n", "auto /etc\nauto delta\n",
                                 "prog xapian-progsrv main\nauto delta\n", "auto main\n",
                                 "remote 127.0.0.1:0\nauto delta\n", "auto delta\nauto main\n",
                                 "auto main/..\nauto delta\n"}) {
    std::ofstream(generation / "XAPIANDB") << stub;
    auto read = read_generation_stub(generation);
    ASSERT_FALSE(read) << stub;
    EXPECT_EQ(read.error().code, Errc::Corrupt) << stub;
  }
  std::ofstream(generation / "XAPIANDB") << "auto main\nremote example.org:33333\nauto delta\n";
  auto read = read_generation_stub(generation);
  ASSERT_TRUE(read) << read.error().message;
  ASSERT_EQ(read->size(), 2u);
  EXPECT_EQ((*read)[1].describe(), "remote example.org:33333");
}

// A generation written before schema 4 (one database, no stub) is refused with the way out.
TEST_F(IndexWriterTest, AGenerationOfTheOlderLayoutAsksForARebuild) {
  ASSERT_TRUE(update());
  fs::remove(archive_->index_dir() / "gen-000001" / "XAPIANDB");
  store(testing::page_of(entries_, 1), 1);
  auto s = update();
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().code, Errc::Corrupt);
  EXPECT_NE(s.error().message.find("older fora"), std::string::npos) << s.error().message;
  EXPECT_NE(s.error().hint.find("--rebuild"), std::string::npos);
  auto rebuilt = update(/*rebuild=*/true);
  ASSERT_TRUE(rebuilt) << rebuilt.error().message;
  EXPECT_EQ(rebuilt->documents, 10);
}

TEST_F(IndexWriterTest, RetitledThreadReindexesAllItsEntries) {
  ASSERT_TRUE(update());
  auto page = testing::page_of(entries_, 1);
  page.title = "Soyuz MS-22 coolant leak";
  store(page, 1);
  auto s = update();
  ASSERT_TRUE(s) << s.error().message;
  EXPECT_EQ(s->updated, 5);
  EXPECT_EQ(s->added, 0);
  EXPECT_EQ(urls("topic:ms-22").size(), 5u);
  EXPECT_EQ(urls("topic:springs").size(), 0u);
}

TEST_F(IndexWriterTest, RebuildSwitchesGenerationsAndLeavesOne) {
  ASSERT_TRUE(update());
  auto s = update(/*rebuild=*/true);
  ASSERT_TRUE(s) << s.error().message;
  EXPECT_EQ(s->generation, 2);
  EXPECT_EQ(s->added, 10);
  EXPECT_EQ(s->documents, 10);
  EXPECT_EQ(current_file(), "gen-000002\n");
  EXPECT_EQ(generations(), (std::vector<std::string>{"gen-000002"}));
  EXPECT_FALSE(fs::exists(archive_->index_dir() / "current.tmp"));
  EXPECT_EQ(urls("author:\"Edward Smith\""), (std::vector<std::string>{kThread1 + "#comment-102"}));
  // Incremental runs continue in the new generation.
  auto again = update();
  ASSERT_TRUE(again);
  EXPECT_EQ(again->generation, 2);
  EXPECT_EQ(again->added, 0);
}

TEST_F(IndexWriterTest, StoppedRebuildKeepsTheOldGeneration) {
  ASSERT_TRUE(update());
  stop_ = true;
  auto s = update(/*rebuild=*/true);
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().code, Errc::Cancelled);
  EXPECT_EQ(current_file(), "gen-000001\n");
  EXPECT_EQ(generations(), (std::vector<std::string>{"gen-000001"}));
  EXPECT_EQ(urls("author:Edward").size(), 2u);
}

// A stopped first build leaves a searchable index of what it did; the next run builds the
// whole index again (on every core) rather than the rest one entry at a time into the delta.
TEST_F(IndexWriterTest, AStoppedFirstRunIsBuiltWholeByTheNext) {
  stop_ = true;
  auto s = update();
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().code, Errc::Cancelled);
  EXPECT_EQ(current_file(), "gen-000001\n");
  EXPECT_EQ(urls("soyuz").size(), 0u) << "stopped before its first batch";
  stop_ = false;
  auto resumed = update();
  ASSERT_TRUE(resumed) << resumed.error().message;
  EXPECT_EQ(resumed->generation, 2);
  EXPECT_EQ(resumed->added, 10);
  EXPECT_EQ(generations(), (std::vector<std::string>{"gen-000002"}));
  EXPECT_EQ(urls("soyuz").size(), 5u);
  auto again = update();
  ASSERT_TRUE(again);
  EXPECT_EQ(again->generation, 2) << "a whole build is updated in place";
}

TEST_F(IndexWriterTest, AnotherWriterIsLocked) {
  ASSERT_TRUE(update());
  Xapian::WritableDatabase other(main_database(archive_->index_dir() / "gen-000001").string(),
                                 Xapian::DB_OPEN);
  auto s = update();
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().code, Errc::Locked);
  EXPECT_NE(s.error().message.find("gen-000001"), std::string::npos);
}

TEST_F(IndexWriterTest, CurrentNamingAMissingGenerationIsCorrupt) {
  ASSERT_TRUE(update());
  fs::remove_all(archive_->index_dir() / "gen-000001");
  auto s = update();
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().code, Errc::Corrupt);
  EXPECT_NE(s.error().hint.find("--rebuild"), std::string::npos);
  auto rebuilt = update(/*rebuild=*/true);
  ASSERT_TRUE(rebuilt) << rebuilt.error().message;
  EXPECT_EQ(rebuilt->documents, 10);
}

}  // namespace
}  // namespace fora::indexer
