// Crawled text is untrusted and ends up on terminals: these functions make it plain,
// printable UTF-8.
#pragma once

#include <string>
#include <string_view>

namespace fora::extract {

// Drops every control character (C0 except "\n", DEL, C1 U+0080..U+009F) and the bidi
// embedding/override/isolate/mark characters. Input must be valid UTF-8.
std::string strip_controls(std::string_view utf8);

// Text made of lines: whitespace runs (tab, CR, NBSP, ...) inside a line become one space,
// lines are trimmed, empty lines dropped, lines joined by "\n". Also strips controls.
std::string normalize_paragraphs(std::string_view utf8);

// One line: every whitespace run, newlines included, becomes one space; trimmed; controls
// stripped. For names, titles, categories.
std::string normalize_line(std::string_view utf8);

}  // namespace fora::extract
