// The state behind Captures (captures.h), shared by its .cc files (captures.cc,
// dictionaries.cc, compact.cc, verify.cc, repair.cc). Private.
#pragma once

#include <cstdint>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "catalog.h"
#include "entry_text.h"
#include "fora/archive/captures.h"
#include "snapshot_store.h"
#include "zstd_frames.h"

namespace fora::archive {

struct Captures::Internal : OnCatalog {
  Internal(Catalog& c, EntryWords& thread_words, std::int64_t& thread_change_seq)
      : OnCatalog{c}, words(thread_words), change_seq(thread_change_seq) {}
  // The thread store's: compaction and repair rewrite entries' words, and repair marks the
  // entries it touches changed.
  EntryWords& words;
  std::int64_t& change_seq;
  std::optional<SnapshotStore> snapshots;
  std::int64_t segment_limit = std::int64_t{1} << 30;
  // The segment each dictionary's records are appended to (key 0: no dictionary), and
  // whether it grew since the catalog last recorded its committed size (writer only).
  struct OpenSegment {
    std::int64_t id = 0;
    std::string name;
    bool grown = false;
    bool holds_records = true;  // false while it holds only its header
  };
  // Keyed by (dictionary id, level): records compressed alike share a segment.
  std::map<std::pair<std::int64_t, int>, OpenSegment> open_segments;
  std::vector<std::string> repairs;  // what open() mended
  // Segment names and dictionaries by id, loaded on first use (readers too).
  struct SegmentRow {
    std::string name;
    std::int64_t dictionary_id = 0;
  };
  mutable std::unordered_map<std::int64_t, SegmentRow> segment_rows;
  mutable std::unordered_map<std::int64_t, std::shared_ptr<const Dictionary>> dictionaries;

  // Per-site dictionaries (dictionaries.cc). The latest of each site, by origin, is read by
  // crawl workers through dictionary_for(), hence the mutex; the rest is the writer's.
  mutable std::mutex site_dictionaries_mutex;
  std::unordered_map<std::string, std::shared_ptr<const Dictionary>> site_dictionaries;
  std::int64_t train_after = 256;            // records a site stores before its dictionary is trained
  std::size_t dictionary_bytes = 256 << 10;  // the trained dictionary's size at most
  std::unordered_map<std::string, std::int64_t> undictionaried;  // per origin: captures stored without one
  std::unordered_set<std::string> untrainable;  // sites whose training failed (too few or alike samples)
  struct Training {
    std::string origin;
    std::int64_t site_id = 0;
    std::future<Result<std::string>> dictionary;
    std::size_t replaces = 0;  // the size of the dictionary it replaces (kept only when larger)
  };
  std::optional<Training> training;  // at most one at a time, on its own thread
};

// Opens snapshots/ and, for a writer, each site's latest dictionary and the segments it
// appends to (open_segments()).
Status open_captures(Captures::Internal& a);

// captures.cc: the segments a writer appends to, checked and mended on open (a torn tail
// cut, a file no committed record is in removed), and their committed sizes recorded
// before each commit.
Status open_segments(Captures::Internal& a);
Status record_segment_sizes(Captures::Internal& a);
// Appends `frames` (compressed with `dict`, or without one at `level`) to the segment of
// records compressed alike, starting a new one when it would pass the size limit; returns
// (segment id, offset).
Result<std::pair<std::int64_t, std::int64_t>> place_frames(Captures::Internal& a, std::string_view frames,
                                                          const std::shared_ptr<const Dictionary>& dict, int level,
                                                          std::int64_t now);
// What to try when stored bytes are damaged.
inline constexpr const char* kRepairHint =
    "`fora verify --repair` sets the damaged bytes aside and queues their pages to be fetched again";
// Segment `id`'s name and dictionary. Errors: Corrupt (the catalog does not list it).
Result<Captures::Internal::SegmentRow> segment_row(const Captures::Internal& a, std::int64_t id);
// Records' dictionary `id` (0: none, null), loaded to decompress on first use.
Result<std::shared_ptr<const Dictionary>> record_dictionary(const Captures::Internal& a, std::int64_t id);
// Starts a new segment for records compressed with `dict` (null: none) and keyed `key`
// (dictionary id, level): its row, and a file holding the dictionary frame and a
// warcinfo record; it is the one such records are appended to from now on.
Result<Captures::Internal::OpenSegment*> start_segment(Captures::Internal& a, const std::shared_ptr<const Dictionary>& dict,
                                                  std::pair<std::int64_t, int> key, std::int64_t now);
// The records (request, response...) of a capture's frames, each decompressed on its own.
// Errors: Corrupt (naming segment and offset) when they are damaged, cut short or missing.
Result<std::vector<std::string>> capture_records(const Captures::Internal& a, std::int64_t segment_id,
                                                 std::int64_t offset, std::int64_t length);

// verify.cc: what verify(captures, deep) finds wrong in segment `segment_id`, one line each.
Result<std::vector<std::string>> segment_problems(const Captures::Internal& a, std::int64_t segment_id, bool deep);

// dictionaries.cc: each site's latest dictionary loaded on open; after a capture of `origin`
// is stored, its count moves, and once it reaches train_after a dictionary is trained from
// the site's records on another thread and, when ready, saved and handed out.
Status load_site_dictionaries(Captures::Internal& a);
Status after_capture(Captures::Internal& a, const std::string& origin, std::int64_t site_id, bool had_dictionary);
// Trains a dictionary for the site from its records, on another thread: of at most
// `capacity` bytes (0: dictionary_bytes); above dictionary_bytes only as far as a tenth of
// the samples (ZDICT learns from ten times its output at least). A dictionary to replace
// one of `replaces` bytes is trained only when it may be larger, and kept only when it is.
Status start_training(Captures::Internal& a, const std::string& origin, std::int64_t site_id, std::size_t capacity = 0,
                      std::size_t replaces = 0);
// Waits for a training under way and saves its dictionary (on close).
Status finish_training(Captures::Internal& a);

}  // namespace fora::archive
