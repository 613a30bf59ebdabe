#include "date_query.h"

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "fora/indexer/fields.h"

namespace fora::query {
namespace {

namespace chr = std::chrono;
using indexer::Field;

// One end of a range: the day it falls on, and whether it takes that day whole. Slot bounds
// are "YYYYMMDDHHMMSS", padded with 0 (low) or 9 (high) past what the user gave, so "..2022"
// ends at 20229999999999: month 99 is December, day 99 the month's last.
struct End {
  chr::sys_days day;
  bool whole;
};

int digits(const std::string& bound, std::size_t at, std::size_t n) { return std::stoi(bound.substr(at, n)); }

End low_end(const std::string& bound) {
  const int m = std::max(1, digits(bound, 4, 2));
  const int d = std::max(1, digits(bound, 6, 2));
  return {chr::sys_days(chr::year(digits(bound, 0, 4)) / m / d), bound.compare(8, 6, "000000") == 0};
}

End high_end(const std::string& bound) {
  const chr::year y(digits(bound, 0, 4));
  const chr::month m(static_cast<unsigned>(std::min(12, std::max(1, digits(bound, 4, 2)))));
  const chr::day last = chr::year_month_day_last(y, chr::month_day_last(m)).day();
  const chr::day d(static_cast<unsigned>(std::min(static_cast<int>(static_cast<unsigned>(last)), std::max(1, digits(bound, 6, 2)))));
  return {chr::sys_days(y / m / d), bound.compare(8, 6, "235959") >= 0};
}

std::string day_digits(chr::sys_days day) {
  const chr::year_month_day ymd(day);
  return fmt::format("{:04}{:02}{:02}", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                     static_cast<unsigned>(ymd.day()));
}

Xapian::Query term(Field field, const std::string& value) { return Xapian::Query(indexer::boolean_term(field, value)); }

// The first and last year the index has entries dated in; nullopt when it has none.
std::optional<std::pair<chr::year, chr::year>> indexed_years(const Xapian::Database& db) {
  const std::string prefix(indexer::field_info(Field::Year).prefix);
  std::optional<std::pair<chr::year, chr::year>> years;
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
    const std::string value = (*t).substr(prefix.size());
    if (value.size() != 4 || value.find_first_not_of("0123456789") != std::string::npos) continue;
    const chr::year y(std::stoi(value));
    if (!years) years.emplace(y, y);
    years->second = y;
  }
  return years;
}

// The whole days from `from` to `to` as the fewest year, month and day terms.
void cover_days(chr::sys_days from, chr::sys_days to, std::vector<Xapian::Query>& out) {
  while (from <= to) {
    const chr::year_month_day ymd(from);
    const chr::sys_days year_end(ymd.year() / chr::December / 31);
    const chr::sys_days month_end(chr::year_month_day_last(ymd.year(), chr::month_day_last(ymd.month())));
    if (ymd.month() == chr::January && ymd.day() == chr::day(1) && year_end <= to) {
      out.push_back(term(Field::Year, day_digits(from).substr(0, 4)));
      from = year_end + chr::days(1);
    } else if (ymd.day() == chr::day(1) && month_end <= to) {
      out.push_back(term(Field::Month, day_digits(from).substr(0, 6)));
      from = month_end + chr::days(1);
    } else {
      out.push_back(term(Field::Day, day_digits(from)));
      from += chr::days(1);
    }
  }
}

}  // namespace

Xapian::Query date_query(const DateFilter& filter, const Xapian::Database& db) {
  if (!filter.is_range) return term(filter.field, filter.value);
  const auto years = indexed_years(db);
  if (!years) return Xapian::Query::MatchNothing;
  const End first{chr::sys_days(years->first / chr::January / 1), true};
  const End last{chr::sys_days(years->second / chr::December / 31), true};
  End low = filter.low.empty() ? first : low_end(filter.low);
  End high = filter.high.empty() ? last : high_end(filter.high);
  // No entry is dated outside the indexed years: clip to them.
  if (low.day < first.day) low = first;
  if (high.day > last.day) high = last;
  if (low.day > high.day) return Xapian::Query::MatchNothing;

  const unsigned slot = indexer::kDateSlot;
  std::vector<Xapian::Query> parts;
  auto part_of_day = [&](chr::sys_days day, Xapian::Query test) {
    parts.emplace_back(Xapian::Query::OP_FILTER, term(Field::Day, day_digits(day)), test);
  };
  if (!low.whole && !high.whole && low.day == high.day) {
    part_of_day(low.day, Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot, filter.low, filter.high));
    return parts.front();
  }
  if (!low.whole) {
    part_of_day(low.day, Xapian::Query(Xapian::Query::OP_VALUE_GE, slot, filter.low));
    low.day += chr::days(1);
  }
  if (!high.whole) {
    part_of_day(high.day, Xapian::Query(Xapian::Query::OP_VALUE_LE, slot, filter.high));
    high.day -= chr::days(1);
  }
  cover_days(low.day, high.day, parts);
  if (parts.empty()) return Xapian::Query::MatchNothing;
  return Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
}

Xapian::Query slot_query(const DateFilter& filter, unsigned slot) {
  std::string low = filter.low, high = filter.high;
  if (!filter.is_range) {
    // "2024-12" is 20241200000000..20241299999999 (slot values sort as strings).
    low = filter.value + std::string(14 - filter.value.size(), '0');
    high = filter.value + std::string(14 - filter.value.size(), '9');
  }
  if (low.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_LE, slot, high);
  if (high.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_GE, slot, low);
  return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot, low, high);
}

}  // namespace fora::query
