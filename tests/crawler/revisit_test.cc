// The revisit schedule (revisit.h): adaptive, bounded, and starting from a thread's quiet time.
#include <gtest/gtest.h>

#include "fora/crawler/revisit.h"

namespace fora::crawler {
namespace {

using Schedule = archive::PageQueue::Schedule;
constexpr std::int64_t kHour = 3600, kDay = 86400;
const RevisitBounds kBounds{6 * kHour, 30 * kDay};

TEST(Revisit, AFirstVisitStartsFromHowLongTheThreadHasBeenQuiet) {
  const std::int64_t now = 1'800'000'000;
  EXPECT_EQ(next_schedule(std::nullopt, Visit::Changed, now - 4 * kDay, now, kBounds).interval, kDay);
  EXPECT_EQ(next_schedule(std::nullopt, Visit::Changed, now - kHour, now, kBounds).interval, 6 * kHour);
  EXPECT_EQ(next_schedule(std::nullopt, Visit::Changed, now - 3 * 365 * kDay, now, kBounds).interval, 30 * kDay);
  // A listing, a feed, a sitemap: the lower bound.
  const Schedule hub = next_schedule(std::nullopt, Visit::Changed, std::nullopt, now, kBounds);
  EXPECT_EQ(hub.interval, 6 * kHour);
  EXPECT_EQ(hub.next_visit, now + 6 * kHour);
}

TEST(Revisit, HalvesOnAChangeDoublesWithoutWithinTheBounds) {
  const std::int64_t now = 1'800'000'000;
  const Schedule day{kDay, now};
  EXPECT_EQ(next_schedule(day, Visit::Changed, std::nullopt, now, kBounds).interval, kDay / 2);
  EXPECT_EQ(next_schedule(day, Visit::Unchanged, std::nullopt, now, kBounds).interval, 2 * kDay);
  EXPECT_EQ(next_schedule(Schedule{6 * kHour, now}, Visit::Changed, std::nullopt, now, kBounds).interval, 6 * kHour);
  EXPECT_EQ(next_schedule(Schedule{20 * kDay, now}, Visit::Unchanged, std::nullopt, now, kBounds).interval, 30 * kDay);
  const Schedule after = next_schedule(day, Visit::Unchanged, now - kHour, now, kBounds);
  EXPECT_EQ(after.next_visit, now + 2 * kDay) << "the thread's date counts only at the first visit";
}

TEST(Revisit, AFailedVisitKeepsTheIntervalAndTriesAtTheNextUpdate) {
  const std::int64_t now = 1'800'000'000;
  const Schedule failed = next_schedule(Schedule{8 * kDay, now}, Visit::Failed, std::nullopt, now, kBounds);
  EXPECT_EQ(failed.interval, 8 * kDay);
  EXPECT_EQ(failed.next_visit, now + 6 * kHour);
  EXPECT_EQ(due_until(now, kBounds), now + 6 * kHour / 8);
}

// A thread's own feed is read when its thread changed; a visit that comes due (at the upper
// bound, as the quietest page's) keeps it so, whether it found a change, none or a failure.
TEST(Revisit, APageReadOnDemandStaysSoAndComesDueAtTheUpperBound) {
  const std::int64_t now = 1'800'000'000;
  for (const Visit visit : {Visit::Changed, Visit::Unchanged, Visit::Failed}) {
    const Schedule next = next_schedule(Schedule{kOnDemand, now - kDay}, visit, now - kHour, now, kBounds);
    EXPECT_EQ(next.interval, kOnDemand);
    EXPECT_EQ(next.next_visit, now + 30 * kDay);
  }
}

TEST(Revisit, DurationsReadAsUsersWriteThem) {
  EXPECT_EQ(*parse_duration("90"), 90);
  EXPECT_EQ(*parse_duration("90s"), 90);
  EXPECT_EQ(*parse_duration("45m"), 45 * 60);
  EXPECT_EQ(*parse_duration("6h"), 6 * kHour);
  EXPECT_EQ(*parse_duration("30d"), 30 * kDay);
  EXPECT_EQ(*parse_duration("2w"), 14 * kDay);
  for (const char* bad : {"", "h", "6x", "-1h", "6 h", "99999999999999w"}) {
    auto d = parse_duration(bad);
    ASSERT_FALSE(d) << bad;
    EXPECT_EQ(d.error().code, Errc::InvalidArgument);
    EXPECT_NE(d.error().message.find("not a duration"), std::string::npos);
  }
}

}  // namespace
}  // namespace fora::crawler
