// fora's query language on top of Xapian::QueryParser: the field names come from the index
// schema (fora/indexer/fields.h), so queries use exactly the terms the indexer wrote.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <xapian.h>

#include "fora/result.h"

namespace fora::query {

// The most words one wildcard may stand for (in each field it searches).
inline constexpr unsigned kMaxExpansion = 1000;

// What a field's processor (author:, type:, date:, ...) found wrong with its value. A
// Xapian::FieldProcessor cannot return an error, and an exception thrown through
// QueryParser::parse_query damages Xapian 1.4's parser (AddressSanitizer: a bad free inside
// libxapian on "-..is:nonsense", found by fuzz_query). So the processor records the first
// error here and returns a query that matches nothing; QueryLanguage checks after each parse.
struct FieldErrors {
  std::optional<Error> first;
  Xapian::Query add(Error e) {
    if (!first) first = std::move(e);
    return Xapian::Query::MatchNothing;
  }
};

class QueryLanguage {
 public:
  // `db` (which must outlive this) resolves wildcards and bounds date ranges; `now` (Unix
  // seconds) anchors relative dates (`date:30d..`).
  QueryLanguage(const Xapian::Database& db, std::int64_t now);
  QueryLanguage(const QueryLanguage&) = delete;  // its field processors point at errors_
  QueryLanguage& operator=(const QueryLanguage&) = delete;

  // An empty query matches everything; a query of negations only (`-soyuz`, `NOT type:post`)
  // matches everything without them. Errors: InvalidArgument, "bad query: " and the problem
  // as the user typed it (syntax, an unknown field or value, a date that does not exist, a
  // query too long or with too many wildcards; query_syntax.h).
  Result<Xapian::Query> parse(const std::string& query);

 private:
  // QueryParser's reading of `text` with `flags`, topic phrases made ANDs
  // (topic_phrases_as_and); the first error a field's processor recorded, if any.
  Result<Xapian::Query> read(const std::string& text, unsigned flags);
  // `text` as Xapian reads it with fora's operators; nullopt when Xapian could not (see .cc).
  // `operators`: the query has some (QueryShape).
  Result<std::optional<Xapian::Query>> parse_as_written(const std::string& text, bool operators);

  Xapian::QueryParser parser_;
  FieldErrors errors_;
};

// The error for a search that Xapian stopped with a WildcardError: a wildcard stood for more
// than kMaxExpansion words.
Error too_broad();

}  // namespace fora::query
