#include <gtest/gtest.h>

#include "date_filter.h"

namespace fora::query {
namespace {

using indexer::Field;
const std::int64_t kNow = 1671183000;  // 2022-12-16 09:30:00 UTC

TEST(DateFilter, SingleDatesAreDayMonthOrYearTerms) {
  auto day = parse_date_filter("date", "2022-12-16", kNow);
  ASSERT_TRUE(day);
  EXPECT_FALSE(day->is_range);
  EXPECT_EQ(day->field, Field::Day);
  EXPECT_EQ(day->value, "20221216");
  auto month = parse_date_filter("date", "2022-12", kNow);
  ASSERT_TRUE(month);
  EXPECT_EQ(month->field, Field::Month);
  EXPECT_EQ(month->value, "202212");
  auto year = parse_date_filter("date", "2022", kNow);
  ASSERT_TRUE(year);
  EXPECT_EQ(year->field, Field::Year);
  EXPECT_EQ(year->value, "2022");
}

TEST(DateFilter, RangeEndsCoverTheWholePeriodTheyName) {
  auto r = parse_date_filter("date", "2022-01..2022-12-31", kNow);
  ASSERT_TRUE(r);
  EXPECT_TRUE(r->is_range);
  EXPECT_EQ(r->low, "20220100000000");
  EXPECT_EQ(r->high, "20221231999999");
}

TEST(DateFilter, OpenRanges) {
  auto up_to = parse_date_filter("date", "..2022", kNow);
  ASSERT_TRUE(up_to);
  EXPECT_EQ(up_to->low, "");
  EXPECT_EQ(up_to->high, "20229999999999");
  auto from = parse_date_filter("date", "2021..", kNow);
  ASSERT_TRUE(from);
  EXPECT_EQ(from->low, "20210000000000");
  EXPECT_EQ(from->high, "");
}

TEST(DateFilter, RelativeEndsCountBackFromNow) {
  auto r = parse_date_filter("date", "30d..", kNow);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->low, "20221116093000");
  auto w = parse_date_filter("date", "..2w", kNow);
  ASSERT_TRUE(w);
  EXPECT_EQ(w->high, "20221202093000");
}

TEST(DateFilter, RejectsWhatIsNotADate) {
  for (const char* bad : {"2022-13", "2022-12-32", "yesterday", "22", "2022/12", "..", "2022-1",
                          "30x..", "2022..soon"}) {
    auto r = parse_date_filter("date", bad, kNow);
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().code, Errc::InvalidArgument);
    EXPECT_NE(r.error().message.find("date:"), std::string::npos);
  }
}

TEST(DateFilter, RefusesDaysThatDoNotExistSayingWhy) {
  const std::pair<const char*, const char*> cases[] = {
      {"2022-02-30", "date:2022-02-30: February has no 30th day"},
      {"2023-02-29", "date:2023-02-29: February 2023 has no 29th day"},
      {"2022-04-31", "date:2022-04-31: April has no 31st day"},
      {"20220931", "date:20220931: September has no 31st day"},
      {"2022-12-00", "date:2022-12-00: there is no day 0"},
      {"2022-00", "date:2022-00: there is no month 00"},
      {"2021..2022-02-29", "date:2021..2022-02-29: February 2022 has no 29th day"},
  };
  for (const auto& [text, message] : cases) {
    auto r = parse_date_filter("date", text, kNow);
    ASSERT_FALSE(r) << text;
    EXPECT_EQ(r.error().code, Errc::InvalidArgument);
    EXPECT_EQ(r.error().message, message);
  }
  for (const char* leap : {"2024-02-29", "2000-02-29", "2022-01-31", "2022-12-31"})
    EXPECT_TRUE(parse_date_filter("date", leap, kNow)) << leap;
  EXPECT_FALSE(parse_date_filter("date", "1900-02-29", kNow));  // not a leap year
}

TEST(DateFilter, RefusesARangeThatEndsBeforeItStarts) {
  for (const char* backwards : {"2023..2021", "2022-12-17..2022-12-16", "1d..30d", "2022-12..2022-11-30"}) {
    auto r = parse_date_filter("date", backwards, kNow);
    ASSERT_FALSE(r) << backwards;
    EXPECT_EQ(r.error().message, std::string("date:") + backwards + ": the range ends before it starts");
  }
  EXPECT_TRUE(parse_date_filter("date", "2022-12-16..2022-12-16", kNow));
  EXPECT_TRUE(parse_date_filter("date", "2022..2022-06", kNow));
  EXPECT_TRUE(parse_date_filter("date", "30d..1d", kNow));
}

TEST(DateFilter, ErrorsNameTheFieldAsTyped) {
  auto r = parse_date_filter("seen", "yesterday", kNow);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message.rfind("seen:yesterday: ", 0), 0u) << r.error().message;
  EXPECT_EQ(r.error().message.find("date:"), std::string::npos) << r.error().message;
  auto range = parse_date_filter("seen", "30x..", kNow);
  ASSERT_FALSE(range);
  EXPECT_EQ(range.error().message, "seen:30x..: '30x' is not a date");
}

}  // namespace
}  // namespace fora::query
