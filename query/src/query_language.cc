#include "query_language.h"

#include <algorithm>
#include <optional>

#include <fmt/format.h>

#include "date_filter.h"
#include "date_query.h"
#include "query_syntax.h"
#include "fora/indexer/fields.h"
#include "fora/indexer/xapian_error.h"

namespace fora::query {
namespace {

using indexer::Field;


// author:, tag:, type:, ...: the exact term the indexer wrote for the value (folded where the
// field is). Xapian hands over quoted values without their quotes. A field with a fixed set
// of values (type:, is:) refuses any other: it could only ever match nothing.
class TermFieldProcessor : public Xapian::FieldProcessor {
 public:
  TermFieldProcessor(Field field, FieldErrors* errors) : field_(field), errors_(errors) {}
  Xapian::Query operator()(const std::string& value) override {
    const auto values = indexer::closed_values(field_);
    if (!values.empty() && std::find(values.begin(), values.end(), indexer::fold(value)) == values.end()) {
      const std::string_view name = indexer::field_info(field_).name;
      return errors_->add(make_error(Errc::InvalidArgument, fmt::format("unknown {}: {} ({}: is {})", name, value,
                                                                        name, fmt::join(values, " or "))));
    }
    return Xapian::Query(indexer::boolean_term(field_, value));
  }

 private:
  Field field_;
  FieldErrors* errors_;
};

// date: (the entry's own date, by its Y, M and D terms: date_query.h) and seen: (when fora
// first saw it: a range over its slot).
class DateFieldProcessor : public Xapian::FieldProcessor {
 public:
  // `db` (for date:, whose ranges are clipped to the years it holds) must outlive this.
  DateFieldProcessor(std::string_view name, std::int64_t now, const Xapian::Database* db, unsigned slot,
                     FieldErrors* errors)
      : name_(name), now_(now), db_(db), slot_(slot), errors_(errors) {}
  Xapian::Query operator()(const std::string& value) override {
    auto filter = parse_date_filter(name_, value, now_);
    if (!filter) return errors_->add(filter.error());
    return db_ ? date_query(*filter, *db_) : slot_query(*filter, slot_);
  }

 private:
  std::string_view name_;  // as the user types it: "date" or "seen"
  std::int64_t now_;
  const Xapian::Database* db_;
  unsigned slot_;
  FieldErrors* errors_;
};

// A boolean prefix that matches every document, for a query of negations only: Xapian can only
// take `-soyuz` away from something. Not a field users can type (the syntax check refuses it).
constexpr std::string_view kEverything = "fora_all";

class EverythingProcessor : public Xapian::FieldProcessor {
 public:
  Xapian::Query operator()(const std::string&) override { return Xapian::Query::MatchAll; }
};

constexpr unsigned kFlags = Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
                            Xapian::QueryParser::FLAG_LOVEHATE |
                            Xapian::QueryParser::FLAG_WILDCARD |
                            Xapian::QueryParser::FLAG_PURE_NOT;

// `query` with each phrase (or NEAR, ADJ) of topic words made an AND of them; nullopt when
// it has none. The index keeps no positions for the topic (fields.h), so such a phrase could
// never match, and a thread title is short enough that "all these words in it" is what a
// phrase there means. Only the boolean operators QueryParser builds around phrases are
// rebuilt; any other node is kept as it is.
std::optional<Xapian::Query> topic_phrases_as_and(const Xapian::Query& query) {
  using Q = Xapian::Query;
  const Q::op op = query.get_type();
  std::vector<Q> subs;
  for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) subs.push_back(query.get_subquery(i));
  if (op == Q::OP_PHRASE || op == Q::OP_NEAR) {
    const bool topic = !subs.empty() && std::all_of(subs.begin(), subs.end(), [](const Q& sub) {
      if (sub.get_type() != Q::LEAF_TERM) return false;
      const std::string term = *sub.get_terms_begin();
      return term.size() > indexer::field_info(Field::Topic).prefix.size() && indexer::field_of_term(term) == Field::Topic;
    });
    if (!topic) return std::nullopt;
    return Q(Q::OP_AND, subs.begin(), subs.end());
  }
  switch (op) {
    case Q::OP_AND: case Q::OP_OR: case Q::OP_AND_NOT: case Q::OP_XOR: case Q::OP_AND_MAYBE:
    case Q::OP_FILTER: case Q::OP_SYNONYM: case Q::OP_MAX: {
      bool changed = false;
      for (auto& sub : subs)
        if (auto read = topic_phrases_as_and(sub)) sub = std::move(*read), changed = true;
      if (!changed) return std::nullopt;
      return Q(op, subs.begin(), subs.end());
    }
    default:
      return std::nullopt;
  }
}

}  // namespace

QueryLanguage::QueryLanguage(const Xapian::Database& db, std::int64_t now) {
  parser_.set_database(db);
  parser_.set_stemmer(Xapian::Stem("english"));
  parser_.set_stemming_strategy(Xapian::QueryParser::STEM_ALL);
  parser_.set_default_op(Xapian::Query::OP_AND);
  // A wildcard that stands for too many words is refused when the search runs (WildcardError,
  // see too_broad()) rather than cut to some of them: the answer would be quietly wrong.
  parser_.set_max_expansion(kMaxExpansion, Xapian::Query::WILDCARD_LIMIT_ERROR,
                            Xapian::QueryParser::FLAG_WILDCARD);
  for (const auto& f : indexer::fields()) {
    if (f.name.empty()) continue;
    if (f.boolean)
      parser_.add_boolean_prefix(std::string(f.name), (new TermFieldProcessor(f.field, &errors_))->release());
    else
      parser_.add_prefix(std::string(f.name), std::string(f.prefix));
  }
  parser_.add_boolean_prefix("date", (new DateFieldProcessor("date", now, &db, indexer::kDateSlot, &errors_))->release());
  parser_.add_boolean_prefix(std::string(kEverything), (new EverythingProcessor)->release());
  parser_.add_boolean_prefix("seen", (new DateFieldProcessor("seen", now, nullptr, indexer::kSeenSlot, &errors_))->release());
  // Bare words: the writer's own words and the thread's topic (the indexer weights the topic
  // lower through its wdf).
  parser_.add_prefix("", std::string(indexer::field_info(Field::Own).prefix));
  parser_.add_prefix("", std::string(indexer::field_info(Field::Topic).prefix));
}

Result<Xapian::Query> QueryLanguage::parse(const std::string& query) {
  if (query.find_first_not_of(" \t\r\n") == std::string::npos) return Xapian::Query::MatchAll;
  auto refused = [](Error e) {
    e.message = "bad query: " + e.message;
    return e;
  };
  auto shape = check_query_syntax(query);
  if (!shape) return refused(shape.error());
  try {
    auto read = parse_as_written(query, shape->operators);
    if (!read) return refused(read.error());
    if (*read) return **read;
    // Negations only (`-soyuz`, `-author:Edward -type:post`): from everything.
    auto negations = parse_as_written(std::string(kEverything) + ":all " + query, true);
    if (!negations) return refused(negations.error());
    if (*negations) return **negations;
    return refused(make_error(Errc::InvalidArgument, "its operators do not combine as written",
                              "AND, OR, XOR, NEAR and ADJ go between two words or bracketed groups, "
                              "NOT before one; NEAR and ADJ join plain words only; a bracketed "
                              "group of -words only needs NOT: soyuz (NOT leak)"));
  } catch (const Xapian::QueryParserError& e) {
    return refused(make_error(Errc::InvalidArgument, e.get_msg(),
                              "quote phrases and names, e.g. author:\"David Eastman\""));
  } catch (const Xapian::Error& e) {
    return indexer::from_xapian(e, "parsing the query for", "the index");
  }
}

Result<Xapian::Query> QueryLanguage::read(const std::string& text, unsigned flags) {
  errors_.first.reset();
  Xapian::Query read = parser_.parse_query(text, flags);
  if (errors_.first) return *errors_.first;
  auto topic = topic_phrases_as_and(read);
  return topic ? *topic : read;
}

Result<std::optional<Xapian::Query>> QueryLanguage::parse_as_written(const std::string& text, bool operators) {
  auto read = this->read(text, kFlags);
  if (!read) return read.error();
  if (!operators) return std::optional(*read);
  // Xapian reads a query it cannot parse once more with no operators at all, quietly: then
  // "-soyuz" finds soyuz and "-soyuz OR -leak" finds soyuz AND or AND leak. Read that way,
  // a query with operators comes out differently unless that is what happened. (Without
  // quotes a phrase's words can look like fields, which may then refuse their values: that
  // reading differs too.)
  try {
    auto plain = this->read(text, 0);
    if (plain && plain->get_description() == read->get_description()) return std::optional<Xapian::Query>();
  } catch (const Xapian::QueryParserError&) {
  }
  return std::optional(*read);
}

Error too_broad() {
  return make_error(Errc::InvalidArgument,
                    fmt::format("bad query: too broad: a wildcard stands for more than {} words", kMaxExpansion),
                    "give it more letters (rock* rather than r*)");
}

}  // namespace fora::query
