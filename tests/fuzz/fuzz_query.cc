// Fuzz target: search queries as users type them, through the syntax check, the natural
// form, synonym expansion, "did you mean" and the parser (over a small in-memory index of
// dated entries with words and authors), and date filters; and the same bytes read as a
// synonyms file.
#include <xapian.h>

#include <cstdint>
#include <string>

#include "date_filter.h"
#include "fora/indexer/fields.h"
#include "fora/query/synonyms.h"
#include "natural_form.h"
#include "query_language.h"
#include "query_syntax.h"
#include "suggest.h"

// An in-memory index with entries dated 1999 to 2024, so that date ranges are split into the
// year, month and day terms of the years it holds (date_query.cc), not found empty at once.
Xapian::Database dated_index() {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (int year : {1999, 2019, 2020, 2024}) {
    Xapian::Document doc;
    doc.add_boolean_term(fora::indexer::boolean_term(fora::indexer::Field::Year, std::to_string(year)));
    for (const char* word : {"soyuz", "leak", "micrometeorit", "spacewalk"}) doc.add_term(word);
    for (const char* name : {"Edward", "Edward Smith", "Zoë Ångström"})
      doc.add_boolean_term(fora::indexer::boolean_term(fora::indexer::Field::Author, name));
    doc.add_value(fora::indexer::kAuthorSlot, "Edward");
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
  static const fora::query::Synonyms synonyms = [] {
    fora::query::Synonyms s;
    (void)s.add("ISS = International Space Station = space station\nEVA = spacewalk\nCST-100 = Starliner", "fuzz");
    return s;
  }();
  fora::query::Synonyms as_file;
  (void)as_file.add(query, "fuzz");
  const fora::query::KnownAuthors known{
      [](std::string_view name) { return fora::indexer::fold(name) == "edward" || fora::indexer::fold(name) == "edward smith"; },
      [](std::string_view name) {
        return fora::indexer::fold(name) == "edward" ? std::vector<std::string>{"Edward Smith"} : std::vector<std::string>{};
      }};
  try {
    (void)language.parse(query);
    const auto reading = fora::query::read_natural(query, known);
    (void)language.parse(synonyms.expand(reading.query));
    (void)fora::query::suggest(db, query, true);
  } catch (const Xapian::Error&) {
    // The CLI reports Xapian errors; what must not happen is a crash.
  }
  return 0;
}
