// Verification: a job over the captures (captures.h) that reads every byte of the snapshots
// and checks them against themselves and against the catalog (verify.cc).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "fora/archive/captures.h"
#include "fora/result.h"

namespace fora::archive {

// What verify() found.
struct VerifyReport {
  std::int64_t segments = 0, records = 0, captures = 0;
  std::int64_t bytes = 0;              // compressed bytes read
  std::vector<std::string> problems;   // one line each, naming the segment and offset
};

// Reads every segment: every frame decodes (its checksum holds), every capture the
// catalog lists starts and ends on a record of its segment, every record but a segment's
// warcinfo belongs to a capture, no segment has bytes past what the catalog committed.
// `deep` also recomputes every payload digest (against the record's
// WARC-Payload-Digest and the catalog's), checks each revisit's original, each segment's
// dictionary against the catalog's, every post's and comment's words, and SQLite's
// integrity_check. Damage is reported, not an error; errors are for what stops the
// reading (Io). Damage is what changes a record: a few bits of a zstd frame may differ
// without changing what it decodes to (e.g. those left over in the last byte of an entropy
// table's description, RFC 8878 4.1.1, which no decoder reads); no check sees them.
Result<VerifyReport> verify(const Captures& captures, bool deep);

}  // namespace fora::archive
