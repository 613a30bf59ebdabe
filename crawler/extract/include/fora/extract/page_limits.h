// The largest page fora reads: the crawl's body cap (a larger response is cut off and marked
// failed), which `fora extract` and `fora import` apply to the pages they are given, so
// every way in reads the same pages. Past it a body is no forum page, and reading it would
// cost memory in proportion.
#pragma once

#include <cstddef>

namespace fora::extract {

inline constexpr std::size_t kMaxPageBytes = 32u << 20;  // 32 MiB

}  // namespace fora::extract
