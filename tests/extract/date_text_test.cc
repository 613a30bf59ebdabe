// Engine date text to UTC. Expected values are computed by hand from the printed dates.
#include <gtest/gtest.h>

#include "date_text.h"

namespace fora::extract {
namespace {

// 2024-11-25T15:14:00Z
constexpr std::int64_t kNov25 = 1732547640;
// Capture time for relative dates: 2024-11-27T12:00:00Z (a Wednesday)
constexpr std::int64_t kCaptured = 1732708800;

std::int64_t utc(std::string_view text, DateOrder order = DateOrder::Auto) {
  auto d = parse_date_text(text, kCaptured, order);
  EXPECT_TRUE(d) << text;
  return d ? d->utc : -1;
}

DatePrecision precision(std::string_view text) {
  auto d = parse_date_text(text, kCaptured);
  EXPECT_TRUE(d) << text;
  return d ? d->precision : DatePrecision::Exact;
}

TEST(DateText, ReadsEnglishEngineForms) {
  EXPECT_EQ(utc("Mon Nov 25, 2024 3:14 pm"), kNov25);           // phpBB
  EXPECT_EQ(utc("25 Nov 2024, 15:14"), kNov25);                 // phpBB 3.3, XenForo
  EXPECT_EQ(utc("Nov 25, 2024 at 3:14 PM"), kNov25);            // XenForo title
  EXPECT_EQ(utc("November 25th, 2024, 03:14:00 PM"), kNov25);   // SMF
  EXPECT_EQ(utc("by Jakob » Mon Nov 25, 2024 3:14 pm"), kNov25);
  EXPECT_EQ(utc("11-25-2024, 03:14 PM"), kNov25);               // vBulletin
  EXPECT_EQ(utc("2024-11-25 15:14"), kNov25);
  EXPECT_EQ(utc("« Reply #2012 on: November 25, 2024, 03:14:00 PM »"), kNov25);  // SMF
  EXPECT_EQ(utc("12:30 am, Nov 25, 2024"), 1732492800 + 30 * 60);  // 00:30
}

TEST(DateText, ReadsGermanFrenchAndSpanishMonths) {
  EXPECT_EQ(utc("25. November 2024 um 15:14"), kNov25);
  EXPECT_EQ(utc("25.11.2024, 15:14"), kNov25);
  EXPECT_EQ(utc("Mo 25. Nov. 2024, 15:14"), kNov25);
  EXPECT_EQ(utc("le 25 novembre 2024 à 15h14"), kNov25);
  EXPECT_EQ(utc("25 de noviembre de 2024, 15:14"), kNov25);
  EXPECT_EQ(utc("3. März 2024"), 1709424000);   // 2024-03-03
  EXPECT_EQ(utc("1er août 2024"), 1722470400);  // 2024-08-01
  EXPECT_EQ(utc("12 févr. 2024"), 1707696000);  // 2024-02-12
}

TEST(DateText, SettlesNumericOrder) {
  EXPECT_EQ(utc("04/05/2024"), 1712275200);                  // April 5 (month first)
  EXPECT_EQ(utc("04/05/2024", DateOrder::DMY), 1714780800);  // May 4
  EXPECT_EQ(utc("25/11/2024 15:14"), kNov25);                // 25 cannot be a month
  EXPECT_EQ(utc("25.11.24 15:14"), kNov25);
}

TEST(DateText, AppliesWrittenZones) {
  EXPECT_EQ(utc("Nov 25, 2024 4:14 pm CET"), kNov25);
  EXPECT_EQ(utc("25 Nov 2024 10:14 (UTC-5)"), kNov25);
  EXPECT_EQ(utc("25 Nov 2024 17:14 GMT+2"), kNov25);
  EXPECT_EQ(utc("25 Nov 2024 15:14 UTC"), kNov25);
  EXPECT_EQ(precision("25 Nov 2024 15:14 UTC"), DatePrecision::Exact);
  EXPECT_EQ(precision("25 Nov 2024 15:14"), DatePrecision::NoZone);
  EXPECT_EQ(precision("25 Nov 2024"), DatePrecision::Day);
}

TEST(DateText, ReadsIsoAndEpoch) {
  EXPECT_EQ(utc("2024-11-25T16:14:00+01:00"), kNov25);
  EXPECT_EQ(precision("2024-11-25T16:14:00+01:00"), DatePrecision::Exact);
  EXPECT_EQ(precision("2024-11-25T15:14:00"), DatePrecision::NoZone);
  EXPECT_EQ(utc("1732547640"), kNov25);
  EXPECT_EQ(utc("1732547640000"), kNov25);
}

TEST(DateText, ResolvesRelativeFormsAgainstTheCapture) {
  EXPECT_EQ(utc("3 hours ago"), kCaptured - 3 * 3600);
  EXPECT_EQ(utc("an hour ago"), kCaptured - 3600);
  EXPECT_EQ(utc("vor 2 Tagen"), kCaptured - 2 * 86400);
  EXPECT_EQ(utc("il y a 3 jours"), kCaptured - 3 * 86400);
  EXPECT_EQ(utc("hace 2 horas"), kCaptured - 2 * 3600);
  EXPECT_EQ(utc("Today at 10:15"), kCaptured - 12 * 3600 + 10 * 3600 + 15 * 60);
  EXPECT_EQ(utc("Yesterday, 10:15 PM"), kCaptured - 12 * 3600 - 86400 + 22 * 3600 + 15 * 60);
  EXPECT_EQ(utc("Gestern, 10:15"), kCaptured - 12 * 3600 - 86400 + 10 * 3600 + 15 * 60);
  EXPECT_EQ(utc("just now"), kCaptured);
  EXPECT_EQ(precision("3 hours ago"), DatePrecision::Approximate);
  EXPECT_EQ(precision("Today at 10:15"), DatePrecision::Approximate);
}

TEST(DateText, TakesTheCaptureYearWhenNoneIsPrinted) {
  EXPECT_EQ(utc("Nov 25"), 1732492800);          // 2024-11-25, before the capture
  EXPECT_EQ(utc("Dec 25"), 1703462400);          // 2023-12-25: 2024's is after the capture
  EXPECT_EQ(precision("Nov 25"), DatePrecision::Approximate);
}

TEST(DateText, NeverInventsADate) {
  EXPECT_FALSE(parse_date_text("", kCaptured));
  EXPECT_FALSE(parse_date_text("Jakob", kCaptured));
  EXPECT_FALSE(parse_date_text("15:14", kCaptured));
  EXPECT_FALSE(parse_date_text("3 hours ago", std::nullopt));
  EXPECT_FALSE(parse_date_text("Nov 25", std::nullopt));
  EXPECT_FALSE(parse_date_text("Feb 30, 2024", kCaptured));
  EXPECT_FALSE(parse_date_text("31/31/2024", kCaptured));
  EXPECT_FALSE(parse_date_text("13:75 Nov 25, 2024", kCaptured) &&
               parse_date_text("13:75 Nov 25, 2024", kCaptured)->precision != DatePrecision::Day);
  EXPECT_FALSE(parse_date_text(std::string(10000, '9'), kCaptured));
}

}  // namespace
}  // namespace fora::extract
