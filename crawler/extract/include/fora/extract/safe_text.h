// The one rule for what crawled text may contain: extraction drops these code points before
// anything is stored, and the CLI drops them again before anything reaches a terminal.
#pragma once

namespace fora::extract {

// True for the C0 controls other than tab, CR and newline, DEL, the C1 controls, and the
// bidi embedding/override/isolate/mark characters (they can reorder what a terminal shows).
bool is_unsafe_codepoint(char32_t c);

}  // namespace fora::extract
