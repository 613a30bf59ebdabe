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
  Xapian::WritableDatabase db_{"", Xapian::DB_BACKEND_INMEMORY};
  std::function<void(const IndexProgress&)> progress_;
  std::vector<archive::StoredEntry> entries_ = testing::sample_entries(std::time(nullptr));
};

TEST_F(IndexRunTest, CountsAddedUpdatedAndRemoved) {
  IndexRun run(db_, "mem", 0, progress_);
  for (const auto& e : entries_) ASSERT_TRUE(run.apply(e));
  auto edited = entries_[3];
  edited.entry.text = "Edited text.";
  edited.change_seq = 11;
  ASSERT_TRUE(run.apply(edited));
  auto gone = entries_[4];
  gone.gone_since = 1700000000;
  gone.change_seq = 12;
  ASSERT_TRUE(run.apply(gone));
  ASSERT_TRUE(run.apply(gone));  // already gone: nothing more to remove
  IndexSummary s = run.summary();
  EXPECT_EQ(s.added, 10);
  EXPECT_EQ(s.updated, 1);
  EXPECT_EQ(s.removed, 1);
  EXPECT_EQ(s.documents, 9);
  EXPECT_FALSE(db_.term_exists(unique_term(gone)));
  EXPECT_TRUE(db_.term_exists("edited"));
}

TEST_F(IndexRunTest, GoneEntryNeverIndexedIsNotCounted) {
  IndexRun run(db_, "mem", 0, progress_);
  auto gone = entries_[0];
  gone.gone_since = 1700000000;
  ASSERT_TRUE(run.apply(gone));
  EXPECT_EQ(run.summary().removed, 0);
  EXPECT_EQ(run.summary().documents, 0);
}

TEST_F(IndexRunTest, CommitRecordsTheHighestChangeSeqAndSchema) {
  IndexRun run(db_, "mem", 0, progress_);
  for (const auto& e : entries_) ASSERT_TRUE(run.apply(e));
  ASSERT_TRUE(run.commit());
  EXPECT_EQ(db_.get_metadata(std::string(kLastSeqKey)), "10");
  EXPECT_EQ(db_.get_metadata(std::string(kSchemaKey)), std::to_string(kIndexSchemaVersion));
}

TEST_F(IndexRunTest, ReportsProgressWhenDone) {
  std::int64_t reported = -1;
  progress_ = [&](const IndexProgress& p) { reported = p.done; };
  IndexRun run(db_, "mem", 0, progress_);
  for (const auto& e : entries_) ASSERT_TRUE(run.apply(e));
  run.report_done();
  EXPECT_EQ(reported, 10);
}

}  // namespace
}  // namespace fora::indexer
