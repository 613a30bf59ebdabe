// The index bench's questions, each written once in fora's query language (README, "Query
// syntax") and once as SQLite FTS5 over the tables fora-indexbench-fts writes: a MATCH on
// e(body, quotes, author, topic, replyto) and a WHERE on the side table m(id, date, kind,
// author). Placeholders: $mid, $rare, $rare2 stand for words of the generated vocabulary
// (ranks 2,000, 40,000 and 49,000 of 50,000), {YYYY-MM-DD} in `where` for that day's
// midnight UTC in Unix seconds.
#pragma once

#include <string>
#include <vector>

#include "forum_model.h"

namespace fora::bench {

struct BenchQuery {
  const char* form;   // the README's query form it exercises
  const char* fora;   // as a user types it to `fora search`
  const char* match;  // FTS5 MATCH expression ("": none, the side table alone answers)
  const char* where;  // SQL over m ("": none)
  const char* group;  // "": a search; "author" or "month": a count of the matches by that
};

// The table, in the order the bench prints it.
const std::vector<BenchQuery>& bench_queries();

// A query with its placeholders replaced by the model's words and by dates.
struct ResolvedQuery {
  std::string form, fora, match, where, group;
  std::string top_sql(bool with_snippet) const;  // the 20 best (or the 20 largest groups)
  std::string count_sql() const;                  // how many match
  // The same statements as one line for the sqlite3 shell, MATCH written inline.
  std::string shell_sql(bool with_snippet) const;
};
std::vector<ResolvedQuery> resolved_queries(const ForumModel& model);

}  // namespace fora::bench
