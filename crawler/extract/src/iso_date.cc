#include "iso_date.h"

#include <cctype>
#include <chrono>

#include "fora/ascii_space.h"
#include "sanitize.h"

namespace fora::extract {
namespace {

// Reads exactly `width` digits at `pos`, advancing it.
bool read_digits(std::string_view s, std::size_t& pos, int width, int& out) {
  if (pos + static_cast<std::size_t>(width) > s.size()) return false;
  int value = 0;
  for (int i = 0; i < width; ++i) {
    char c = s[pos + static_cast<std::size_t>(i)];
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    value = value * 10 + (c - '0');
  }
  pos += static_cast<std::size_t>(width);
  out = value;
  return true;
}

bool expect(std::string_view s, std::size_t& pos, char c) {
  if (pos < s.size() && s[pos] == c) {
    ++pos;
    return true;
  }
  return false;
}

// Parses the UTC offset at `pos` (to the end of the string) in seconds.
std::optional<int> parse_offset(std::string_view s, std::size_t pos) {
  if (pos == s.size()) return 0;
  if (s[pos] == 'Z' || s[pos] == 'z') return pos + 1 == s.size() ? std::optional<int>(0)
                                                                  : std::nullopt;
  if (s[pos] != '+' && s[pos] != '-') return std::nullopt;
  int sign = s[pos] == '-' ? -1 : 1;
  ++pos;
  int hours = 0;
  int minutes = 0;
  if (!read_digits(s, pos, 2, hours)) return std::nullopt;
  if (pos < s.size()) {
    expect(s, pos, ':');
    if (!read_digits(s, pos, 2, minutes)) return std::nullopt;
  }
  if (pos != s.size() || hours > 23 || minutes > 59) return std::nullopt;
  return sign * (hours * 3600 + minutes * 60);
}

}  // namespace

std::optional<std::int64_t> parse_iso8601(std::string_view text) {
  std::string_view s = trim_ascii_space(text);
  std::size_t pos = 0;
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  if (!read_digits(s, pos, 4, year) || !expect(s, pos, '-') || !read_digits(s, pos, 2, month) ||
      !expect(s, pos, '-') || !read_digits(s, pos, 2, day))
    return std::nullopt;
  if (pos < s.size() && (s[pos] == 'T' || s[pos] == 't' || s[pos] == ' ')) {
    ++pos;
    if (!read_digits(s, pos, 2, hour) || !expect(s, pos, ':') || !read_digits(s, pos, 2, minute))
      return std::nullopt;
    if (expect(s, pos, ':') && !read_digits(s, pos, 2, second)) return std::nullopt;
    if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
      ++pos;
      std::size_t digits = pos;
      while (pos < s.size() && std::isdigit(static_cast<unsigned char>(s[pos]))) ++pos;
      if (pos == digits) return std::nullopt;
    }
  }
  std::optional<int> offset = parse_offset(s, pos);
  if (!offset || hour > 23 || minute > 59 || second > 60) return std::nullopt;

  using namespace std::chrono;
  year_month_day ymd{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
                     std::chrono::day{static_cast<unsigned>(day)}};
  if (!ymd.ok()) return std::nullopt;
  auto local = sys_days{ymd} + hours{hour} + minutes{minute} + seconds{second};
  return duration_cast<seconds>(local.time_since_epoch()).count() - *offset;
}

}  // namespace fora::extract
