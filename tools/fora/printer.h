// Printers for search results: text for people, JSON lines and CSV for scripts.
// JSON fields (version 1, one object per line; documented in README "Output formats"):
//   id, type, author, date (ISO 8601 UTC or null), date_precision (exact, no-zone, day,
//   approximate; null without a date), site, thread_title, url, snippet, score, thread_id
//   (and with search --thread, thread_hits: the thread's matches); after the
//   hits, one object per facet value: facet, value, count (and title, for a thread)
#pragma once

#include <memory>
#include <cstdint>
#include <string>
#include <string_view>

#include "fora/query/searcher.h"
#include "terminal.h"

namespace fora::cli {

class HitPrinter {
 public:
  virtual ~HitPrinter() = default;
  virtual void begin(const query::SearchResult& result) = 0;
  virtual void hit(const query::Hit& hit) = 0;
  virtual void end(const query::SearchResult& result) = 0;
  // After end(): the counts of one facet.
  virtual void facet(const query::FacetResult& facet) = 0;
};

// "1 segment", "3 segments": a count and its noun, which gains an "s" unless it is one.
std::string counted(std::int64_t n, std::string_view noun);

// A date as the text output prints it: "2024-11-25 15:14 UTC", then "(no-zone)", "(day)" or
// "(approximate)" when the page did not give it exactly; "date unknown" for 0.
std::string date_for_people(std::int64_t unix_seconds, std::string_view precision);

// format: "text", "json" or "csv" (validated by the caller). With `facets_only`, CSV is the
// table of facet counts (facet,value,count,title) and its hits are not printed: one CSV holds
// one table.
std::unique_ptr<HitPrinter> make_printer(const std::string& format, const Terminal& out, bool facets_only = false);

}  // namespace fora::cli
