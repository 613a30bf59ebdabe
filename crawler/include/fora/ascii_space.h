// ASCII white space, as the URL, HTML and robots.txt grammars define it (space, tab, LF, CR,
// FF): what is trimmed from a link, a robots.txt line, a header value.
#pragma once

#include <string_view>

namespace fora {

constexpr bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// `s` without the ASCII white space at either end.
constexpr std::string_view trim_ascii_space(std::string_view s) {
  while (!s.empty() && is_ascii_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_ascii_space(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace fora
