#include "fora/extract/lower_case.h"

#include <unicode/unistr.h>

namespace fora::extract {

std::string lower_case(std::string_view utf8) {
  std::string out;
  icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())))
      .toLower()
      .toUTF8String(out);
  return out;
}

}  // namespace fora::extract
