// How much of crawled input fora reads at once: the limits every way in shares.
#pragma once

#include <cstddef>

namespace fora::extract {

// The largest page fora reads: the crawl's body cap (a larger response is cut off and marked
// failed), which `fora extract` and `fora import` apply to the pages they are given, so
// every way in reads the same pages. Past it a body is no forum page, and reading it would
// cost memory in proportion.
inline constexpr std::size_t kMaxPageBytes = 32u << 20;  // 32 MiB

// The longest text a std::regex is run over: its matcher recurses a level a character, so a
// megabyte attribute, link or header line of a hostile page would overflow the stack. What
// the patterns look for (a host, a path, an attribute's word) comes first; the rest is cut.
inline constexpr std::size_t kMaxRegexInput = 4096;

}  // namespace fora::extract
