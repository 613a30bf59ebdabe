#include "zstd_frames.h"

#include <zdict.h>
#include <zstd.h>

#include <fmt/format.h>

#include <cstring>

namespace fora::archive {
namespace {

struct CctxFree {
  void operator()(ZSTD_CCtx* c) const { ZSTD_freeCCtx(c); }
};
struct DctxFree {
  void operator()(ZSTD_DCtx* c) const { ZSTD_freeDCtx(c); }
};

void put_le32(std::string& out, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out += static_cast<char>((v >> (8 * i)) & 0xff);
}

std::uint32_t get_le32(std::string_view b) {
  std::uint32_t v = 0;
  for (int i = 3; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(b[static_cast<std::size_t>(i)]);
  return v;
}

// Frames decompress to at most this much each: a record fora writes is bounded by the
// fetcher's body limit (32 MiB) plus headers; a frame claiming more is not one of ours.
constexpr unsigned long long kMaxFrameContent = 1ull << 31;

}  // namespace

Dictionary::~Dictionary() {
  ZSTD_freeCDict(cdict_);
  ZSTD_freeDDict(ddict_);
}

Result<std::shared_ptr<const Dictionary>> Dictionary::load(std::int64_t id, std::string bytes, int level) {
  std::shared_ptr<Dictionary> d(new Dictionary());
  d->id_ = id;
  d->level_ = level;
  d->bytes_ = std::move(bytes);
  if (level != kDecompressOnly) d->cdict_ = ZSTD_createCDict(d->bytes_.data(), d->bytes_.size(), level);
  d->ddict_ = ZSTD_createDDict(d->bytes_.data(), d->bytes_.size());
  if ((level != kDecompressOnly && d->cdict_ == nullptr) || d->ddict_ == nullptr || d->zstd_id() == 0) {
    return make_error(Errc::Corrupt, fmt::format("dictionary {} is not a zstd dictionary", id));
  }
  return std::shared_ptr<const Dictionary>(std::move(d));
}

std::uint32_t Dictionary::zstd_id() const { return ZDICT_getDictID(bytes_.data(), bytes_.size()); }

namespace {

// One frame of `data`; `for_row`: without dictionary id (compress_row_frame).
Result<std::string> compress(std::string_view data, const Dictionary* dict, int level, bool for_row) {
  if (dict != nullptr && dict->cdict() == nullptr) {
    return make_error(Errc::Internal, fmt::format("dictionary {} was loaded to decompress only", dict->id()));
  }
  // One context per thread, reused: creating one per record cost more than compressing.
  thread_local std::unique_ptr<ZSTD_CCtx, CctxFree> cctx;
  if (!cctx) {
    cctx.reset(ZSTD_createCCtx());
    if (!cctx) return make_error(Errc::Internal, "zstd: cannot create a compression context");
  }
  ZSTD_CCtx_reset(cctx.get(), ZSTD_reset_session_and_parameters);
  ZSTD_CCtx_setParameter(cctx.get(), ZSTD_c_checksumFlag, 1);
  ZSTD_CCtx_setParameter(cctx.get(), ZSTD_c_contentSizeFlag, 1);
  if (dict != nullptr) {
    ZSTD_CCtx_refCDict(cctx.get(), dict->cdict());  // the level is the one the CDict was made at
    if (for_row) ZSTD_CCtx_setParameter(cctx.get(), ZSTD_c_dictIDFlag, 0);
  } else {
    ZSTD_CCtx_setParameter(cctx.get(), ZSTD_c_compressionLevel, level);
  }
  // Compressed into a buffer of the worst-case size, kept per thread, then copied out at
  // its real size: a frame waiting for the writer holds what it needs, not the bound.
  thread_local std::string buffer;
  buffer.resize(ZSTD_compressBound(data.size()));
  const std::size_t n = ZSTD_compress2(cctx.get(), buffer.data(), buffer.size(), data.data(), data.size());
  if (ZSTD_isError(n)) return make_error(Errc::Internal, fmt::format("zstd: {}", ZSTD_getErrorName(n)));
  std::string frame(buffer.data(), n);
  if (buffer.size() > (8u << 20)) std::string().swap(buffer);  // do not keep a huge page's buffer
  return frame;
}

ZSTD_DCtx* thread_dctx() {
  thread_local std::unique_ptr<ZSTD_DCtx, DctxFree> dctx(ZSTD_createDCtx());
  return dctx.get();
}

}  // namespace

Result<std::string> compress_frame(std::string_view data, const Dictionary* dict, int level) {
  return compress(data, dict, level, false);
}

Result<std::string> compress_row_frame(std::string_view data, const Dictionary* dict, int level) {
  return compress(data, dict, level, true);
}

Result<std::string> decompress_row_frame(std::string_view frame, const Dictionary* dict) {
  ZSTD_DCtx* dctx = thread_dctx();
  if (dctx == nullptr) return make_error(Errc::Internal, "zstd: cannot create a decompression context");
  const unsigned long long content = ZSTD_getFrameContentSize(frame.data(), frame.size());
  if (content == ZSTD_CONTENTSIZE_ERROR || content == ZSTD_CONTENTSIZE_UNKNOWN || content > kMaxFrameContent) {
    return make_error(Errc::Corrupt, "not a zstd frame with its size");
  }
  std::string out(content, '\0');
  const std::size_t n = dict != nullptr
      ? ZSTD_decompress_usingDDict(dctx, out.data(), out.size(), frame.data(), frame.size(), dict->ddict())
      : ZSTD_decompressDCtx(dctx, out.data(), out.size(), frame.data(), frame.size());
  if (ZSTD_isError(n)) return make_error(Errc::Corrupt, fmt::format("zstd: {}", ZSTD_getErrorName(n)));
  out.resize(n);
  return out;
}

Result<std::size_t> frame_size(std::string_view bytes) {
  const std::size_t n = ZSTD_findFrameCompressedSize(bytes.data(), bytes.size());
  if (ZSTD_isError(n)) return make_error(Errc::Corrupt, fmt::format("not a whole zstd frame: {}", ZSTD_getErrorName(n)));
  return n;
}

Result<std::string> decompress_frames(std::string_view frames, const Dictionary* dict) {
  ZSTD_DCtx* dctx = thread_dctx();
  if (dctx == nullptr) return make_error(Errc::Internal, "zstd: cannot create a decompression context");
  std::string out;
  while (!frames.empty()) {
    auto size = frame_size(frames);
    if (!size) return size.error();
    const std::string_view frame = frames.substr(0, *size);
    frames.remove_prefix(*size);
    if ((get_le32(frame) & 0xFFFFFFF0u) == 0x184D2A50u) continue;  // skippable
    const unsigned long long content = ZSTD_getFrameContentSize(frame.data(), frame.size());
    if (content == ZSTD_CONTENTSIZE_ERROR || content == ZSTD_CONTENTSIZE_UNKNOWN || content > kMaxFrameContent) {
      return make_error(Errc::Corrupt, "a zstd frame without a size, or too large for a record");
    }
    const std::uint32_t wants = ZSTD_getDictID_fromFrame(frame.data(), frame.size());
    if (wants != 0 && (dict == nullptr || wants != dict->zstd_id())) {
      return make_error(Errc::Corrupt, fmt::format("a zstd frame needs dictionary {:#x}, which its segment does not hold", wants));
    }
    const std::size_t at = out.size();
    out.resize(at + content);
    const std::size_t n = wants != 0
        ? ZSTD_decompress_usingDDict(dctx, out.data() + at, content, frame.data(), frame.size(), dict->ddict())
        : ZSTD_decompressDCtx(dctx, out.data() + at, content, frame.data(), frame.size());
    if (ZSTD_isError(n)) return make_error(Errc::Corrupt, fmt::format("zstd: {}", ZSTD_getErrorName(n)));
    out.resize(at + n);
  }
  return out;
}

Result<std::vector<std::string>> decompress_each(std::string_view frames, const Dictionary* dict) {
  std::vector<std::string> out;
  while (!frames.empty()) {
    auto size = frame_size(frames);
    if (!size) return size.error();
    auto one = decompress_frames(frames.substr(0, *size), dict);
    if (!one) return one.error();
    if (!one->empty()) out.push_back(std::move(*one));
    frames.remove_prefix(*size);
  }
  return out;
}

Result<std::string> dictionary_frame(const Dictionary& dict) {
  auto inner = compress_frame(dict.bytes(), nullptr, 19);
  if (!inner) return inner.error();
  std::string out;
  put_le32(out, kDictionaryFrameMagic);
  put_le32(out, static_cast<std::uint32_t>(inner->size()));
  out += *inner;
  return out;
}

Result<std::optional<DictionaryFrame>> read_dictionary_frame(std::string_view start) {
  if (start.size() < 8 || get_le32(start) != kDictionaryFrameMagic) return std::optional<DictionaryFrame>();
  const std::uint32_t size = get_le32(start.substr(4));
  if (size > start.size() - 8) return make_error(Errc::Corrupt, "the dictionary frame runs past the end of the segment");
  const std::string_view inner = start.substr(8, size);
  DictionaryFrame out;
  out.frame_size = 8 + static_cast<std::size_t>(size);
  if (inner.size() >= 4 && get_le32(inner) == ZSTD_MAGICNUMBER) {
    auto plain = decompress_frames(inner);
    if (!plain) return make_error(Errc::Corrupt, "the dictionary frame: " + plain.error().message);
    out.dictionary = std::move(*plain);
  } else {
    out.dictionary = std::string(inner);  // the profile allows an uncompressed dictionary
  }
  return std::optional<DictionaryFrame>(std::move(out));
}

Result<std::string> train_dictionary(const std::vector<std::string>& samples, std::size_t capacity) {
  std::string joined;
  std::vector<std::size_t> sizes;
  for (const auto& s : samples) {
    joined += s;
    sizes.push_back(s.size());
  }
  std::string dict(capacity, '\0');
  const std::size_t n = ZDICT_trainFromBuffer(dict.data(), dict.size(), joined.data(), sizes.data(),
                                              static_cast<unsigned>(sizes.size()));
  if (ZDICT_isError(n)) {
    return make_error(Errc::Internal, fmt::format("training a dictionary: {}", ZDICT_getErrorName(n)));
  }
  dict.resize(n);
  return dict;
}

}  // namespace fora::archive
