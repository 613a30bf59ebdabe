// Counts the facets of a search (fora/query/facets.h) while Xapian visits the matches: one
// spy per facet slot of the index (months once, for months and years). Over local databases
// a spy of fora's own counts in a hash table; Xapian's ValueCountMatchSpy keeps a std::map of
// strings, whose comparisons were a third of the time of counting a quarter of a million
// matches by author (perf, 1,000,000 entries). A remote shard runs only the spies xapian-tcpsrv
// knows, so an index with one gets ValueCountMatchSpy.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "fora/query/facets.h"

namespace fora::query {

class FacetCounter {
 public:
  // Adds the spies `facets` need to `enquire`, which must not run a match after this counter
  // is gone. `limit`: values kept of a facet that is not a period.
  FacetCounter(Xapian::Enquire& enquire, const std::vector<Facet>& facets, std::size_t limit, bool all_local);
  // After Enquire::get_mset, which must have checked every match: the counts, in the order
  // the facets were asked for.
  std::vector<FacetResult> results() const;
  // How many matches the spies saw: fewer than the matches when Xapian stopped early.
  Xapian::doccount seen() const;

 private:
  // A slot's values and how many matches hold each.
  using Counts = std::unordered_map<std::string, Xapian::doccount>;
  // Counts one slot's values as they are visited.
  class LocalSpy : public Xapian::MatchSpy {
   public:
    explicit LocalSpy(Xapian::valueno slot) : slot_(slot) {}
    void operator()(const Xapian::Document& doc, double) override;
    const Counts& counts() const { return counts_; }
    Xapian::doccount seen() const { return seen_; }

   private:
    Xapian::valueno slot_;
    Counts counts_;
    Xapian::doccount seen_ = 0;
  };
  Counts counts(Xapian::valueno slot) const;

  std::vector<Facet> facets_;
  std::size_t limit_;
  std::map<Xapian::valueno, std::unique_ptr<Xapian::MatchSpy>> spies_;  // by slot
  bool local_;  // spies_ holds LocalSpy, else ValueCountMatchSpy
};

}  // namespace fora::query
