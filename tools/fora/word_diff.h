// A word diff of two texts, as `fora show --history` prints what an edit changed:
// unchanged words as they are, removed ones as [-words-], added ones as {+words+}.
#pragma once

#include <string>
#include <string_view>

namespace fora::cli {

// Words are runs of non-space; the result joins them with single spaces. Longer texts than
// a few thousand words each are compared as one removed and one added block.
std::string word_diff(std::string_view before, std::string_view after);

}  // namespace fora::cli
