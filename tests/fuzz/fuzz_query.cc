// Fuzz target: search queries as users type them, through the syntax check and the parser
// (over an empty in-memory index), and date filters.
#include <xapian.h>

#include <cstdint>
#include <string>

#include "date_filter.h"
#include "query_language.h"
#include "query_syntax.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string query(reinterpret_cast<const char*>(data), size);
  (void)fora::query::check_query_syntax(query);
  (void)fora::query::parse_date_filter("date", query, 1732708800);
  static const Xapian::Database db = Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY);
  fora::query::QueryLanguage language(db, 1732708800);
  try {
    (void)language.parse(query);
  } catch (const Xapian::Error&) {
    // The CLI reports Xapian errors; what must not happen is a crash.
  }
  return 0;
}
