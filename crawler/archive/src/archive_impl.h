// The state behind fora::archive::Archive, shared by its .cc files. Private.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <map>
#include <optional>
#include <string>
#include <vector>
#include <unordered_map>

#include "fora/archive/archive.h"
#include "snapshot_store.h"
#include "zstd_frames.h"
#include "sqlite.h"

namespace fora::archive {

struct Archive::Impl {
  std::filesystem::path dir;
  bool writable = false;
  int lock_fd = -1;             // flock'ed <dir>/lock while writable
  SqliteDb db;
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
  std::map<std::int64_t, OpenSegment> open_segments;
  std::vector<std::string> repairs;  // what open() mended
  // Segment names and dictionaries by id, loaded on first use (readers too).
  struct SegmentRow {
    std::string name;
    std::int64_t dictionary_id = 0;
  };
  mutable std::unordered_map<std::int64_t, SegmentRow> segment_rows;
  mutable std::unordered_map<std::int64_t, std::shared_ptr<const Dictionary>> dictionaries;
  int batch_depth = 0;
  std::int64_t change_seq = 0;  // last change_seq handed out (writer only)
  // Whether reply_links holds a row: only mail archives write any, and until one does, a
  // new entry has no children to look for (writer only).
  bool any_reply_links = true;

  ~Impl();
  // Statements prepared once per connection, keyed by their SQL literal's address.
  mutable std::unordered_map<const char*, std::unique_ptr<Statement>> statements;

  // The cached statement for `sql` (a string literal), reset and ready to bind.
  Result<Statement*> sql(const char* sql) const {
    auto& slot = statements[sql];
    if (!slot) {
      auto s = Statement::prepare(db.get(), sql);
      if (!s) return s.error();
      slot = std::make_unique<Statement>(std::move(*s));
    }
    return &slot->reset();
  }
};

// The page row of `url`, created (state 'queued', with its site) when missing.
struct PageRow {
  std::int64_t id = 0;
  bool created = false;
};
Result<PageRow> ensure_page(const Archive::Impl& a, std::string_view url, std::int64_t now, int depth = 0);

// captures.cc: the segments a writer appends to, checked and mended on open (a torn tail
// cut, a file no committed record is in removed), and their committed sizes recorded
// before each commit.
Status open_segments(Archive::Impl& a);
Status record_segment_sizes(Archive::Impl& a);

}  // namespace fora::archive
