// Lower-casing of UTF-8 text by Unicode's rules (ICU's full case mapping): how a date's
// words and a question's words are compared, whatever the script.
#pragma once

#include <string>
#include <string_view>

namespace fora::extract {

std::string lower_case(std::string_view utf8);

}  // namespace fora::extract
