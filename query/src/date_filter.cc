#include "date_filter.h"

#include <array>
#include <charconv>
#include <optional>

#include <fmt/format.h>

namespace fora::query {
namespace {

constexpr std::string_view kForms =
    "use YYYY, YYYY-MM, YYYY-MM-DD, or a range FROM..TO such as 2021..2022 or 30d..";

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

int days_in_month(int year, int month) {
  constexpr std::array<int, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
  return month == 2 && leap ? 29 : kDays[static_cast<std::size_t>(month - 1)];
}

std::string ordinal(int n) {
  const int tens = n % 100, ones = n % 10;
  const char* suffix = tens >= 11 && tens <= 13 ? "th"
                       : ones == 1              ? "st"
                       : ones == 2              ? "nd"
                       : ones == 3              ? "rd"
                                                : "th";
  return fmt::format("{}{}", n, suffix);
}

// Why a day does not exist ("February has no 30th day"); empty when it does.
std::string missing_day(int year, int month, int day) {
  constexpr std::array<std::string_view, 12> kMonths{
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  if (day == 0) return "there is no day 0";
  if (day > 31) return fmt::format("no month has a {} day", ordinal(day));
  if (day <= days_in_month(year, month)) return {};
  // Only February's length depends on the year: say which year when that is the reason.
  const std::string month_name(kMonths[static_cast<std::size_t>(month - 1)]);
  const std::string which = month == 2 && day == 29 ? fmt::format("{} {}", month_name, year) : month_name;
  return fmt::format("{} has no {} day", which, ordinal(day));
}

// "2022" | "2022-12" | "2022-12-16" (also without dashes: "202212", "20221216"). Errors say
// what is wrong, without the field (the caller adds it).
Result<Date> parse_date(std::string_view s) {
  std::string digits;
  for (char c : s)
    if (c != '-') digits += c;
  const bool digits_ok = all_digits(digits) && (digits.size() == 4 || digits.size() == 6 || digits.size() == 8);
  // With dashes: exactly YYYY-MM or YYYY-MM-DD.
  const bool shape_ok = s.size() == digits.size() || (s.size() == 7 && s[4] == '-') ||
                        (s.size() == 10 && s[4] == '-' && s[7] == '-');
  if (!digits_ok || !shape_ok)
    return make_error(Errc::InvalidArgument, fmt::format("'{}' is not a date", s), std::string(kForms));
  const std::string_view d = digits;
  if (digits.size() >= 6) {
    const int month = *number(d.substr(4, 2));
    if (month < 1 || month > 12)
      return make_error(Errc::InvalidArgument, fmt::format("there is no month {}", d.substr(4, 2)));
    if (digits.size() == 8) {
      std::string why = missing_day(*number(d.substr(0, 4)), month, *number(d.substr(6, 2)));
      if (!why.empty()) return make_error(Errc::InvalidArgument, why);
    }
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
Result<std::string> range_end(std::string_view s, bool low, std::int64_t now) {
  if (s.empty()) return std::string{};
  if (auto rel = parse_relative(s, now)) return *rel;
  auto date = parse_date(s);
  if (!date) {
    Error e = date.error();
    if (!e.hint.empty()) e.hint += " (Nd, Nw, Ny: days, weeks, years ago)";
    return e;
  }
  std::string bound = date->digits;
  bound.resize(14, low ? '0' : '9');
  return bound;
}

Result<DateFilter> parse_filter(std::string_view text, std::int64_t now) {
  DateFilter filter;
  auto dots = text.find("..");
  if (dots == std::string_view::npos) {
    auto date = parse_date(text);
    if (!date) return date.error();
    filter.field = date->digits.size() == 4   ? indexer::Field::Year
                   : date->digits.size() == 6 ? indexer::Field::Month
                                              : indexer::Field::Day;
    filter.value = date->digits;
    return filter;
  }
  auto low = range_end(text.substr(0, dots), true, now);
  if (!low) return low.error();
  auto high = range_end(text.substr(dots + 2), false, now);
  if (!high) return high.error();
  if (low->empty() && high->empty())
    return make_error(Errc::InvalidArgument, "the range has no ends", std::string(kForms));
  if (!low->empty() && !high->empty() && *low > *high)
    return make_error(Errc::InvalidArgument, "the range ends before it starts",
                      "write the earlier end first");
  filter.is_range = true;
  filter.low = *low;
  filter.high = *high;
  return filter;
}

}  // namespace

Result<DateFilter> parse_date_filter(std::string_view name, std::string_view text, std::int64_t now) {
  auto filter = parse_filter(text, now);
  if (filter) return filter;
  Error e = filter.error();
  e.message = fmt::format("{}:{}: {}", name, text, e.message);
  return e;
}

}  // namespace fora::query
