#include "terminal.h"

#include <unicode/utf8.h>
#include <unistd.h>

#include <cstdlib>

#include "fora/extract/safe_text.h"

namespace fora::cli {

Terminal::Terminal(std::FILE* stream) : stream_(stream) {
  tty_ = ::isatty(::fileno(stream)) == 1;
  const char* no_colour = std::getenv("NO_COLOR");
  const char* term = std::getenv("TERM");
  colour_ = tty_ && !(no_colour && *no_colour) && !(term && std::string_view(term) == "dumb");
}

void Terminal::write(std::string_view text) const {
  std::fwrite(text.data(), 1, text.size(), stream_);
}

namespace {
std::string sgr(bool on, const char* code, std::string_view text) {
  if (!on) return std::string(text);
  return std::string("\x1b[") + code + "m" + std::string(text) + "\x1b[0m";
}
}  // namespace

std::string Terminal::bold(std::string_view text) const { return sgr(colour_, "1", text); }
std::string Terminal::dim(std::string_view text) const { return sgr(colour_, "2", text); }
std::string Terminal::highlight(std::string_view text) const { return sgr(colour_, "1;33", text); }

std::string clean(std::string_view text, bool keep_newlines) {
  std::string out;
  out.reserve(text.size());
  const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto length = static_cast<std::int32_t>(text.size());
  std::int32_t i = 0;
  while (i < length) {
    UChar32 c = 0;
    U8_NEXT(s, i, length, c);
    if (c < 0) c = 0xFFFD;  // invalid UTF-8
    if (c == '\n' || c == '\t' || c == '\r') {
      out += (c == '\n' && keep_newlines) ? '\n' : ' ';
      continue;
    }
    if (extract::is_unsafe_codepoint(static_cast<char32_t>(c))) continue;
    char buf[4];
    std::int32_t n = 0;
    U8_APPEND_UNSAFE(buf, n, c);
    out.append(buf, static_cast<std::size_t>(n));
  }
  return out;
}

}  // namespace fora::cli
