#include "snippet.h"

#include <array>
#include <utility>

namespace fora::query {
namespace {

// The entities Xapian's snippet() writes (it escapes only these).
constexpr std::array<std::pair<std::string_view, std::string_view>, 5> kEntities{{
    {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}}};

}  // namespace

Snippet snippet_from_marked(std::string_view marked) {
  Snippet out;
  std::size_t open = std::string::npos;
  for (std::size_t i = 0; i < marked.size();) {
    if (marked.substr(i, kHighlightStart.size()) == kHighlightStart) {
      open = out.text.size();
      i += kHighlightStart.size();
      continue;
    }
    if (marked.substr(i, kHighlightEnd.size()) == kHighlightEnd) {
      if (open != std::string::npos && out.text.size() > open)
        out.highlights.push_back(Span{open, out.text.size() - open});
      open = std::string::npos;
      i += kHighlightEnd.size();
      continue;
    }
    if (marked[i] == '&') {
      bool replaced = false;
      for (auto [entity, plain] : kEntities)
        if (marked.substr(i, entity.size()) == entity) {
          out.text += plain;
          i += entity.size();
          replaced = true;
          break;
        }
      if (replaced) continue;
    }
    auto c = static_cast<unsigned char>(marked[i]);
    if (c >= 0x20 && c != 0x7f) out.text += marked[i];
    ++i;
  }
  return out;
}

Snippet leading_snippet(std::string_view text, std::size_t max_bytes) {
  Snippet out;
  if (text.size() <= max_bytes) {
    out.text = std::string(text);
    return out;
  }
  std::size_t cut = text.rfind(' ', max_bytes);
  if (cut == std::string_view::npos || cut < max_bytes / 2) {
    cut = max_bytes;
    // Never split a UTF-8 sequence: back up over continuation bytes.
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xc0) == 0x80) --cut;
  }
  out.text = std::string(text.substr(0, cut)) + "\u2026";
  return out;
}

}  // namespace fora::query
