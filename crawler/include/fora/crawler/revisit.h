// When to visit a page again, for `fora update`: an adaptive interval per page. It halves
// when a visit found the page changed and doubles when it did not, within bounds the user
// sets. A page seen for the first time starts from how long it has been quiet (a quarter of
// the time since the latest date it shows: a thread's newest entry, a listing's newest
// <time>), so a thread active an hour ago is looked at again at the next update and one
// quiet for years rarely; a page that shows no date starts at the lower bound. (Sitemaps and
// feeds are read at every update, and start URLs too: new threads show there first.) A
// failed visit keeps the interval and is tried again at the next update.
// Pure functions of their inputs; the clock is passed in.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "fora/archive/archive.h"
#include "fora/result.h"

namespace fora::crawler {

struct RevisitBounds {
  std::int64_t min_seconds = 6 * 3600;     // a page changing every day is seen at each nightly update
  std::int64_t max_seconds = 30 * 86400;   // a quiet thread is still looked at monthly
};

enum class Visit { Changed, Unchanged, Failed };

// The interval of a page read when something asks for it (a thread's own feed, when its
// thread changed), else only as often as the quietest page (the upper bound). next_schedule
// keeps it, whatever a visit found.
inline constexpr std::int64_t kOnDemand = -1;

// The schedule after a visit at `now` that found `visit`. `before` is the page's schedule
// (nullopt at its first visit); `latest_entry` the newest date it showed (nullopt when none).
archive::PageQueue::Schedule next_schedule(const std::optional<archive::PageQueue::Schedule>& before, Visit visit,
                                         std::optional<std::int64_t> latest_entry, std::int64_t now,
                                         const RevisitBounds& bounds);

// An update runs at night, a few minutes early or late: a page due within an eighth of the
// lower bound from `now` is due now, not at the next update.
std::int64_t due_until(std::int64_t now, const RevisitBounds& bounds);

// "90", "90s", "45m", "6h", "30d", "2w" -> seconds. Errors: InvalidArgument, naming `text`.
Result<std::int64_t> parse_duration(std::string_view text);

}  // namespace fora::crawler
