#include "query_language.h"

#include <stdexcept>

#include "date_filter.h"
#include "query_syntax.h"
#include "fora/indexer/fields.h"
#include "fora/indexer/xapian_error.h"

namespace fora::query {
namespace {

using indexer::Field;

// Thrown from inside parse_query (a FieldProcessor cannot return an error) and caught in
// QueryLanguage::parse.
struct FieldError : std::runtime_error {
  explicit FieldError(Error e) : std::runtime_error(e.message), error(std::move(e)) {}
  Error error;
};

// author:, tag:, type:, ...: the exact term the indexer wrote for the value (folded where the
// field is). Xapian hands over quoted values without their quotes.
class TermFieldProcessor : public Xapian::FieldProcessor {
 public:
  explicit TermFieldProcessor(Field field) : field_(field) {}
  Xapian::Query operator()(const std::string& value) override {
    return Xapian::Query(indexer::boolean_term(field_, value));
  }

 private:
  Field field_;
};

// date: (the entry's own date: a single day, month or year is a term) and seen: (when fora
// first saw it: always a range over its slot).
class DateFieldProcessor : public Xapian::FieldProcessor {
 public:
  DateFieldProcessor(std::int64_t now, unsigned slot) : now_(now), slot_(slot) {}
  Xapian::Query operator()(const std::string& value) override {
    auto filter = parse_date_filter(value, now_);
    if (!filter) throw FieldError(filter.error());
    if (!filter->is_range) {
      if (slot_ == indexer::kDateSlot) return Xapian::Query(indexer::boolean_term(filter->field, filter->value));
      // "2024-12" is 20241200000000..20241299999999 (slot values sort as strings).
      filter->low = filter->value + std::string(14 - filter->value.size(), '0');
      filter->high = filter->value + std::string(14 - filter->value.size(), '9');
    }
    if (filter->low.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_LE, slot_, filter->high);
    if (filter->high.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_GE, slot_, filter->low);
    return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot_, filter->low, filter->high);
  }

 private:
  std::int64_t now_;
  unsigned slot_;
};

constexpr unsigned kFlags = Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
                            Xapian::QueryParser::FLAG_LOVEHATE |
                            Xapian::QueryParser::FLAG_WILDCARD |
                            Xapian::QueryParser::FLAG_PURE_NOT;

}  // namespace

QueryLanguage::QueryLanguage(const Xapian::Database& db, std::int64_t now) {
  parser_.set_database(db);
  parser_.set_stemmer(Xapian::Stem("english"));
  parser_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  parser_.set_default_op(Xapian::Query::OP_AND);
  for (const auto& f : indexer::fields()) {
    if (f.name.empty()) continue;
    if (f.boolean)
      parser_.add_boolean_prefix(std::string(f.name), (new TermFieldProcessor(f.field))->release());
    else
      parser_.add_prefix(std::string(f.name), std::string(f.prefix));
  }
  parser_.add_boolean_prefix("date", (new DateFieldProcessor(now, indexer::kDateSlot))->release());
  parser_.add_boolean_prefix("seen", (new DateFieldProcessor(now, indexer::kSeenSlot))->release());
  // Bare words: the writer's own words and the thread's topic (the indexer weights the topic
  // lower through its wdf).
  parser_.add_prefix("", std::string(indexer::field_info(Field::Own).prefix));
  parser_.add_prefix("", std::string(indexer::field_info(Field::Topic).prefix));
}

Result<Xapian::Query> QueryLanguage::parse(const std::string& query) {
  if (query.find_first_not_of(" \t\r\n") == std::string::npos) return Xapian::Query::MatchAll;
  FORA_TRY(check_query_syntax(query));
  try {
    return parser_.parse_query(query, kFlags);
  } catch (const FieldError& e) {
    return e.error;
  } catch (const Xapian::QueryParserError& e) {
    return make_error(Errc::InvalidArgument, "cannot read the query: " + e.get_msg(),
                      "quote phrases and names, e.g. author:\"David Eastman\"");
  } catch (const Xapian::Error& e) {
    return indexer::from_xapian(e, "parsing the query for", "the index");
  }
}

}  // namespace fora::query
