// WarcFileReader: the records of a WARC file, one at a time, as wget, Heritrix,
// warcio/Browsertrix and fora write them: plain (.warc), gzip (.warc.gz: a member per
// record, or one for the whole file) or zstd (.warc.zst: a frame per record, or one for the
// whole file; a dictionary in the leading skippable frame, IIPC's profile, is used). The
// format is told by the first bytes, not the name. The file is read in pieces, so its size
// does not matter, nor does a record's: one whose block is larger than the reader's limit
// is passed over as it is decoded, never held, and returned as an error. A record that
// cannot be read is returned as an error with its offset, and reading goes on at the next
// gzip member, zstd frame or "WARC/1." line after it.
#pragma once

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "fora/archive/warc.h"
#include "fora/result.h"

namespace fora::archive {

class WarcFileReader {
 public:
  // The default limit: a record whose block is larger is reported and skipped, not held
  // in memory.
  static constexpr std::size_t kMaxRecord = std::size_t{512} << 20;

  enum class Format { Plain, Gzip, Zstd };

  // `max_block`: the largest record block read; a larger one is passed over unread.
  // Errors: NotFound, Io.
  static Result<WarcFileReader> open(const std::filesystem::path& path, std::size_t max_block = kMaxRecord);
  // Reads records from `bytes` held in memory (tests, fuzzing).
  static WarcFileReader from_bytes(std::string bytes, std::size_t max_block = kMaxRecord);
  WarcFileReader(WarcFileReader&&) noexcept;
  WarcFileReader& operator=(WarcFileReader&&) noexcept;
  ~WarcFileReader();

  struct Item {
    // Where the record starts in the file: its gzip member or zstd frame, or its first
    // byte in a plain file (for a file compressed whole: where that one member starts).
    std::int64_t offset = 0;
    // Where the member or frame holding the record's last byte ends (a plain file: the
    // byte after the record's trailer).
    std::int64_t end = 0;
    // The record, or an error: Corrupt naming what is wrong with it, InvalidArgument for a
    // block larger than the limit (passed over).
    Result<WarcRecord> record = WarcRecord{};
  };
  // The next record, or nullopt at the end of the file.
  std::optional<Item> next();

  Format format() const;
  // The dictionary the file's leading frame held (zstd), "" when none.
  const std::string& dictionary() const;

  struct Impl;

 private:
  explicit WarcFileReader(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// WarcGzipWriter: a .warc.gz as wget and warcio write it, each record its own gzip member
// (so a reader can seek to any record). Written to FILE.tmp and renamed on close(), so a
// failed export leaves no half file under the name asked for.
class WarcGzipWriter {
 public:
  // Errors: Io.
  static Result<WarcGzipWriter> create(const std::filesystem::path& path);
  WarcGzipWriter(WarcGzipWriter&&) noexcept;
  WarcGzipWriter& operator=(WarcGzipWriter&&) noexcept;
  ~WarcGzipWriter();  // without close(): the temporary file is removed

  Status write(std::string_view record);  // one serialized record
  Status close();
  std::int64_t bytes() const { return bytes_; }

 private:
  WarcGzipWriter() = default;
  std::filesystem::path path_, tmp_;
  std::FILE* file_ = nullptr;
  std::int64_t bytes_ = 0;
};

}  // namespace fora::archive
