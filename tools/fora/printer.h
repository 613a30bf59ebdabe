// Printers for search results: text for people, JSON lines and CSV for scripts.
// JSON fields (version 1, one object per line; documented in README "Output formats"):
//   id, type, author, date (ISO 8601 UTC or null), date_precision (exact, no-zone, day,
//   approximate; null without a date), site, thread_title, url, snippet, score
#pragma once

#include <memory>
#include <string>

#include "fora/query/searcher.h"
#include "terminal.h"

namespace fora::cli {

class HitPrinter {
 public:
  virtual ~HitPrinter() = default;
  virtual void begin(const query::SearchResult& result) = 0;
  virtual void hit(const query::Hit& hit) = 0;
  virtual void end(const query::SearchResult& result) = 0;
};

// format: "text", "json" or "csv" (validated by the caller).
std::unique_ptr<HitPrinter> make_printer(const std::string& format, const Terminal& out);

}  // namespace fora::cli
