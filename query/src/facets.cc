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
FacetResult periods(Facet facet, const std::unordered_map<std::string, Xapian::doccount>& counts) {
  std::vector<std::pair<std::string, Xapian::doccount>> months(counts.begin(), counts.end());
  std::sort(months.begin(), months.end());
  FacetResult r{facet, {}, 0};
  for (const auto& [month, n] : months) {
    if (month.size() != 6) continue;  // not written by this schema: skip, never misread
    const auto count = static_cast<std::int64_t>(n);
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
FacetResult top(Facet facet, const std::unordered_map<std::string, Xapian::doccount>& counts, std::size_t limit) {
  FacetResult r{facet, {}, static_cast<std::int64_t>(counts.size())};
  std::vector<std::pair<const std::string*, Xapian::doccount>> all;
  all.reserve(counts.size());
  for (const auto& [value, n] : counts) all.emplace_back(&value, n);
  const auto before = [](const auto& a, const auto& b) { return a.second != b.second ? a.second > b.second : *a.first < *b.first; };
  const std::size_t kept = std::min(limit, all.size());
  std::partial_sort(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(kept), all.end(), before);
  for (std::size_t k = 0; k < kept; ++k) r.counts.push_back({*all[k].first, static_cast<std::int64_t>(all[k].second), {}});
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

void FacetCounter::LocalSpy::operator()(const Xapian::Document& doc, double) {
  ++seen_;
  std::string value = doc.get_value(slot_);
  if (!value.empty()) ++counts_[std::move(value)];
}

FacetCounter::FacetCounter(Xapian::Enquire& enquire, const std::vector<Facet>& facets, std::size_t limit,
                           bool all_local)
    : facets_(facets), limit_(limit), local_(all_local) {
  for (Facet facet : facets_) {
    const Xapian::valueno slot = slot_of(facet);
    if (spies_.count(slot)) continue;
    std::unique_ptr<Xapian::MatchSpy> spy;
    if (local_) spy = std::make_unique<LocalSpy>(slot);
    else spy = std::make_unique<Xapian::ValueCountMatchSpy>(slot);
    enquire.add_matchspy(spy.get());
    spies_.emplace(slot, std::move(spy));
  }
}

FacetCounter::Counts FacetCounter::counts(Xapian::valueno slot) const {
  const Xapian::MatchSpy& spy = *spies_.at(slot);
  if (local_) return static_cast<const LocalSpy&>(spy).counts();
  Counts counts;
  const auto& xapians = static_cast<const Xapian::ValueCountMatchSpy&>(spy);
  for (auto it = xapians.values_begin(); it != xapians.values_end(); ++it) counts[*it] = it.get_termfreq();
  return counts;
}

Xapian::doccount FacetCounter::seen() const {
  if (spies_.empty()) return 0;
  const Xapian::MatchSpy& spy = *spies_.begin()->second;
  if (local_) return static_cast<const LocalSpy&>(spy).seen();
  return static_cast<const Xapian::ValueCountMatchSpy&>(spy).get_total();
}

std::vector<FacetResult> FacetCounter::results() const {
  std::vector<FacetResult> out;
  for (Facet facet : facets_) {
    const Counts c = counts(slot_of(facet));
    out.push_back(is_period(facet) ? periods(facet, c) : top(facet, c, limit_));
  }
  return out;
}

}  // namespace fora::query
