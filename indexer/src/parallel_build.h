// build_whole_index(): a new index of every entry of the catalog, on all cores. The catalog
// is read in one pass on the calling thread (change_seq order); its entries go in batches to
// worker threads, each of which makes their documents (its own TermGenerator and stemmer) and
// adds them to databases of its own (one per index shard), written without fsync; at the end
// they are compacted into the generation's main database (or main databases, one per
// shard), which get the schema version and the change_seq reached in one commit (synced),
// beside an empty delta (generation.h). Stopped, the workers first finish the batches handed
// out, so the index holds every entry up to the change_seq it records.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>

#include "fora/archive/archive.h"
#include "fora/indexer/index_writer.h"
#include "fora/indexer/shard_plan.h"
#include "fora/result.h"
#include "index_run.h"

namespace fora::indexer {

// Writes the generation folder `path` (which must not exist yet; the workers' databases are
// written beside it, <path>.worker-W, and removed). `workers`: threads making documents, at
// least 1. `plan`: which main database each entry goes to (main, or main-K of a split index).
// The summary counts every document as added.
Result<IndexOutcome> build_whole_index(const archive::Archive& archive, const std::filesystem::path& path, int workers,
                                     const ShardPlan& plan,
                                     const std::function<void(const IndexProgress&)>& progress,
                                     const std::atomic<bool>& stop);

}  // namespace fora::indexer
