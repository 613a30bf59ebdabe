// The checks Xapian's QueryParser does not make: it quietly repairs a query with an unclosed
// quote or parenthesis, an unknown field name or a dangling AND, and answers something other
// than what was asked. fora refuses such a query and says what is wrong instead.
#pragma once

#include <string_view>

#include "fora/result.h"

namespace fora::query {

// Errors: InvalidArgument naming the problem and its position.
Status check_query_syntax(std::string_view query);

}  // namespace fora::query
