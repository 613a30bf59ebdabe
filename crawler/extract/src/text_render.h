// Turns an HTML subtree into plain text: block elements become line breaks, inline
// whitespace collapses, script/style/noscript vanish, control characters are dropped.
#pragma once

#include <libxml/tree.h>

#include <functional>
#include <string>
#include <vector>

#include "fora/extract/thread.h"

namespace fora::extract {

struct RenderedText {
  std::string text;           // the writer's own words, paragraphs joined by "\n"
  std::vector<Quote> quotes;  // blockquotes, when rendered with QuoteMode::Separate
};

enum class QuoteMode {
  Inline,    // blockquotes stay in the text (posts)
  Separate,  // top-level blockquotes go to `quotes`, with their attribution (comments)
};

// Which nodes are quotes and whom the markup says they quote. Empty functions: every
// <blockquote> is a quote, and its author comes from the text around it.
struct QuoteRules {
  std::function<bool(xmlNode*)> is_quote;
  std::function<std::string(xmlNode*)> author_of;  // "" when the markup names no one
};

// Renders `root`. `skip` (may be empty) names subtrees to leave out, e.g. a nested reply
// or a "Reply" link. With QuoteMode::Separate an attribution line right before a
// blockquote ("David Eastman wrote:", "Quoting X:") names the quoted author and is removed
// from the text; a <cite> inside the blockquote names the author when no line does; the
// markup (`quotes.author_of`) wins over both.
RenderedText render_text(xmlNode* root, QuoteMode mode,
                         const std::function<bool(xmlNode*)>& skip = {},
                         const QuoteRules& quotes = {});

// The attributed name when `line` is an attribution ("Chris asked:"), else empty.
std::string attribution_name(const std::string& line);

}  // namespace fora::extract
