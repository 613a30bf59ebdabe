#include "fora/archive/warc_file.h"

#include <zlib.h>
#include <zstd.h>

#include <fmt/format.h>

#include <deque>
#include <limits>
#include <fstream>
#include <cerrno>
#include <cstring>
#include <unistd.h>
#include <tuple>

#include "zstd_frames.h"

namespace fora::archive {
namespace {

constexpr std::size_t kReadChunk = 1 << 20;
constexpr std::size_t kOutChunk = 256 << 10;
constexpr std::size_t kMaxDictionaryFrame = 16 << 20;
constexpr std::string_view kGzipMagic = "\x1f\x8b";
constexpr std::string_view kZstdMagic = "\x28\xb5\x2f\xfd";

std::uint32_t le32(std::string_view b) {
  std::uint32_t v = 0;
  for (int i = 3; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(b[static_cast<std::size_t>(i)]);
  return v;
}

}  // namespace

struct WarcFileReader::Impl {
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
  bool seeking = false;  // after a bad record: look for the next record's start,
  std::int64_t seek_from = 0;  // at this text position or later
  std::optional<Item> decode_error;
  std::size_t max_block = WarcFileReader::kMaxRecord;
  // A record too large to hold, being passed over: its item, and the text position where
  // the record ends.
  struct Skip {
    Item item;
    std::int64_t until = 0;
  };
  std::optional<Skip> skip;

  ~Impl() {
    if (z_ready) inflateEnd(&z);
    ZSTD_freeDCtx(zd);
  }

  std::int64_t file_pos() const { return raw_base + static_cast<std::int64_t>(raw_pos); }
  std::int64_t text_end() const { return text_base + static_cast<std::int64_t>(text.size()); }

  // More file bytes into `raw`; false at the end of the file.
  bool read_more() {
    if (raw_pos > 0) {
      raw.erase(0, raw_pos);
      raw_base += static_cast<std::int64_t>(raw_pos);
      raw_pos = 0;
    }
    if (input_done || !file.is_open()) {
      input_done = true;
      return false;
    }
    const std::size_t had = raw.size();
    raw.resize(had + kReadChunk);
    file.read(raw.data() + had, static_cast<std::streamsize>(kReadChunk));
    raw.resize(had + static_cast<std::size_t>(file.gcount()));
    if (raw.size() == had) input_done = true;
    return raw.size() > had;
  }

  // At least `n` undecoded bytes in `raw`, unless the file ends first.
  bool have(std::size_t n) {
    while (raw.size() - raw_pos < n)
      if (!read_more()) return false;
    return true;
  }

  void fail_unit(const std::string& why) {
    Item item;
    item.offset = units.empty() ? file_pos() : units.back().file_begin;
    item.end = file_pos();
    item.record = make_error(Errc::Corrupt, why);
    decode_error = std::move(item);
    if (!units.empty() && units.back().file_end < 0) {
      // What the broken unit decoded is dropped; records before it stay.
      const std::int64_t keep = std::max(units.back().text_begin, text_base + static_cast<std::int64_t>(text_pos));
      text.resize(static_cast<std::size_t>(keep - text_base));
      units.pop_back();
    }
    in_unit = false;
    seeking = true;
    seek_from = text_end();
    skip_to_magic(1);
  }

  // Moves raw_pos to the next gzip member or zstd frame, at least `from` bytes on.
  void skip_to_magic(std::size_t from) {
    const std::string_view magic = format == Format::Gzip ? kGzipMagic : kZstdMagic;
    raw_pos = std::min(raw.size(), raw_pos + from);
    for (;;) {
      const std::size_t at = raw.find(magic, raw_pos);
      if (at != std::string::npos) {
        raw_pos = at;
        return;
      }
      raw_pos = raw.size() > magic.size() ? std::max(raw_pos, raw.size() - magic.size() + 1) : raw_pos;
      if (!read_more()) {
        raw_pos = raw.size();
        return;
      }
    }
  }

  void detect() {
    detected = true;
    have(4);
    const std::string_view head(raw.data() + raw_pos, raw.size() - raw_pos);
    if (head.starts_with(kGzipMagic)) {
      format = Format::Gzip;
    } else if (head.size() >= 4 && (head.starts_with(kZstdMagic) || (le32(head) & 0xFFFFFFF0u) == 0x184D2A50u)) {
      format = Format::Zstd;
      zd = ZSTD_createDCtx();
    } else {
      format = Format::Plain;
      units.push_back({0, 0, -1});
    }
  }

  void start_gzip_member() {
    // Zero padding or blank bytes after the last member end the file quietly.
    while (have(1) && (raw[raw_pos] == '\0' || raw[raw_pos] == '\n' || raw[raw_pos] == '\r')) ++raw_pos;
    if (raw_pos == raw.size()) return;  // the end of the file: decode_step says so next
    if (!have(2) || std::string_view(raw.data() + raw_pos, 2) != kGzipMagic) {
      units.push_back({text_end(), file_pos(), -1});
      return fail_unit(fmt::format("not a gzip member at offset {}", file_pos()));
    }
    if (!z_ready) {
      if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK) return fail_unit("zlib cannot start");
      z_ready = true;
    } else {
      inflateReset(&z);
    }
    units.push_back({text_end(), file_pos(), -1});
    in_unit = true;
  }

  void continue_gzip_member() {
    char out[kOutChunk];
    z.next_in = reinterpret_cast<Bytef*>(raw.data() + raw_pos);
    z.avail_in = static_cast<uInt>(std::min<std::size_t>(raw.size() - raw_pos, 1u << 30));
    z.next_out = reinterpret_cast<Bytef*>(out);
    z.avail_out = sizeof out;
    const uInt before = z.avail_in;
    const int rc = inflate(&z, Z_NO_FLUSH);
    raw_pos += before - z.avail_in;
    text.append(out, sizeof out - z.avail_out);
    if (rc == Z_STREAM_END) {
      units.back().file_end = file_pos();
      in_unit = false;
    } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
      fail_unit(fmt::format("gzip member at offset {}: {}", units.back().file_begin, z.msg ? z.msg : "bad data"));
    }
  }

  void start_zstd_frame() {
    if (!have(4)) {
      units.push_back({text_end(), file_pos(), -1});
      return fail_unit(fmt::format("{} stray bytes at offset {}", raw.size() - raw_pos, file_pos()));
    }
    const std::uint32_t magic = le32(std::string_view(raw.data() + raw_pos, 4));
    if ((magic & 0xFFFFFFF0u) == 0x184D2A50u) {
      if (!have(8)) return fail_unit("a skippable frame cut short");
      const std::size_t size = le32(std::string_view(raw.data() + raw_pos + 4, 4));
      const bool leading = file_pos() == 0 && magic == kDictionaryFrameMagic;
      if (leading && size <= kMaxDictionaryFrame) {
        if (!have(8 + size)) return fail_unit("the dictionary frame is cut short");
        auto found = read_dictionary_frame(std::string_view(raw.data() + raw_pos, 8 + size));
        if (!found) return fail_unit(found.error().message);
        auto d = Dictionary::load(0, (*found)->dictionary, kRecordLevel);
        if (!d) return fail_unit(d.error().message);
        dict = *d;
        dict_bytes = (*found)->dictionary;
        raw_pos += 8 + size;
        return;
      }
      // Another skippable frame: passed over.
      std::size_t left = 8 + size;
      while (left > 0) {
        if (raw_pos == raw.size() && !read_more()) return;
        const std::size_t step = std::min(left, raw.size() - raw_pos);
        raw_pos += step;
        left -= step;
      }
      return;
    }
    units.push_back({text_end(), file_pos(), -1});
    if (magic != 0xFD2FB528u) return fail_unit(fmt::format("not a zstd frame at offset {}", file_pos()));
    ZSTD_DCtx_reset(zd, ZSTD_reset_session_only);
    if (dict) ZSTD_DCtx_refDDict(zd, dict->ddict());
    in_unit = true;
  }

  void continue_zstd_frame() {
    char out[kOutChunk];
    ZSTD_inBuffer in{raw.data() + raw_pos, raw.size() - raw_pos, 0};
    ZSTD_outBuffer o{out, sizeof out, 0};
    const std::size_t rc = ZSTD_decompressStream(zd, &o, &in);
    raw_pos += in.pos;
    text.append(out, o.pos);
    if (ZSTD_isError(rc)) {
      return fail_unit(fmt::format("zstd frame at offset {}: {}", units.back().file_begin, ZSTD_getErrorName(rc)));
    }
    if (rc == 0) {
      units.back().file_end = file_pos();
      in_unit = false;
    }
  }

  // Decodes a little more: some bytes, the end of a unit, or an error (decode_error). A
  // step that moved nothing (a state no test foresaw) ends the reading with an error rather
  // than spinning.
  void decode_step() {
    const auto before = std::make_tuple(file_pos(), text.size(), units.size(), in_unit, decoded_all, detected);
    decode_once();
    if (before == std::make_tuple(file_pos(), text.size(), units.size(), in_unit, decoded_all, detected) &&
        !decode_error) {
      units.push_back({text_end(), file_pos(), -1});
      fail_unit(fmt::format("cannot read on at offset {}", file_pos()));
      raw_pos = raw.size();
      input_done = true;
    }
  }

  void decode_once() {
    if (!detected) return detect();
    if (raw_pos == raw.size() && !read_more()) {
      if (in_unit) {
        fail_unit(fmt::format("the file ends inside the {} that starts at offset {}",
                              format == Format::Gzip ? "gzip member" : "zstd frame", units.back().file_begin));
      }
      decoded_all = true;
      return;
    }
    switch (format) {
      case Format::Plain:
        text.append(raw, raw_pos, std::string::npos);
        raw_pos = raw.size();
        return;
      case Format::Gzip: return in_unit ? continue_gzip_member() : start_gzip_member();
      case Format::Zstd: return in_unit ? continue_zstd_frame() : start_zstd_frame();
    }
  }

  const Unit* unit_at(std::int64_t text_abs) const {
    const Unit* found = nullptr;
    for (const Unit& u : units) {
      if (u.text_begin > text_abs) break;
      found = &u;
    }
    return found;
  }

  // Drops parsed text and the units wholly behind it, and the room a large record took.
  void compact() {
    if (text_pos > (1u << 20) && text_pos * 2 > text.size()) {
      text.erase(0, text_pos);
      text_base += static_cast<std::int64_t>(text_pos);
      text_pos = 0;
      if (text.capacity() > (8u << 20) && text.size() < text.capacity() / 4) text.shrink_to_fit();
    }
    while (units.size() > 1 && units[1].text_begin <= text_base + static_cast<std::int64_t>(text_pos))
      units.pop_front();
  }

  // After a bad record: moves to the next place a record may start (a unit's start, or
  // "WARC/1.") from seek_from on; false when the decoded text holds none yet.
  bool seek_record() {
    const std::int64_t from = std::max(seek_from, text_base);
    std::int64_t best = -1;
    const std::size_t rel = static_cast<std::size_t>(std::max<std::int64_t>(from - text_base, 0));
    if (const std::size_t at = text.find("WARC/1.", rel); at != std::string::npos) best = text_base + static_cast<std::int64_t>(at);
    for (const Unit& u : units)
      if (u.text_begin >= from && u.text_begin < text_end() && (best < 0 || u.text_begin < best)) best = u.text_begin;
    if (best < 0) {
      seek_from = std::max(from, text_end() - 6);  // what may start "WARC/1." is kept
      text_pos = static_cast<std::size_t>(seek_from - text_base);
      return false;
    }
    text_pos = static_cast<std::size_t>(best - text_base);
    seeking = false;
    return true;
  }

  // Passes over what is decoded of the record being skipped, and decodes on; the skipped
  // item once its end (or the file's) is reached.
  std::optional<Item> skip_on() {
    const std::int64_t here = text_base + static_cast<std::int64_t>(text_pos);
    if (here < skip->until) text_pos += static_cast<std::size_t>(std::min(skip->until, text_end()) - here);
    if (text_base + static_cast<std::int64_t>(text_pos) < skip->until && !decoded_all) {
      decode_step();
      return std::nullopt;
    }
    Item item = std::move(skip->item);
    const Unit* u = unit_at(text_base + static_cast<std::int64_t>(text_pos) - 1);
    item.end = format == Format::Plain ? text_base + static_cast<std::int64_t>(text_pos)
               : u != nullptr && u->file_end >= 0 ? u->file_end
                                                 : file_pos();
    skip.reset();
    return item;
  }

  // Starts passing over the record whose head is `head`, at text position `start` (its
  // leading blank lines included).
  void start_skip(std::int64_t start, std::int64_t record_at, const WarcHead& head) {
    Item item;
    const Unit* first = unit_at(record_at);
    item.offset = format == Format::Plain || first == nullptr ? record_at : first->file_begin;
    item.record = make_error(Errc::InvalidArgument,
                             fmt::format("record at offset {}: a block of {} bytes, above the limit of {} bytes: "
                                         "skipped unread",
                                         item.offset, head.block_size, max_block));
    const std::uint64_t until = static_cast<std::uint64_t>(start) + head.block_at + head.block_size;
    constexpr auto kNoEnd = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
    skip = Skip{std::move(item), static_cast<std::int64_t>(std::min(until, kNoEnd))};
  }

  std::optional<Item> next() {
    for (;;) {
      if (decode_error) {
        skip.reset();  // the broken unit is what is reported
        Item item = std::move(*decode_error);
        decode_error.reset();
        return item;
      }
      compact();
      if (skip) {
        if (auto item = skip_on()) return item;
        continue;
      }
      if (seeking && !seek_record()) {
        if (decoded_all) return std::nullopt;
        decode_step();
        continue;
      }
      std::string_view view(text);
      view.remove_prefix(text_pos);
      std::size_t blanks = 0;
      while (blanks < view.size() && (view[blanks] == '\r' || view[blanks] == '\n')) ++blanks;
      if (blanks == view.size()) {
        text_pos = text.size();
        if (decoded_all) return std::nullopt;
        decode_step();
        continue;
      }
      std::size_t used = 0;
      bool need_more = false;
      const std::int64_t start = text_base + static_cast<std::int64_t>(text_pos + blanks);
      if (auto head = parse_warc_head(view); head && head->block_size > max_block) {
        start_skip(text_base + static_cast<std::int64_t>(text_pos), start, *head);
        continue;
      }
      auto rec = parse_warc_record(view, &used, &need_more);
      if (!rec && need_more && !decoded_all) {
        decode_step();
        continue;
      }
      if (rec) {
        // The unit holding the record's end is decoded to its end (its checksum checked),
        // unless it runs on far past the record (a file compressed whole).
        const std::int64_t last = text_base + static_cast<std::int64_t>(text_pos + used) - 1;
        while (!decoded_all && !decode_error) {
          const Unit* u = unit_at(last);
          if (u == nullptr || u->file_end >= 0 || text_end() - last > (64 << 10)) break;
          decode_step();
        }
        if (decode_error) continue;  // the record's own frame is broken: that is reported
      }
      Item item;
      const Unit* first = unit_at(start);
      item.offset = format == Format::Plain || first == nullptr ? start : first->file_begin;
      if (rec) {
        text_pos += used;
        const Unit* u = unit_at(text_base + static_cast<std::int64_t>(text_pos) - 1);
        item.end = format == Format::Plain ? text_base + static_cast<std::int64_t>(text_pos)
                   : u != nullptr && u->file_end >= 0 ? u->file_end
                                                     : file_pos();
        item.record = std::move(*rec);
        return item;
      }
      item.end = item.offset;
      item.record = make_error(Errc::Corrupt, fmt::format("record at offset {}: {}", item.offset, rec.error().message));
      text_pos += blanks;
      seeking = true;
      seek_from = start + 1;
      return item;
    }
  }
};

WarcFileReader::WarcFileReader(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
WarcFileReader::WarcFileReader(WarcFileReader&&) noexcept = default;
WarcFileReader& WarcFileReader::operator=(WarcFileReader&&) noexcept = default;
WarcFileReader::~WarcFileReader() = default;

Result<WarcFileReader> WarcFileReader::open(const std::filesystem::path& path, std::size_t max_block) {
  auto impl = std::make_unique<Impl>();
  impl->max_block = max_block;
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    return make_error(Errc::NotFound, fmt::format("{}: no such file", path.string()));
  }
  impl->file.open(path, std::ios::binary);
  if (!impl->file) return make_error(Errc::Io, fmt::format("{}: cannot be read", path.string()));
  return WarcFileReader(std::move(impl));
}

WarcFileReader WarcFileReader::from_bytes(std::string bytes, std::size_t max_block) {
  auto impl = std::make_unique<Impl>();
  impl->max_block = max_block;
  impl->raw = std::move(bytes);
  impl->input_done = true;
  return WarcFileReader(std::move(impl));
}

WarcGzipWriter::WarcGzipWriter(WarcGzipWriter&& o) noexcept { *this = std::move(o); }
WarcGzipWriter& WarcGzipWriter::operator=(WarcGzipWriter&& o) noexcept {
  std::swap(path_, o.path_);
  std::swap(tmp_, o.tmp_);
  std::swap(file_, o.file_);
  std::swap(bytes_, o.bytes_);
  return *this;
}

WarcGzipWriter::~WarcGzipWriter() {
  if (file_ != nullptr) {
    std::fclose(file_);
    std::error_code ec;
    std::filesystem::remove(tmp_, ec);
  }
}

Result<WarcGzipWriter> WarcGzipWriter::create(const std::filesystem::path& path) {
  WarcGzipWriter w;
  w.path_ = path;
  w.tmp_ = path.string() + ".tmp";
  w.file_ = std::fopen(w.tmp_.c_str(), "wb");
  if (w.file_ == nullptr) return make_error(Errc::Io, fmt::format("cannot write {}", w.tmp_.string()));
  return w;
}

Status WarcGzipWriter::write(std::string_view record) {
  z_stream z{};
  if (deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
    return make_error(Errc::Internal, "zlib cannot start");
  }
  std::string out(deflateBound(&z, record.size()) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(record.data()));
  z.avail_in = static_cast<uInt>(record.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  const int rc = deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  if (rc != Z_STREAM_END) return make_error(Errc::Internal, "zlib could not compress a record");
  if (std::fwrite(out.data(), 1, out.size(), file_) != out.size()) {
    return make_error(Errc::Io, fmt::format("writing {}: {}", tmp_.string(), std::strerror(errno)));
  }
  bytes_ += static_cast<std::int64_t>(out.size());
  return ok();
}

Status WarcGzipWriter::close() {
  if (file_ == nullptr) return ok();
  const bool flushed = std::fflush(file_) == 0 && ::fsync(fileno(file_)) == 0;
  std::fclose(file_);
  file_ = nullptr;
  std::error_code ec;
  if (flushed) std::filesystem::rename(tmp_, path_, ec);
  if (!flushed || ec) {
    std::filesystem::remove(tmp_, ec);
    return make_error(Errc::Io, fmt::format("cannot finish {}", path_.string()));
  }
  return ok();
}

std::optional<WarcFileReader::Item> WarcFileReader::next() { return impl_->next(); }

WarcFileReader::Format WarcFileReader::format() const { return impl_->format; }
const std::string& WarcFileReader::dictionary() const { return impl_->dict_bytes; }

}  // namespace fora::archive
