// Counts the facets of a search (fora/query/facets.h) while Xapian visits the matches: one
// ValueCountMatchSpy per facet slot of the index (months once, for months and years).
#pragma once

#include <map>
#include <memory>
#include <vector>

#include <xapian.h>

#include "fora/query/facets.h"

namespace fora::query {

class FacetCounter {
 public:
  // Adds the spies `facets` need to `enquire`, which must not run a match after this counter
  // is gone. `limit`: values kept of a facet that is not a period.
  FacetCounter(Xapian::Enquire& enquire, const std::vector<Facet>& facets, std::size_t limit);
  // After Enquire::get_mset, which must have checked every match: the counts, in the order
  // the facets were asked for.
  std::vector<FacetResult> results() const;

 private:
  std::vector<Facet> facets_;
  std::size_t limit_;
  std::map<Xapian::valueno, std::unique_ptr<Xapian::ValueCountMatchSpy>> spies_;  // by slot
};

}  // namespace fora::query
