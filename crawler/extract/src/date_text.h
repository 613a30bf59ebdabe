// Dates as forum and blog engines print them, to UTC: ISO 8601, epoch numbers, engine text
// ("Mon Nov 25, 2024 3:14 pm", "25 Nov 2024, 15:14", "25. November 2024 um 15:14",
// "le 25 novembre 2024", "25 de noviembre de 2024"), and relative forms ("Today at 10:15",
// "Yesterday", "3 hours ago", "vor 2 Tagen", "il y a 3 jours", "hace 2 horas").
// Month names in English, German, French and Spanish. Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "fora/extract/thread.h"

namespace fora::extract {

struct ParsedDate {
  std::int64_t utc = 0;  // Unix seconds
  DatePrecision precision = DatePrecision::Exact;
};

// How to read an all-numeric date whose order the text does not settle ("04/05/2024").
enum class DateOrder {
  Auto,  // "." separators day first (European); "/" and "-" month first unless that cannot be
  DMY,
  MDY,
};

// Reads the date in `text`. Relative forms need `captured_at` (the page's capture time, Unix
// seconds); without it they are not read. A zone written after the time ("UTC", "GMT+1",
// "+02:00", "CET", "PST") is applied; otherwise the time is read as UTC with NoZone
// precision. A date without a year takes the capture's year (the year before when that would
// put it after the capture). Returns nullopt for text that holds no date: a date is never
// invented.
std::optional<ParsedDate> parse_date_text(std::string_view text,
                                          std::optional<std::int64_t> captured_at,
                                          DateOrder order = DateOrder::Auto);

}  // namespace fora::extract
