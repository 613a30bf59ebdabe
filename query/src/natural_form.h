// The natural form of a query: "every Edward comment on Soyuz" is read as
// `author:Edward type:comment soyuz`. Filler and question words are dropped; comment/post
// words become type filters; capitalised word runs that name a known author become author
// filters (the longest run wins: "Edward Smith" over "Edward"), or reply filters after
// "replying to"; "in 2023", "since March 2023", "before 2020", "between 2019 and 2021"
// become date ranges; "who wrote most about …" asks for the author facet and "threads
// about …" for one result per thread. A query using any field syntax (':', quotes,
// operators, brackets, +/-) is left alone, and so is one in which none of these was found:
// then nothing is rewritten.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fora/query/facets.h"

namespace fora::query {

struct Reading {
  std::string query;       // what to run
  bool rewritten = false;  // true when it differs from the user's words
  std::optional<Facet> count_by;  // "who wrote most about Soyuz": the counts are the answer
  bool by_thread = false;         // "threads about Voyager": one result per thread
  std::vector<std::string> notes;  // what the reader should know of the reading (ambiguity)
};

// What the natural form asks the index about names (each takes a name as typed; the callee
// folds it).
struct KnownAuthors {
  std::function<bool(std::string_view name)> exists;
  // The names of the authors whose name starts with `name` then a space, as written
  // ("Edward Smith" for "Edward").
  std::function<std::vector<std::string>(std::string_view name)> longer;
};

Reading read_natural(std::string_view query, const KnownAuthors& authors);

// True for a word (lower case) the natural form reads as the grammar of a question, not as a
// word to search for: fillers ("what", "did", "about"), type, thread and reply words, month
// names and the words before a date.
bool is_question_word(std::string_view lowered);

}  // namespace fora::query
