// The checks Xapian's QueryParser does not make: it quietly repairs a query with an unclosed
// quote or parenthesis, an unknown field name, a field with no value or a dangling AND, and
// answers something other than what was asked. fora refuses such a query and says what is
// wrong instead. It also refuses a query too long or with too many wildcards to answer
// cheaply (at most 10,000 characters, 1,000 words and 20 wildcards).
#pragma once

#include <string_view>

#include "fora/result.h"

namespace fora::query {

// What the check saw of a query it accepts.
struct QueryShape {
  // An operator outside quotes: AND, OR, NOT, XOR, NEAR, ADJ, a -word or a word*. Only such
  // a query can mean something else when Xapian reads it without its operators.
  bool operators = false;
};

// Errors: InvalidArgument naming the problem and its position.
Result<QueryShape> check_query_syntax(std::string_view query);

}  // namespace fora::query
