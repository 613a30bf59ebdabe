// IndexRun: applies stored entries to one open Xapian database, counting what it added,
// replaced and deleted, and committing every kCommitEvery entries together with the highest
// change_seq applied (metadata kLastSeqKey), so a crash loses at most one batch and the next
// run resumes after the last commit. Every Xapian exception is caught and returned as a
// Status: none crosses the archive's for_each_entry.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>

#include <xapian.h>

#include "entry_document.h"
#include "fora/archive/archive.h"
#include "fora/indexer/index_writer.h"

namespace fora::indexer {

// What a run into one database did: its counts, and whether `stop` ended it early (what the
// database holds is still every entry up to the change_seq it records).
struct IndexOutcome {
  IndexSummary summary;
  bool cancelled = false;
};

// Records in `db` that it holds every entry up to `last_seq`, in this schema, and commits.
// Throws Xapian::Error.
void commit_indexed(Xapian::WritableDatabase& db, std::int64_t last_seq);

class IndexRun {
 public:
  static constexpr std::int64_t kCommitEvery = 5000;  // bounds memory and the work a crash loses
  static constexpr std::int64_t kProgressEvery = 256;

  // `db` and `progress` must outlive the run; `last_seq` is the change_seq already indexed.
  IndexRun(Xapian::WritableDatabase& db, std::filesystem::path path, std::int64_t last_seq,
           const std::function<void(const IndexProgress&)>& progress);

  // Adds or replaces the entry's document (by its unique term), or deletes it when the entry
  // is gone.
  Status apply(const archive::StoredEntry& entry);
  // Makes everything applied so far durable, with the change_seq it reaches.
  Status commit();

  // Counts so far; `documents` is the database's current size.
  IndexSummary summary() const;
  void report_done() const;

 private:
  Xapian::WritableDatabase& db_;
  std::filesystem::path path_;
  std::int64_t last_seq_;
  const std::function<void(const IndexProgress&)>& progress_;
  DocumentMaker maker_;
  IndexSummary summary_;
  std::int64_t done_ = 0;
};

}  // namespace fora::indexer
