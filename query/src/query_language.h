// fora's query language on top of Xapian::QueryParser: the field names come from the index
// schema (fora/indexer/fields.h), so queries use exactly the terms the indexer wrote.
#pragma once

#include <cstdint>
#include <string>

#include <xapian.h>

#include "fora/result.h"

namespace fora::query {

class QueryLanguage {
 public:
  // `db` resolves wildcards; `now` (Unix seconds) anchors relative dates (`date:30d..`).
  QueryLanguage(const Xapian::Database& db, std::int64_t now);

  // An empty query matches everything. Errors: InvalidArgument naming the problem (syntax,
  // a bad date).
  Result<Xapian::Query> parse(const std::string& query);

 private:
  Xapian::QueryParser parser_;
};

}  // namespace fora::query
