// Index maintenance: brings the Xapian index in <archive>/index up to date with the catalog.
// Layout (generation.h): index/<generation>/ hold a main and a delta Xapian database;
// index/current is a one-line file naming the generation searches open. An update writes into
// the current generation in place (into its delta); a rebuild writes a new generation and
// switches `current` atomically (rename), then removes the old one. One writer at a time (the
// archive's lock); readers are never blocked.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>

#include "fora/archive/archive.h"
#include "fora/indexer/shard_plan.h"
#include "fora/result.h"

namespace fora::indexer {

struct IndexOptions {
  bool rebuild = false;  // write a fresh generation from the whole catalog, then switch
  // An update after which the generation's delta holds more documents than this share of
  // its main database's (0.25: a quarter) then writes a fresh generation, compacted, and
  // switches to it; 0: never. The index grows by about the delta's share (generation.h).
  double compact_past = 0.25;
  // How many main databases (shards) a new generation has, and by what (shard_plan.h); 0:
  // as the current generation is split (1 for the first).
  int shards = 0;
  ShardBy shard_by = ShardBy::Period;
};

struct IndexProgress {
  std::int64_t done = 0;  // entries processed so far in this run
};

struct IndexSummary {
  std::int64_t added = 0;     // documents new to the index
  std::int64_t updated = 0;   // documents replaced because the entry changed
  std::int64_t documents = 0; // documents in the index afterwards
  std::int64_t generation = 0;
  bool compacted = false;     // the update outgrew its generation and wrote a new one
};

// Indexes every entry whose change_seq is past the one recorded in the index (all of them on
// a rebuild or a first run). Stops early, committing what was done, when `stop` becomes true.
// Errors: Io/Corrupt from Xapian (translated, with the path), Cancelled when stopped.
Result<IndexSummary> update_index(const archive::Archive& archive, const IndexOptions& options,
                                  const std::function<void(const IndexProgress&)>& progress,
                                  const std::atomic<bool>& stop);

}  // namespace fora::indexer
