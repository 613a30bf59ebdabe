// The decoding layers under a WARC file's records (warc_file.h): a plain file's bytes as
// they are, a .warc.gz's gzip members, a .warc.zst's zstd frames. Each member or frame is
// decoded on its own, so a damaged one costs only the records it holds.
#include "warc_decoder.h"

#include <fmt/format.h>

#include <tuple>

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

WarcDecoder::~WarcDecoder() {
  if (z_ready) inflateEnd(&z);
  ZSTD_freeDCtx(zd);
}

bool WarcDecoder::read_more() {
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

bool WarcDecoder::have(std::size_t n) {
  while (raw.size() - raw_pos < n)
    if (!read_more()) return false;
  return true;
}

void WarcDecoder::fail_unit(const std::string& why) {
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
  resume_from = text_end();
  skip_to_magic(1);
}

void WarcDecoder::skip_to_magic(std::size_t from) {
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

// --- which layer: the file's first bytes ---

void WarcDecoder::detect() {
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

// --- gzip: each member decoded on its own, as wget and warcio write them ---

void WarcDecoder::start_gzip_member() {
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

void WarcDecoder::continue_gzip_member() {
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

// --- zstd: a frame each record (a leading skippable frame may hold the dictionary) ---

void WarcDecoder::start_zstd_frame() {
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

void WarcDecoder::continue_zstd_frame() {
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

// --- the step the framing asks for ---

void WarcDecoder::decode_step() {
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

void WarcDecoder::decode_once() {
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

const WarcDecoder::Unit* WarcDecoder::unit_at(std::int64_t text_abs) const {
  const Unit* found = nullptr;
  for (const Unit& u : units) {
    if (u.text_begin > text_abs) break;
    found = &u;
  }
  return found;
}

}  // namespace fora::archive
