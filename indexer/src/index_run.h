// IndexRun: applies stored entries to a generation's open main and delta databases
// (generation.h), counting what it added and replaced, and committing every kCommitEvery
// entries together with the highest change_seq applied (metadata kLastSeqKey), so a crash
// loses at most one batch and the next run resumes after the last commit. Every Xapian exception is caught and returned as a
// Status: none crosses the archive's for_each_entry.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <vector>

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
  std::int64_t in_delta = 0;  // of summary.documents, those in the delta database (an update's)
};

// Records in `db` that it holds every entry up to `last_seq`, in this schema, and commits.
// Throws Xapian::Error.
void commit_indexed(Xapian::WritableDatabase& db, std::int64_t last_seq);

// The documents an index holds: its mains' unmarked ones and all of delta's.
Xapian::doccount live_documents(const std::vector<Xapian::WritableDatabase>& mains, const Xapian::Database& delta);

class IndexRun {
 public:
  static constexpr std::int64_t kCommitEvery = 5000;  // bounds memory and the work a crash loses
  static constexpr std::int64_t kProgressEvery = 256;

  // The databases and `progress` must outlive the run; `last_seq` is the change_seq already
  // indexed.
  IndexRun(std::vector<Xapian::WritableDatabase>& mains, Xapian::WritableDatabase& delta, std::filesystem::path path,
           std::int64_t last_seq, const std::function<void(const IndexProgress&)>& progress);

  // Writes the entry's document into delta (replacing its copy there, by unique term) and
  // marks the copy in a main database (shard), if any, replaced. An entry gone from its page is indexed like any
  // other (with is:gone): the archive keeps it.
  Status apply(const archive::StoredEntry& entry);
  // Makes everything applied so far durable, with the change_seq it reaches: main's marks
  // first, then delta with the change_seq. A crash between the two leaves marked copies
  // whose new ones the next run writes again, never two live copies of one entry.
  Status commit();

  // Counts so far; `documents` is what the index holds now (live_documents()).
  IndexSummary summary() const;
  void report_done() const;

 private:
  // Marks the copy of the entry with `term` in the main database holding one; false when none
  // does.
  bool mark_replaced_in_main(const std::string& term);

  std::vector<Xapian::WritableDatabase>& mains_;
  Xapian::WritableDatabase& delta_;
  std::filesystem::path path_;
  std::int64_t last_seq_;
  const std::function<void(const IndexProgress&)>& progress_;
  DocumentMaker maker_;
  IndexSummary summary_;
  std::int64_t done_ = 0;
};

}  // namespace fora::indexer
