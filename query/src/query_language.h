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

class QueryLanguage {
 public:
  // `db` (which must outlive this) resolves wildcards and bounds date ranges; `now` (Unix
  // seconds) anchors relative dates (`date:30d..`).
  QueryLanguage(const Xapian::Database& db, std::int64_t now);

  // An empty query matches everything; a query of negations only (`-soyuz`, `NOT type:post`)
  // matches everything without them. Errors: InvalidArgument, "bad query: " and the problem
  // as the user typed it (syntax, an unknown field or value, a date that does not exist, a
  // query too long or with too many wildcards; query_syntax.h).
  Result<Xapian::Query> parse(const std::string& query);

 private:
  // `text` as Xapian reads it with fora's operators; nullopt when Xapian could not (see .cc).
  // `operators`: the query has some (QueryShape).
  std::optional<Xapian::Query> parse_as_written(const std::string& text, bool operators);

  Xapian::QueryParser parser_;
};

// The error for a search that Xapian stopped with a WildcardError: a wildcard stood for more
// than kMaxExpansion words.
Error too_broad();

}  // namespace fora::query
