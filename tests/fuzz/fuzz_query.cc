// Fuzz target: search queries as users type them, through the syntax check and the parser
// (over a small in-memory index of dated entries), and date filters.
#include <xapian.h>

#include <cstdint>
#include <string>

#include "date_filter.h"
#include "fora/indexer/fields.h"
#include "query_language.h"
#include "query_syntax.h"

// An in-memory index with entries dated 1999 to 2024, so that date ranges are split into the
// year, month and day terms of the years it holds (date_query.cc), not found empty at once.
Xapian::Database dated_index() {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (int year : {1999, 2019, 2020, 2024}) {
    Xapian::Document doc;
    doc.add_boolean_term(fora::indexer::boolean_term(fora::indexer::Field::Year, std::to_string(year)));
    db.add_document(doc);
  }
  return db;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string query(reinterpret_cast<const char*>(data), size);
  (void)fora::query::check_query_syntax(query);
  (void)fora::query::parse_date_filter("date", query, 1732708800);
  static const Xapian::Database db = dated_index();
  fora::query::QueryLanguage language(db, 1732708800);
  try {
    (void)language.parse(query);
  } catch (const Xapian::Error&) {
    // The CLI reports Xapian errors; what must not happen is a crash.
  }
  return 0;
}
