// SnapshotStore: the files of snapshots/. A segment (seg-NNNNNN.warc.zst) is a run of zstd
// frames, one WARC record each, after an optional dictionary frame; it is only ever appended
// to. The store knows files and bytes; which segment gets which record, and how many of its
// bytes are committed, is the catalog's (segments table). Used from one thread.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>

#include "fora/result.h"

namespace fora::archive {

class SnapshotStore {
 public:
  // Errors: Io (the folder cannot be made).
  static Result<SnapshotStore> open(const std::filesystem::path& dir, bool writable);
  SnapshotStore(SnapshotStore&&) noexcept;
  SnapshotStore& operator=(SnapshotStore&&) noexcept;
  ~SnapshotStore();

  const std::filesystem::path& dir() const { return dir_; }

  // Starts segment `name` as a new file holding `header` (its first frames). A file left by
  // a crash under that name is replaced. Errors: Io.
  Status create(const std::string& name, std::string_view header);
  // Opens segment `name` for appending after its first `committed` bytes; anything past
  // them (a torn frame from a crash) is cut off. Returns the bytes cut. Errors: Io, Corrupt
  // (the file is shorter than the catalog says).
  Result<std::int64_t> reopen(const std::string& name, std::int64_t committed);
  // Appends `frames` to the open segment `name`; returns the offset they start at. Durable
  // only after sync(); a failed write leaves nothing behind. Errors: Io.
  Result<std::int64_t> append(const std::string& name, std::string_view frames);
  std::int64_t size(const std::string& name) const;  // of an open segment
  // Flushes every segment appended to since the last sync (before the catalog commits).
  Status sync();
  // Forgets segment `name` (its file is to be removed); unsynced bytes are dropped.
  void close(const std::string& name);

  // `length` bytes of segment `name` from `offset`. Errors: NotFound, Corrupt (short), Io.
  Result<std::string> read(const std::string& name, std::int64_t offset, std::int64_t length) const;
  // Total bytes of all files in snapshots/.
  std::int64_t bytes() const;

 private:
  SnapshotStore() = default;
  struct Open {
    int fd = -1;
    std::int64_t size = 0;
    bool dirty = false;
  };
  Result<Open*> open_file(const std::string& name, bool truncate);
  std::filesystem::path dir_;
  bool writable_ = false;
  std::map<std::string, Open> open_;
};

// "seg-000012.warc.zst" for segment 12.
std::string segment_name(std::int64_t number);

}  // namespace fora::archive
