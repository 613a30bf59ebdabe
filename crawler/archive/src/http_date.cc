#include "fora/archive/http_date.h"

#include <array>
#include <chrono>
#include <string>
#include <vector>

#include "fora/ascii_space.h"

namespace fora::archive {
namespace {

constexpr std::array<std::string_view, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// The words of `text`, split at blanks (and at the commas after a weekday).
std::vector<std::string_view> words(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < text.size() && out.size() < 8) {
    while (i < text.size() && (is_ascii_space(text[i]) || text[i] == ',')) ++i;
    const std::size_t start = i;
    while (i < text.size() && !is_ascii_space(text[i]) && text[i] != ',') ++i;
    if (i > start) out.push_back(text.substr(start, i - start));
  }
  return out;
}

std::optional<int> number(std::string_view s, std::size_t min_digits, std::size_t max_digits) {
  if (s.size() < min_digits || s.size() > max_digits) return std::nullopt;
  int n = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + (c - '0');
  }
  return n;
}

std::optional<unsigned> month(std::string_view s) {
  for (unsigned m = 0; m < kMonths.size(); ++m)
    if (s == kMonths[m]) return m + 1;
  return std::nullopt;
}

// "08:49:37" -> seconds into the day.
std::optional<int> time_of_day(std::string_view s) {
  if (s.size() != 8 || s[2] != ':' || s[5] != ':') return std::nullopt;
  auto h = number(s.substr(0, 2), 2, 2), m = number(s.substr(3, 2), 2, 2), sec = number(s.substr(6, 2), 2, 2);
  if (!h || !m || !sec || *h > 23 || *m > 59 || *sec > 60) return std::nullopt;  // 60: a leap second
  return *h * 3600 + *m * 60 + std::min(*sec, 59);
}

bool utc_zone(std::string_view z) { return z == "GMT" || z == "UTC" || z == "UT" || z == "Z" || z == "+0000" || z == "-0000"; }

std::optional<std::int64_t> unix_time(int year, unsigned mon, int day, int seconds) {
  using namespace std::chrono;
  const year_month_day date{std::chrono::year{year}, std::chrono::month{mon}, std::chrono::day{static_cast<unsigned>(day)}};
  if (year < 1970 || year > 9999 || !date.ok()) return std::nullopt;
  return sys_days{date}.time_since_epoch().count() * std::int64_t{86400} + seconds;
}

}  // namespace

std::optional<std::int64_t> parse_http_date(std::string_view text, std::int64_t now) {
  const auto w = words(trim_ascii_space(text));
  // IMF-fixdate: Sun, 06 Nov 1994 08:49:37 GMT
  if (w.size() == 6 && w[0].size() == 3) {
    auto day = number(w[1], 1, 2), year = number(w[3], 4, 4);
    auto mon = month(w[2]);
    auto secs = time_of_day(w[4]);
    if (!day || !year || !mon || !secs || !utc_zone(w[5])) return std::nullopt;
    return unix_time(*year, *mon, *day, *secs);
  }
  // RFC 850: Sunday, 06-Nov-94 08:49:37 GMT
  if (w.size() == 4 && w[1].size() == 9 && w[1][2] == '-' && w[1][6] == '-') {
    auto day = number(w[1].substr(0, 2), 2, 2), yy = number(w[1].substr(7, 2), 2, 2);
    auto mon = month(w[1].substr(3, 3));
    auto secs = time_of_day(w[2]);
    if (!day || !yy || !mon || !secs || !utc_zone(w[3])) return std::nullopt;
    const int this_year = static_cast<int>(now / 31556952) + 1970;  // mean Gregorian year: close enough here
    int year = this_year - this_year % 100 + *yy;
    if (year > this_year + 50) year -= 100;
    return unix_time(year, *mon, *day, *secs);
  }
  // asctime: Sun Nov  6 08:49:37 1994
  if (w.size() == 5 && w[0].size() == 3) {
    auto mon = month(w[1]);
    auto day = number(w[2], 1, 2), year = number(w[4], 4, 4);
    auto secs = time_of_day(w[3]);
    if (!day || !year || !mon || !secs) return std::nullopt;
    return unix_time(*year, *mon, *day, *secs);
  }
  return std::nullopt;
}

}  // namespace fora::archive
