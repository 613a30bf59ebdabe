// WarcDecoder: the decoding layers under a WARC file's records, for WarcFileReader
// (warc_file.h), whose record framing reads the text it decodes. The layer is told by the
// file's first bytes: plain (the bytes as they are), gzip (a member per record, as wget and
// warcio write them) or zstd (a frame per record, after an optional dictionary frame).
// Each gzip member or zstd frame is a unit, decoded on its own and mapped back to where it
// lies in the file, so a record's item names its offset and a broken unit costs only its
// records: the decoder reports it (decode_error) and goes on at the next unit's magic.
// Private to the archive.
#pragma once

#include <zlib.h>
#include <zstd.h>

#include <cstdint>
#include <deque>
#include <fstream>
#include <memory>
#include <optional>
#include <string>

#include "fora/archive/warc_file.h"
#include "zstd_frames.h"

namespace fora::archive {

struct WarcDecoder {
  using Format = WarcFileReader::Format;
  using Item = WarcFileReader::Item;

  WarcDecoder() = default;
  WarcDecoder(const WarcDecoder&) = delete;
  WarcDecoder& operator=(const WarcDecoder&) = delete;
  ~WarcDecoder();

  // Input: `raw` holds file bytes from file offset raw_base; raw_pos is the next to decode.
  std::ifstream file;
  std::string raw;
  std::size_t raw_pos = 0;
  std::int64_t raw_base = 0;
  bool input_done = false;

  Format format = Format::Plain;
  bool detected = false;
  z_stream z{};
  bool z_ready = false;
  ZSTD_DCtx* zd = nullptr;
  std::shared_ptr<const Dictionary> dict;
  std::string dict_bytes;
  bool in_unit = false;  // inside a gzip member or zstd frame

  // Output: decoded bytes from absolute position text_base; text_pos is the next to parse.
  std::string text;
  std::size_t text_pos = 0;
  std::int64_t text_base = 0;
  // The gzip members or zstd frames decoded, by where their bytes start in the text.
  struct Unit {
    std::int64_t text_begin = 0;
    std::int64_t file_begin = 0;
    std::int64_t file_end = -1;  // -1 while being decoded
  };
  std::deque<Unit> units;
  bool decoded_all = false;
  // A unit that would not decode: its item (Corrupt), reported before any record after it;
  // and the text position from which a record may start again.
  std::optional<Item> decode_error;
  std::int64_t resume_from = 0;

  std::int64_t file_pos() const { return raw_base + static_cast<std::int64_t>(raw_pos); }
  std::int64_t text_end() const { return text_base + static_cast<std::int64_t>(text.size()); }

  // Decodes a little more: some bytes, the end of a unit, or an error (decode_error). A
  // step that moved nothing (a state no test foresaw) ends the reading with an error rather
  // than spinning.
  void decode_step();
  // The unit whose text holds absolute text position `text_abs` (null: none).
  const Unit* unit_at(std::int64_t text_abs) const;

 private:
  // More file bytes into `raw`; false at the end of the file.
  bool read_more();
  // At least `n` undecoded bytes in `raw`, unless the file ends first.
  bool have(std::size_t n);
  // The unit being decoded is broken (`why`): it becomes decode_error, what it decoded is
  // dropped, and decoding goes on at the next unit's magic.
  void fail_unit(const std::string& why);
  // Moves raw_pos to the next gzip member or zstd frame, at least `from` bytes on.
  void skip_to_magic(std::size_t from);
  void detect();
  void start_gzip_member();
  void continue_gzip_member();
  void start_zstd_frame();
  void continue_zstd_frame();
  void decode_once();
};

}  // namespace fora::archive
