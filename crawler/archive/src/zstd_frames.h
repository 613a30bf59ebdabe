// zstd as the snapshot store uses it (IIPC "WARC zstd" profile): every record its own frame
// with content size and checksum, optionally compressed with a per-site dictionary; a
// segment made with a dictionary carries it in its leading skippable frame (magic
// 0x184D2A5D), itself a zstd frame, so `zstd -d -D` decodes the segment with nothing else.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fora/result.h"

struct ZSTD_CDict_s;
struct ZSTD_DDict_s;

namespace fora::archive {

inline constexpr std::uint32_t kDictionaryFrameMagic = 0x184D2A5D;

// A trained dictionary, ready to compress and decompress with. Immutable; shared by threads.
class Dictionary {
 public:
  // `level` is the one it compresses at; kDecompressOnly makes no compression context
  // (readers). Errors: Corrupt (zstd does not take `bytes` as a dictionary).
  static constexpr int kDecompressOnly = 0;
  static Result<std::shared_ptr<const Dictionary>> load(std::int64_t id, std::string bytes, int level);
  ~Dictionary();
  Dictionary(const Dictionary&) = delete;
  Dictionary& operator=(const Dictionary&) = delete;

  std::int64_t id() const { return id_; }       // the catalog's dictionaries.id
  int level() const { return level_; }          // the level its compression context is for
  const std::string& bytes() const { return bytes_; }
  std::uint32_t zstd_id() const;                // the id zstd writes into each frame
  ZSTD_CDict_s* cdict() const { return cdict_; }  // null when loaded kDecompressOnly
  ZSTD_DDict_s* ddict() const { return ddict_; }

 private:
  Dictionary() = default;
  std::int64_t id_ = 0;
  int level_ = 0;
  std::string bytes_;
  ZSTD_CDict_s* cdict_ = nullptr;
  ZSTD_DDict_s* ddict_ = nullptr;
};

// The level records are compressed at (with or without a dictionary).
inline constexpr int kRecordLevel = 3;

// One frame holding `data`, with a dictionary when `dict` is set. Thread-safe.
// Errors: Internal (zstd refused).
Result<std::string> compress_frame(std::string_view data, const Dictionary* dict = nullptr,
                                   int level = kRecordLevel);

// Each frame of `frames` decompressed on its own (skippable frames passed over).
// Errors as decompress_frames().
Result<std::vector<std::string>> decompress_each(std::string_view frames, const Dictionary* dict = nullptr);

// Every frame of `frames` decompressed and joined; skippable frames are passed over.
// Errors: Corrupt (naming what zstd said), a frame needing a dictionary that `dict` is not.
Result<std::string> decompress_frames(std::string_view frames, const Dictionary* dict = nullptr);

// A frame for a catalog row (comment_versions): with its content checksum (4 bytes: a
// damaged row is refused, never read as other words) and no dictionary id (the row names
// its dictionary, 4 bytes less). `dict` must have been loaded for compression.
// Thread-safe. Errors: Internal.
Result<std::string> compress_row_frame(std::string_view data, const Dictionary* dict, int level);
// Its inverse, with the dictionary the row names (null: none). Errors: Corrupt.
Result<std::string> decompress_row_frame(std::string_view frame, const Dictionary* dict);

// The skippable frame that opens a segment compressed with `dict`.
Result<std::string> dictionary_frame(const Dictionary& dict);

// The dictionary inside a segment's leading skippable frame, and that frame's size;
// nullopt when the segment starts otherwise. Errors: Corrupt.
struct DictionaryFrame {
  std::string dictionary;
  std::size_t frame_size = 0;
};
Result<std::optional<DictionaryFrame>> read_dictionary_frame(std::string_view segment_start);

// The size of the frame (of any kind) at the start of `bytes`, or an error naming why it is
// not one (Corrupt): what lets a reader walk a segment frame by frame.
Result<std::size_t> frame_size(std::string_view bytes);

// Trains a dictionary of at most `capacity` bytes from `samples` (ZDICT).
// Errors: Internal (too few or too alike samples).
Result<std::string> train_dictionary(const std::vector<std::string>& samples, std::size_t capacity);

}  // namespace fora::archive
