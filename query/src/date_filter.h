// The `date:` and `seen:` fields of the query language. A date is YYYY, YYYY-MM or YYYY-MM-DD
// (UTC) and must exist (no 2022-02-30); a range is FROM..TO with either end open (`..2022`,
// `2021..`) that does not end before it starts; `Nd`, `Nw`, `Ny` in a range mean N days,
// weeks or years before now (`30d..` = the last 30 days).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "fora/indexer/fields.h"
#include "fora/result.h"

namespace fora::query {

struct DateFilter {
  // A single date: field Year, Month or Day with value "2022", "202212", "20221216".
  // A range: inclusive "YYYYMMDDHHMMSS" bounds, empty when open (date_query.h makes either
  // a query).
  bool is_range = false;
  indexer::Field field = indexer::Field::Day;
  std::string value;
  std::string low, high;
};

// `text` is what followed `name:` in the query ("date" or "seen"; errors quote both, as the
// user typed them). Errors: InvalidArgument saying what is wrong with which part.
Result<DateFilter> parse_date_filter(std::string_view name, std::string_view text, std::int64_t now);

}  // namespace fora::query
