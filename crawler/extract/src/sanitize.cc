#include "sanitize.h"

#include <unicode/utf8.h>

#include <cctype>

#include "fora/extract/safe_text.h"

namespace fora::extract {
namespace {

// Invalid UTF-8 (U8_NEXT gives a negative code point) is dropped too.
bool is_dropped(UChar32 c) { return c < 0 || is_unsafe_codepoint(static_cast<char32_t>(c)); }

bool is_space(UChar32 c) {
  return c == ' ' || c == '\t' || c == '\r' || c == 0x0B || c == 0x0C || c == 0xA0 ||
         c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F ||
         c == 0x3000;
}

// Calls f(codepoint, utf8 bytes) for each code point.
template <typename F>
void for_each_codepoint(std::string_view s, F&& f) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  auto len = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < len;) {
    int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(p, i, len, c);
    f(c, s.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start)));
  }
}

// Collapses whitespace; `keep_newlines` keeps "\n" as a line separator.
std::string collapse(std::string_view utf8, bool keep_newlines) {
  std::string out;
  out.reserve(utf8.size());
  bool pending_space = false;
  bool pending_newline = false;
  for_each_codepoint(utf8, [&](UChar32 c, std::string_view bytes) {
    if (c == '\n') {
      if (keep_newlines) {
        pending_newline = !out.empty();
        pending_space = false;
      } else {
        pending_space = !out.empty();
      }
      return;
    }
    if (is_space(c)) {
      pending_space = !out.empty() && !pending_newline;
      return;
    }
    if (is_dropped(c)) return;
    if (pending_newline) out += '\n';
    else if (pending_space) out += ' ';
    pending_newline = pending_space = false;
    out.append(bytes);
  });
  return out;
}

}  // namespace

bool is_unsafe_codepoint(char32_t c) {
  if (c < 0x20) return c != '\n' && c != '\t' && c != '\r';  // tab/CR survive as whitespace
  if (c >= 0x7F && c <= 0x9F) return true;                     // DEL and C1
  if (c >= 0x202A && c <= 0x202E) return true;                 // LRE RLE PDF LRO RLO
  if (c >= 0x2066 && c <= 0x2069) return true;                 // LRI RLI FSI PDI
  return c == 0x200E || c == 0x200F || c == 0x061C;            // LRM RLM ALM
}

std::string strip_controls(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  for_each_codepoint(utf8, [&](UChar32 c, std::string_view bytes) {
    if (!is_dropped(c)) out.append(bytes);
  });
  return out;
}

std::string normalize_paragraphs(std::string_view utf8) { return collapse(utf8, true); }

std::string normalize_line(std::string_view utf8) { return collapse(utf8, false); }

}  // namespace fora::extract
