// Numbers the user types on the command line (an ID, a count, a limit, seconds) are plain
// decimal: CLI11 by itself reads "0x10" as 16, "010" as 8, "-1" as the largest size_t, ""
// as nothing, and clamps 99999999999999999999 to the largest int64; each would answer a
// question the user did not ask. Every numeric option goes through these.
#pragma once

#include <cstdint>
#include <limits>
#include <string>

#include <CLI/CLI.hpp>

namespace fora::cli {

// Checks that `text` is decimal digits for a value of at most `max`, and rewrites it without
// leading zeros (CLI11 reads those as octal). Returns what is wrong, empty when nothing is.
std::string check_decimal(std::string& text, std::uint64_t max);

// Checks that `text` is digits, or digits '.' digits (2, 0.5): no sign, exponent, hex, inf
// or nan. Returns what is wrong, empty when nothing is.
std::string check_decimal_fraction(const std::string& text);

// For an integer option of type T: `->transform(decimal<T>())`.
template <typename T>
CLI::Validator decimal() {
  static_assert(std::numeric_limits<T>::is_integer);
  return CLI::Validator(
      [](std::string& text) {
        return check_decimal(text, static_cast<std::uint64_t>(std::numeric_limits<T>::max()));
      },
      "");
}

// For a floating-point option: `->transform(decimal_fraction())`.
inline CLI::Validator decimal_fraction() {
  return CLI::Validator([](std::string& text) { return check_decimal_fraction(text); }, "", "");
}

}  // namespace fora::cli
