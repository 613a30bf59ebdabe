#include <gtest/gtest.h>

#include <ctime>

#include "entry_document.h"
#include "fora/indexer/fields.h"
#include "index_run.h"
#include "sample_entries.h"

namespace fora::indexer {
namespace {

class IndexRunTest : public ::testing::Test {
 protected:
  // Two main databases, as an index split into two shards has (the first is main_).
  std::vector<Xapian::WritableDatabase> mains_{Xapian::WritableDatabase("", Xapian::DB_BACKEND_INMEMORY),
                                               Xapian::WritableDatabase("", Xapian::DB_BACKEND_INMEMORY)};
  Xapian::WritableDatabase& main_ = mains_[0];
  Xapian::WritableDatabase db_{"", Xapian::DB_BACKEND_INMEMORY};  // the delta
  std::function<void(const IndexProgress&)> progress_;
  std::vector<archive::StoredEntry> entries_ = testing::sample_entries(std::time(nullptr));
};

TEST_F(IndexRunTest, CountsAddedAndUpdatedAndKeepsGoneEntries) {
  IndexRun run(mains_, db_, "mem", 0, progress_);
  for (const auto& e : entries_) ASSERT_TRUE(run.apply(e));
  auto edited = entries_[3];
  edited.entry.text = "Edited text.";
  edited.change_seq = 11;
  ASSERT_TRUE(run.apply(edited));
  // Gone from its page, an entry stays, found by is:gone; edited (two versions), by is:edited.
  auto gone = entries_[4];
  gone.gone_since = 1700000000;
  gone.change_seq = 12;
  ASSERT_TRUE(run.apply(gone));
  edited.versions = 2;
  edited.change_seq = 13;
  ASSERT_TRUE(run.apply(edited));
  IndexSummary s = run.summary();
  EXPECT_EQ(s.added, 10);
  EXPECT_EQ(s.updated, 3);
  EXPECT_EQ(s.documents, 10);
  EXPECT_TRUE(db_.term_exists(unique_term(gone)));
  EXPECT_EQ(db_.get_termfreq(boolean_term(Field::Is, "gone")), 1u);
  EXPECT_EQ(db_.get_termfreq(boolean_term(Field::Is, "edited")), 1u);
  EXPECT_TRUE(db_.term_exists("edit"));  // "Edited text.", stemmed
}

// An entry whose document is in main (a whole build's) gets its new copy in the delta; main's
// copy is marked, once however often the entry changes again.
TEST_F(IndexRunTest, AnEntryInMainIsMarkedAndItsNewCopyGoesToTheDelta) {
  for (const auto& e : entries_) main_.replace_document(unique_term(e), make_document(e));
  IndexRun run(mains_, db_, "mem", 10, progress_);
  auto edited = entries_[3];
  for (int version = 1; version <= 2; ++version) {
    edited.entry.text = "Edited text, version " + std::to_string(version) + ".";
    edited.change_seq = 10 + version;
    ASSERT_TRUE(run.apply(edited));
  }
  IndexSummary s = run.summary();
  EXPECT_EQ(s.added, 0);
  EXPECT_EQ(s.updated, 2);
  EXPECT_EQ(s.documents, 10);
  EXPECT_EQ(main_.get_doccount(), 10u);
  EXPECT_EQ(main_.get_value_freq(kReplacedSlot), 1u);
  EXPECT_EQ(main_.get_document(*main_.postlist_begin(unique_term(edited))).get_value(kReplacedSlot), "1");
  EXPECT_EQ(db_.get_doccount(), 1u);
  EXPECT_TRUE(db_.term_exists("version"));
  EXPECT_FALSE(main_.term_exists("version")) << "main's copy keeps its words";
}

// In an index split into shards, the copy is marked in the shard that holds it.
TEST_F(IndexRunTest, TheCopyIsMarkedInTheShardThatHoldsIt) {
  for (const auto& e : entries_) mains_[1].replace_document(unique_term(e), make_document(e));
  IndexRun run(mains_, db_, "mem", 10, progress_);
  auto edited = entries_[5];
  edited.entry.text = "Edited in the second shard.";
  edited.change_seq = 11;
  ASSERT_TRUE(run.apply(edited));
  EXPECT_EQ(run.summary().updated, 1);
  EXPECT_EQ(run.summary().documents, 10);
  EXPECT_EQ(mains_[0].get_value_freq(kReplacedSlot), 0u);
  EXPECT_EQ(mains_[1].get_value_freq(kReplacedSlot), 1u);
  EXPECT_EQ(db_.get_doccount(), 1u);
}

TEST_F(IndexRunTest, CommitRecordsTheHighestChangeSeqAndSchema) {
  IndexRun run(mains_, db_, "mem", 0, progress_);
  for (const auto& e : entries_) ASSERT_TRUE(run.apply(e));
  ASSERT_TRUE(run.commit());
  EXPECT_EQ(db_.get_metadata(std::string(kLastSeqKey)), "10");
  EXPECT_EQ(db_.get_metadata(std::string(kSchemaKey)), std::to_string(kIndexSchemaVersion));
}

TEST_F(IndexRunTest, ReportsProgressWhenDone) {
  std::int64_t reported = -1;
  progress_ = [&](const IndexProgress& p) { reported = p.done; };
  IndexRun run(mains_, db_, "mem", 0, progress_);
  for (const auto& e : entries_) ASSERT_TRUE(run.apply(e));
  run.report_done();
  EXPECT_EQ(reported, 10);
}

}  // namespace
}  // namespace fora::indexer
