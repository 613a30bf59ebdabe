#include "fora/crawler/revisit.h"

#include <algorithm>
#include <charconv>
#include <string>

namespace fora::crawler {

archive::PageQueue::Schedule next_schedule(const std::optional<archive::PageQueue::Schedule>& before, Visit visit,
                                         std::optional<std::int64_t> latest_entry, std::int64_t now,
                                         const RevisitBounds& bounds) {
  const std::int64_t lo = std::max<std::int64_t>(0, bounds.min_seconds);
  const std::int64_t hi = std::max(lo, bounds.max_seconds);
  if (before && before->interval == kOnDemand) return {kOnDemand, now + hi};
  std::int64_t interval = lo;
  if (!before) {
    if (latest_entry) interval = std::clamp((now - *latest_entry) / 4, lo, hi);
  } else if (visit == Visit::Changed) {
    interval = std::clamp(before->interval / 2, lo, hi);
  } else if (visit == Visit::Unchanged) {
    interval = std::clamp(std::max<std::int64_t>(before->interval, 1) * 2, lo, hi);
  } else {
    interval = std::clamp(before->interval, lo, hi);
  }
  const std::int64_t next = visit == Visit::Failed ? now + lo : now + interval;
  return {interval, next};
}

std::int64_t due_until(std::int64_t now, const RevisitBounds& bounds) {
  return now + std::max<std::int64_t>(0, bounds.min_seconds) / 8;
}

Result<std::int64_t> parse_duration(std::string_view text) {
  std::int64_t n = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  const std::string_view unit(end, static_cast<std::size_t>(text.data() + text.size() - end));
  std::int64_t scale = 0;
  if (unit.empty() || unit == "s") scale = 1;
  else if (unit == "m") scale = 60;
  else if (unit == "h") scale = 3600;
  else if (unit == "d") scale = 86400;
  else if (unit == "w") scale = 7 * 86400;
  if (ec != std::errc() || n < 0 || scale == 0 || n > (std::int64_t{1} << 40) / scale)
    return make_error(Errc::InvalidArgument, "not a duration: " + std::string(text),
                      "a number with s, m, h, d or w: 90s, 45m, 6h, 30d, 2w");
  return n * scale;
}

}  // namespace fora::crawler
