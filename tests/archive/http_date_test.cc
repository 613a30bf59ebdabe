// HTTP dates: the three forms of RFC 9110 §5.6.7, with its own example instant.
#include "fora/archive/http_date.h"

#include <gtest/gtest.h>

namespace fora::archive {
namespace {

// RFC 9110's example, 1994-11-06T08:49:37Z: 9075 days after 1970-01-01, plus 8:49:37.
constexpr std::int64_t kExample = 9075LL * 86400 + 8 * 3600 + 49 * 60 + 37;
constexpr std::int64_t kNow = 1767225600;  // 2026-01-01

TEST(HttpDate, TheThreeFormsOfRfc9110AreTheSameInstant) {
  EXPECT_EQ(parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT", kNow), kExample);
  EXPECT_EQ(parse_http_date("Sunday, 06-Nov-94 08:49:37 GMT", kNow), kExample);
  EXPECT_EQ(parse_http_date("Sun Nov  6 08:49:37 1994", kNow), kExample);
}

TEST(HttpDate, BlanksAroundAndZonesServersWriteForGmtAreAccepted) {
  EXPECT_EQ(parse_http_date("  Sun, 06 Nov 1994 08:49:37 GMT\r\n", kNow), kExample);
  EXPECT_EQ(parse_http_date("Sun, 06 Nov 1994 08:49:37 UTC", kNow), kExample);
  EXPECT_EQ(parse_http_date("Sun, 06 Nov 1994 08:49:37 +0000", kNow), kExample);
  EXPECT_EQ(parse_http_date("Sun, 6 Nov 1994 08:49:37 GMT", kNow), kExample);
}

TEST(HttpDate, ATwoDigitYearIsAtMostFiftyYearsAhead) {
  // From 2026: "75" is 2075 (49 years ahead), "77" is 1977 (2077 would be 51 years ahead).
  EXPECT_EQ(parse_http_date("Sunday, 06-Nov-77 00:00:00 GMT", kNow), 2866LL * 86400);  // 1977-11-06
  EXPECT_GT(*parse_http_date("Wednesday, 06-Nov-75 00:00:00 GMT", kNow), kNow);
}

TEST(HttpDate, WhatIsNoHttpDateIsRefused) {
  for (const char* bad : {"", "120", "Sun, 06 Nov 1994 08:49:37", "Sun, 06 Nov 1994 08:49:37 CET",
                          "Sun, 31 Feb 1994 08:49:37 GMT", "Sun, 06 Foo 1994 08:49:37 GMT",
                          "Sun, 06 Nov 1994 24:00:00 GMT", "Sun, 06 Nov 1994 8:49:37 GMT",
                          "Sun, 06 Nov 94 08:49:37 GMT", "Sun Nov  6 08:49:37", "2024-11-25T15:14:00Z",
                          "Sun, 06 Nov 1969 08:49:37 GMT", "Sun, 06 Nov +994 08:49:37 GMT"})
    EXPECT_FALSE(parse_http_date(bad, kNow)) << bad;
}

}  // namespace
}  // namespace fora::archive
