// Snippets: Xapian marks matches in an excerpt (and HTML-escapes it); fora wants plain text
// with byte spans, so the printers decide how to highlight (colour, JSON, CSV).
#pragma once

#include <string_view>

#include "fora/query/searcher.h"

namespace fora::query {

// The markers passed to Xapian::MSet::snippet(); stored text never contains control
// characters, so these cannot clash with it.
inline constexpr std::string_view kHighlightStart = "\x01";
inline constexpr std::string_view kHighlightEnd = "\x02";

// Turns Xapian's marked, HTML-escaped excerpt into plain text and highlight spans. Other
// control characters are dropped.
Snippet snippet_from_marked(std::string_view marked);

}  // namespace fora::query
