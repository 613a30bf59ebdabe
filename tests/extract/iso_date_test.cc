#include <gtest/gtest.h>

#include "iso_date.h"

namespace fora::extract {
namespace {

TEST(IsoDate, AppliesNegativeOffset) {
  // 09:15 at UTC-7 is 16:15 UTC.
  EXPECT_EQ(parse_iso8601("2022-12-16T09:15:00-07:00"), 1671207300);
}

TEST(IsoDate, AcceptsZuluFractionsAndMissingSeconds) {
  EXPECT_EQ(parse_iso8601("2022-12-16T16:15:00Z"), 1671207300);
  EXPECT_EQ(parse_iso8601("2022-12-16T16:15:00.123456Z"), 1671207300);
  EXPECT_EQ(parse_iso8601("2022-12-16T16:15Z"), 1671207300);
  EXPECT_EQ(parse_iso8601("2022-12-16T17:15+0100"), 1671207300);
  EXPECT_EQ(parse_iso8601("2022-12-16 16:15:00+00"), 1671207300);
  EXPECT_EQ(parse_iso8601("  2022-12-16T16:15:00+00:00 "), 1671207300);
}

TEST(IsoDate, ReadsBareDateAsMidnightUtc) {
  EXPECT_EQ(parse_iso8601("1970-01-02"), 86400);
  EXPECT_EQ(parse_iso8601("2012-12-11T13:19:41+01:00"), 1355228381);
}

TEST(IsoDate, RejectsGarbageAndImpossibleDates) {
  EXPECT_FALSE(parse_iso8601(""));
  EXPECT_FALSE(parse_iso8601("8. April 2019 @ 11:38"));
  EXPECT_FALSE(parse_iso8601("2022-02-30T10:00:00Z"));
  EXPECT_FALSE(parse_iso8601("2022-12-16T25:00:00Z"));
  EXPECT_FALSE(parse_iso8601("2022-12-16T10:00:00+5"));
  EXPECT_FALSE(parse_iso8601("2022-12-16T10:00:00Zjunk"));
}

}  // namespace
}  // namespace fora::extract
