// Compaction: a job over the captures (captures.h) that compresses their records, and the
// words of posts and comments in the catalog, again with each site's dictionaries
// (compact.cc). Needs an archive opened for Write.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "fora/archive/captures.h"
#include "fora/result.h"

namespace fora::archive {

// What compact() did.
struct CompactReport {
  std::int64_t captures_moved = 0, segments_removed = 0;
  std::int64_t bytes_before = 0, bytes_after = 0, bytes_freed = 0;  // of snapshots/
  std::int64_t versions_moved = 0;                       // entries' words compressed again
  std::int64_t catalog_before = 0, catalog_after = 0;    // catalog.db's bytes
  std::vector<std::string> problems;  // captures left as they were, and why
};

// Compresses again, with their site's latest dictionary (trained now for a site that has
// enough records and none) at `level`, the records stored without it or at a lower
// level, into new segments, and removes the segments left empty. `progress` (may be
// empty) hears (done, total) after each batch.
Result<CompactReport> compact(Captures& captures, int level,
                              const std::function<void(std::int64_t, std::int64_t)>& progress = {});

}  // namespace fora::archive
