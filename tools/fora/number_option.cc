#include "number_option.h"

#include <charconv>

#include <fmt/format.h>

namespace fora::cli {
namespace {

bool digits_only(std::string_view s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
}

}  // namespace

std::string check_decimal(std::string& text, std::uint64_t max) {
  if (!digits_only(text)) return fmt::format("'{}' is not a number of decimal digits", text);
  std::uint64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size() || value > max)
    return fmt::format("'{}' is too large (at most {})", text, max);
  text = std::to_string(value);
  return {};
}

std::string check_decimal_fraction(const std::string& text) {
  const auto dot = text.find('.');
  const bool fine = digits_only(std::string_view(text).substr(0, dot)) &&
                    (dot == std::string::npos || digits_only(std::string_view(text).substr(dot + 1)));
  if (!fine) return fmt::format("'{}' is not a decimal number (such as 2 or 0.5)", text);
  return {};
}

}  // namespace fora::cli
