// The natural form of a query: "every Edward comment on Soyuz" is read as
// `author:Edward type:comment soyuz`. Filler words are dropped, comment/post words become
// type filters, and capitalised word runs that name a known author become author filters
// (the longest run wins: "Edward Smith" over "Edward"). A query using any field syntax
// (':' , quotes, operators, brackets, +/-) is left alone, and so is one in which no author or
// type word was found: then nothing is rewritten.
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace fora::query {

struct Reading {
  std::string query;       // what to run
  bool rewritten = false;  // true when it differs from the user's words
};

// `is_author(name)` tells whether a name (as typed; the callee folds it) is an author in the
// index.
Reading read_natural(std::string_view query,
                     const std::function<bool(std::string_view name)>& is_author);

}  // namespace fora::query
