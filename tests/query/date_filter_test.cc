#include <gtest/gtest.h>

#include "date_filter.h"

namespace fora::query {
namespace {

using indexer::Field;
const std::int64_t kNow = 1671183000;  // 2022-12-16 09:30:00 UTC

TEST(DateFilter, SingleDatesAreDayMonthOrYearTerms) {
  auto day = parse_date_filter("2022-12-16", kNow);
  ASSERT_TRUE(day);
  EXPECT_FALSE(day->is_range);
  EXPECT_EQ(day->field, Field::Day);
  EXPECT_EQ(day->value, "20221216");
  auto month = parse_date_filter("2022-12", kNow);
  ASSERT_TRUE(month);
  EXPECT_EQ(month->field, Field::Month);
  EXPECT_EQ(month->value, "202212");
  auto year = parse_date_filter("2022", kNow);
  ASSERT_TRUE(year);
  EXPECT_EQ(year->field, Field::Year);
  EXPECT_EQ(year->value, "2022");
}

TEST(DateFilter, RangeEndsCoverTheWholePeriodTheyName) {
  auto r = parse_date_filter("2022-01..2022-12-31", kNow);
  ASSERT_TRUE(r);
  EXPECT_TRUE(r->is_range);
  EXPECT_EQ(r->low, "20220100000000");
  EXPECT_EQ(r->high, "20221231999999");
}

TEST(DateFilter, OpenRanges) {
  auto up_to = parse_date_filter("..2022", kNow);
  ASSERT_TRUE(up_to);
  EXPECT_EQ(up_to->low, "");
  EXPECT_EQ(up_to->high, "20229999999999");
  auto from = parse_date_filter("2021..", kNow);
  ASSERT_TRUE(from);
  EXPECT_EQ(from->low, "20210000000000");
  EXPECT_EQ(from->high, "");
}

TEST(DateFilter, RelativeEndsCountBackFromNow) {
  auto r = parse_date_filter("30d..", kNow);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->low, "20221116093000");
  auto w = parse_date_filter("..2w", kNow);
  ASSERT_TRUE(w);
  EXPECT_EQ(w->high, "20221202093000");
}

TEST(DateFilter, RejectsWhatIsNotADate) {
  for (const char* bad : {"2022-13", "2022-12-32", "yesterday", "22", "2022/12", "..", "2022-1",
                          "30x..", "2022..soon"}) {
    auto r = parse_date_filter(bad, kNow);
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().code, Errc::InvalidArgument);
    EXPECT_NE(r.error().message.find("date:"), std::string::npos);
  }
}

}  // namespace
}  // namespace fora::query
