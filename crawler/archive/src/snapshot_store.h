// SnapshotStore: the snapshots/ folder. Records are appended to segment files
// (seg-NNNNNN.warc.zst), each record one zstd frame with content size and checksum, so a
// reader can decompress any record alone from (segment, offset, length). Segments are
// append-only and roll over at kSegmentLimit. The catalog is the source of truth for what
// is committed: on open for writing, bytes past the last committed record (a torn frame
// from a crash) are cut off. Used from one thread.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "fora/result.h"

namespace fora::archive {

struct SnapshotLocation {
  std::string segment;      // file name inside snapshots/
  std::int64_t offset = 0;  // byte offset of the frame
  std::int64_t length = 0;  // compressed length of the frame
};

class SnapshotStore {
 public:
  static constexpr std::int64_t kSegmentLimit = std::int64_t{1} << 30;

  // `committed_end` is where the last committed frame of `last_segment` ends (from the
  // catalog); a writable store truncates that segment there. Errors: Io.
  static Result<SnapshotStore> open(const std::filesystem::path& dir, bool writable,
                                    const std::string& last_segment, std::int64_t committed_end);
  SnapshotStore(SnapshotStore&&) noexcept;
  SnapshotStore& operator=(SnapshotStore&&) noexcept;
  ~SnapshotStore();

  // One record as the frame append_frame() writes: zstd with content size and checksum.
  // Thread-safe (each thread keeps its own compression context), so crawls compress on
  // their worker threads. Errors: Internal (zstd refused).
  static Result<std::string> compress(std::string_view record);
  // Appends a frame made by compress(). Durable only after sync().
  Result<SnapshotLocation> append_frame(std::string_view frame);
  // compress() and append_frame() in one.
  Result<SnapshotLocation> append(std::string_view record);
  // Flushes appended frames to disk (called before the catalog commits them).
  Status sync();
  // Reads and decompresses one record. Errors: NotFound, Corrupt (bad frame), Io.
  Result<std::string> read(const SnapshotLocation& where) const;
  // Total bytes of all segments.
  std::int64_t bytes() const;

 private:
  SnapshotStore() = default;
  Status open_segment(const std::string& name);
  std::filesystem::path dir_;
  bool writable_ = false;
  int fd_ = -1;              // the segment being appended to
  std::string segment_;
  std::int64_t size_ = 0;    // its size
  bool dirty_ = false;
};

}  // namespace fora::archive
