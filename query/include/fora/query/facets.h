// Facets: how the whole match set of a search divides by author, month, year, thread, site
// or type (`fora search --facet author`). Counted by Xapian while it visits every match, from
// the facet slots of the index (fora/indexer/fields.h), so a remote shard counts its part.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace fora::query {

enum class Facet { Author, Month, Year, Thread, Site, Type };

// "author", "month", "year", "thread", "site", "type": in the order of the enum.
std::span<const std::string_view> facet_names();
std::string_view facet_name(Facet facet);
std::optional<Facet> facet_by_name(std::string_view name);

// One value of a facet and how many matches have it. `value` is what the index holds: an
// author's name as written, "2022-12" for a month, "2022" for a year, a thread's catalog id,
// a site, "post" or "comment".
struct FacetCount {
  std::string value;
  std::int64_t count = 0;
  std::string label;  // how to show the value when not as it is: a thread's title (the caller's)
};

struct FacetResult {
  Facet facet = Facet::Author;
  // Months and years oldest first, all of them; the others by count, highest first (ties by
  // value), at most SearchOptions::facet_limit.
  std::vector<FacetCount> counts;
  std::int64_t values = 0;  // distinct values in the match set (more than counts holds when cut)
};

// Whether `facet`'s values are periods, listed in time order rather than by count.
bool is_period(Facet facet);

}  // namespace fora::query
