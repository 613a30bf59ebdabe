#include "gunzip.h"

#include <zlib.h>

#include <algorithm>
#include <climits>
#include <memory>

namespace fora::extract {

bool is_gzip(std::string_view bytes) {
  return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f &&
         static_cast<unsigned char>(bytes[1]) == 0x8b;
}

Result<std::string> gunzip(std::string_view bytes, std::size_t limit) {
  z_stream z{};
  if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK)  // 16: a gzip header, not zlib's
    return make_error(Errc::Internal, "zlib refused to start");
  std::unique_ptr<z_stream, int (*)(z_stream*)> guard(&z, &inflateEnd);
  std::string out;
  char chunk[64 * 1024];
  std::size_t offset = 0;
  for (;;) {
    const std::size_t feed = std::min<std::size_t>(bytes.size() - offset, UINT_MAX);
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data() + offset));
    z.avail_in = static_cast<uInt>(feed);
    int rc = Z_OK;
    do {
      z.next_out = reinterpret_cast<Bytef*>(chunk);
      z.avail_out = sizeof chunk;
      rc = inflate(&z, Z_NO_FLUSH);
      if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR)
        return make_error(Errc::InvalidArgument, "corrupt gzip data");
      const std::size_t produced = sizeof chunk - z.avail_out;
      if (out.size() + produced > limit)
        return make_error(Errc::InvalidArgument,
                          "gzip data inflates past " + std::to_string(limit >> 20) + " MiB");
      out.append(chunk, produced);
      if (rc == Z_BUF_ERROR && produced == 0) break;  // needs more input than there is
    } while (rc != Z_STREAM_END && z.avail_out == 0);
    offset += feed - z.avail_in;
    if (rc == Z_STREAM_END) {
      // Another member may follow (gzip files may be concatenated); trailing zeros end it.
      if (offset >= bytes.size() || !is_gzip(bytes.substr(offset))) return out;
      if (inflateReset(&z) != Z_OK) return make_error(Errc::Internal, "zlib refused to reset");
      continue;
    }
    // Only an input longer than zlib takes at once (4 GiB) goes round again.
    if (rc != Z_OK || offset >= bytes.size())
      return make_error(Errc::InvalidArgument, "gzip data cut short");
  }
}

}  // namespace fora::extract
