// WarcFileReader: the record framing over the decoded text of a WARC file (its decoding
// layers: warc_decoder.h), and WarcGzipWriter.
#include "fora/archive/warc_file.h"

#include <zlib.h>

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <limits>
#include <unistd.h>

#include "warc_decoder.h"

namespace fora::archive {

// The record framing over the decoded text: records parsed one after another, a bad one
// reported and passed over (seeking the next "WARC/1." or unit), one too large skipped
// unread.
struct WarcFileReader::Impl : WarcDecoder {
  bool seeking = false;  // after a bad record: look for the next record's start,
  std::int64_t seek_from = 0;  // at this text position or later
  std::size_t max_block = WarcFileReader::kMaxRecord;
  // A record too large to hold, being passed over: its item, and the text position where
  // the record ends.
  struct Skip {
    Item item;
    std::int64_t until = 0;
  };
  std::optional<Skip> skip;

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
        seeking = true;
        seek_from = resume_from;
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
