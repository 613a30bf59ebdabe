#include "fora/archive/http_message.h"

#include <boost/algorithm/string/predicate.hpp>
#include <fmt/format.h>

#include "fora/archive/http_response.h"

namespace fora::archive {

bool is_chunked(std::string_view header_block) {
  return boost::algorithm::icontains(header_value(header_block, "Transfer-Encoding"), "chunked");
}

std::size_t header_block_end(std::string_view message) {
  const std::size_t crlf = message.find("\r\n\r\n");
  const std::size_t lf = message.find("\n\n");
  if (crlf == std::string_view::npos && lf == std::string_view::npos) return std::string_view::npos;
  if (lf < crlf) return lf + 2;
  return crlf + 4;
}

Result<std::string> dechunk(std::string_view wire, bool cut) {
  std::string out;
  std::size_t at = 0;
  while (at < wire.size()) {
    const std::size_t eol = wire.find('\n', at);
    if (eol == std::string_view::npos) break;  // cut inside a size line: keep what came
    std::string_view line = wire.substr(at, eol - at);
    if (const std::size_t semi = line.find(';'); semi != std::string_view::npos) line = line.substr(0, semi);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    std::size_t size = 0;
    if (line.empty() || line.size() > 15) {
      return make_error(Errc::Corrupt, fmt::format("chunked body: bad chunk size line at byte {}", at));
    }
    for (const char c : line) {
      const int d = c >= '0' && c <= '9' ? c - '0'
                    : c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                           : -1;
      if (d < 0) return make_error(Errc::Corrupt, fmt::format("chunked body: chunk size '{}' is not hex", line));
      size = size * 16 + static_cast<std::size_t>(d);
    }
    at = eol + 1;
    if (size == 0) return out;  // the last chunk; trailers follow
    if (size > wire.size() - at) {
      if (cut) return out + std::string(wire.substr(at));
      return make_error(Errc::Corrupt,
                        fmt::format("chunked body: a chunk of {} bytes at byte {} runs past the end", size, at));
    }
    out.append(wire.substr(at, size));
    at += size;
    if (wire.substr(at, 2) == "\r\n") at += 2;
    else if (wire.substr(at, 1) == "\n") at += 1;
  }
  return out;
}

}  // namespace fora::archive
