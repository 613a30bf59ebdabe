// The words of a query as typed that a person wrote as plain words: outside quotes, field
// values and operators. Synonyms expand them and "did you mean" corrects them; what is quoted
// or fielded is taken as meant.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace fora::query {

// A byte span of the query.
struct Span {
  std::size_t begin = 0, end = 0;
};

// Runs of plain words: words follow one another in a run when only white space is between
// them (an operator, a field, a quote or a bracket ends a run). A word's span leaves out
// sentence punctuation after it ("ISS?" -> "ISS").
std::vector<std::vector<Span>> plain_word_runs(std::string_view query);

// True when the word starts with an upper-case letter (a name, in a natural question).
bool capitalised(std::string_view word);

// The values given to `field` ("author" for author:Edward and author:"David Eastman"): the
// span of each value without its quotes.
std::vector<Span> field_values(std::string_view query, std::string_view field);

}  // namespace fora::query
