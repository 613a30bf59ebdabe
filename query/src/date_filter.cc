#include "date_filter.h"

#include <charconv>
#include <optional>

#include <fmt/format.h>

namespace fora::query {
namespace {

struct Date {
  std::string digits;  // "2022", "202212" or "20221216"
};

std::optional<int> number(std::string_view s) {
  int n = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
  if (ec != std::errc{} || end != s.data() + s.size()) return std::nullopt;
  return n;
}

bool all_digits(std::string_view s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
}

// "2022" | "2022-12" | "2022-12-16" (also without dashes: "202212", "20221216").
std::optional<Date> parse_date(std::string_view s) {
  std::string digits;
  for (char c : s)
    if (c != '-') digits += c;
  if (!all_digits(digits) || (digits.size() != 4 && digits.size() != 6 && digits.size() != 8))
    return std::nullopt;
  if (s.size() != digits.size()) {  // with dashes: exactly YYYY-MM or YYYY-MM-DD
    bool shape = (s.size() == 7 && s[4] == '-') ||
                 (s.size() == 10 && s[4] == '-' && s[7] == '-');
    if (!shape) return std::nullopt;
  }
  if (digits.size() >= 6) {
    int month = *number(std::string_view(digits).substr(4, 2));
    if (month < 1 || month > 12) return std::nullopt;
  }
  if (digits.size() == 8) {
    int day = *number(std::string_view(digits).substr(6, 2));
    if (day < 1 || day > 31) return std::nullopt;
  }
  return Date{digits};
}

// "30d", "2w", "1y": that long before `now`, as a slot value.
std::optional<std::string> parse_relative(std::string_view s, std::int64_t now) {
  if (s.size() < 2) return std::nullopt;
  auto n = number(s.substr(0, s.size() - 1));
  if (!n || *n < 0) return std::nullopt;
  std::int64_t days = 0;
  switch (s.back()) {
    case 'd': days = *n; break;
    case 'w': days = std::int64_t{*n} * 7; break;
    case 'y': days = std::int64_t{*n} * 365; break;
    default: return std::nullopt;
  }
  return indexer::date_value(now - days * 86400);
}

// One end of a range as a slot bound: dates are padded to the start (low) or the end (high)
// of the period they name; relative ends are exact instants.
Result<std::string> range_end(std::string_view s, bool low, std::int64_t now,
                              std::string_view whole) {
  if (s.empty()) return std::string{};
  if (auto rel = parse_relative(s, now)) return *rel;
  auto date = parse_date(s);
  if (!date)
    return make_error(Errc::InvalidArgument,
                      fmt::format("date:{}: '{}' is not a date (use YYYY, YYYY-MM, YYYY-MM-DD "
                                  "or Nd/Nw/Ny)", whole, s));
  std::string bound = date->digits;
  bound.resize(14, low ? '0' : '9');
  return bound;
}

}  // namespace

Result<DateFilter> parse_date_filter(std::string_view text, std::int64_t now) {
  DateFilter filter;
  auto dots = text.find("..");
  if (dots == std::string_view::npos) {
    auto date = parse_date(text);
    if (!date)
      return make_error(Errc::InvalidArgument,
                        fmt::format("date:{}: not a date (use YYYY, YYYY-MM, YYYY-MM-DD, or a "
                                    "range FROM..TO such as 2021..2022 or 30d..)", text));
    filter.field = date->digits.size() == 4   ? indexer::Field::Year
                   : date->digits.size() == 6 ? indexer::Field::Month
                                              : indexer::Field::Day;
    filter.value = date->digits;
    return filter;
  }
  auto low = range_end(text.substr(0, dots), true, now, text);
  if (!low) return low.error();
  auto high = range_end(text.substr(dots + 2), false, now, text);
  if (!high) return high.error();
  if (low->empty() && high->empty())
    return make_error(Errc::InvalidArgument, fmt::format("date:{}: the range has no ends", text));
  filter.is_range = true;
  filter.low = *low;
  filter.high = *high;
  return filter;
}

}  // namespace fora::query
