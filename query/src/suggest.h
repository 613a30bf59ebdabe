// "Did you mean": a query that found nothing, with each word the index holds no trace of
// replaced by the nearest one it does, and each author name no author has by the nearest
// name (also a capitalised word of the natural form: "every Edwrd comment" -> "every Edward
// comment"). Nearest: fewest edits (insert, delete, change, swap two letters), at most one
// for words of four letters or fewer and two for longer ones, then the more frequent. Read
// from the index's own terms, so it knows the archive's names and words and nothing else.
// Words are compared by their stems, as the index holds them, with the same first letter.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <xapian.h>

namespace fora::query {

// The corrected query, or nullopt when no word needed or found a correction. With
// `natural`, the words of a question's grammar ("what", "comment", "since") are not
// corrected, and a capitalised word may be a name.
std::optional<std::string> suggest(const Xapian::Database& db, std::string_view query, bool natural);

// Edits between `a` and `b` (optimal string alignment distance over bytes), or `limit` + 1
// when more than `limit`.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit);

}  // namespace fora::query
