#include "fora/query/facets.h"

#include <algorithm>
#include <array>
#include <iterator>

#include "facet_counter.h"
#include "fora/indexer/fields.h"

namespace fora::query {
namespace {

constexpr std::array<std::string_view, 6> kNames = {"author", "month", "year", "thread", "site", "type"};

Xapian::valueno slot_of(Facet facet) {
  switch (facet) {
    case Facet::Author: return indexer::kAuthorSlot;
    case Facet::Month:
    case Facet::Year: return indexer::kMonthSlot;
    case Facet::Thread: return indexer::kThreadSlot;
    case Facet::Site: return indexer::kSiteSlot;
    case Facet::Type: return indexer::kTypeSlot;
  }
  return indexer::kAuthorSlot;
}

// Months ("202212" in the slot -> "2022-12") or years, oldest first, all of them.
FacetResult periods(Facet facet, const Xapian::ValueCountMatchSpy& spy) {
  FacetResult r{facet, {}, 0};
  for (auto it = spy.values_begin(); it != spy.values_end(); ++it) {
    const std::string month = *it;
    if (month.size() != 6) continue;  // not written by this schema: skip, never misread
    const auto count = static_cast<std::int64_t>(it.get_termfreq());
    const std::string value = facet == Facet::Year ? month.substr(0, 4) : month.substr(0, 4) + "-" + month.substr(4);
    if (!r.counts.empty() && r.counts.back().value == value)
      r.counts.back().count += count;
    else
      r.counts.push_back({value, count, {}});
  }
  r.values = static_cast<std::int64_t>(r.counts.size());
  return r;
}

// The `limit` values with the most matches, most first, ties in value order.
FacetResult top(Facet facet, const Xapian::ValueCountMatchSpy& spy, std::size_t limit) {
  FacetResult r{facet, {}, 0};
  for (auto it = spy.values_begin(); it != spy.values_end(); ++it) {
    r.counts.push_back({*it, static_cast<std::int64_t>(it.get_termfreq()), {}});
  }
  r.values = static_cast<std::int64_t>(r.counts.size());
  std::stable_sort(r.counts.begin(), r.counts.end(),
                   [](const FacetCount& a, const FacetCount& b) { return a.count > b.count; });
  if (r.counts.size() > limit) r.counts.resize(limit);
  return r;
}

}  // namespace

std::span<const std::string_view> facet_names() { return kNames; }

std::string_view facet_name(Facet facet) { return kNames[static_cast<std::size_t>(facet)]; }

std::optional<Facet> facet_by_name(std::string_view name) {
  const auto it = std::find(kNames.begin(), kNames.end(), name);
  if (it == kNames.end()) return std::nullopt;
  return static_cast<Facet>(std::distance(kNames.begin(), it));
}

bool is_period(Facet facet) { return facet == Facet::Month || facet == Facet::Year; }

FacetCounter::FacetCounter(Xapian::Enquire& enquire, const std::vector<Facet>& facets, std::size_t limit)
    : facets_(facets), limit_(limit) {
  for (Facet facet : facets_) {
    const Xapian::valueno slot = slot_of(facet);
    if (spies_.count(slot)) continue;
    auto spy = std::make_unique<Xapian::ValueCountMatchSpy>(slot);
    enquire.add_matchspy(spy.get());
    spies_.emplace(slot, std::move(spy));
  }
}

std::vector<FacetResult> FacetCounter::results() const {
  std::vector<FacetResult> out;
  for (Facet facet : facets_) {
    const Xapian::ValueCountMatchSpy& spy = *spies_.at(slot_of(facet));
    out.push_back(is_period(facet) ? periods(facet, spy) : top(facet, spy, limit_));
  }
  return out;
}

}  // namespace fora::query
