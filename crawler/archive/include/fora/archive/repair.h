// Repair: a job over the captures (captures.h) that mends the damage verify() (verify.h)
// finds, losing only what the damage holds (repair.cc). Needs an archive opened for Write.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "fora/archive/captures.h"
#include "fora/result.h"

namespace fora::archive {

// What repair() did.
struct RepairReport {
  std::vector<std::string> found;    // the damage verify saw, one line each
  std::vector<std::string> actions;  // what was done about it, one line each
  std::int64_t segments_rewritten = 0, captures_lost = 0, versions_lost = 0, pages_queued = 0;
};

// Mends what verify(captures, true) finds: a damaged segment is written again with the
// captures that still read back whole, and the old file is moved to snapshots/damaged/
// (never deleted); the captures lost, and the revisits of them, leave the catalog and their
// pages are queued to be fetched again; words of posts and comments that no longer decode
// are marked lost (StoredEntry::words_lost) and their pages queued; damaged SQL indexes
// are rebuilt. Damage to the catalog's own tables is reported, not mended (restore
// catalog.db).
Result<RepairReport> repair(Captures& captures);

}  // namespace fora::archive
