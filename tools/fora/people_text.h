// Text for people, shared by the commands: counts, dates, a search hit and a facet's counts as
// the text output prints them. Crawled text passes through clean() on its way here.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "fora/query/searcher.h"
#include "terminal.h"

namespace fora::cli {

// "1 segment", "3 segments": a count and its noun, which gains an "s" (or becomes `plural`)
// unless it is one.
std::string counted(std::int64_t n, std::string_view noun, std::string_view plural = {});

// 720000 -> "720,000".
std::string grouped(std::int64_t n);

// A date as the text output prints it: "2024-11-25 15:14 UTC", then "(no-zone)", "(day)" or
// "(approximate)" when the page did not give it exactly; "date unknown" for 0.
std::string date_for_people(std::int64_t unix_seconds, std::string_view precision);

// A hit's block: "[ID] author type, date", thread title, URL, the snippet with its matches
// bold yellow (or [in brackets] without colour); with search --thread, the thread first.
std::string hit_text(const query::Hit& hit, const Terminal& out);
// The line after the hits: "7 results", "about 720,000 results, 20 shown (…)".
std::string total_text(const query::SearchResult& result, const Terminal& out);
// How a search read its question, for the lines before its results: "read as: …" when the
// natural form or a synonym changed it, a line per note, "did you mean: …" when nothing
// matched and a correction was found, and with --explain the query as Xapian reads it, term
// by term. Empty when there is nothing to say.
std::string reading_text(const query::SearchResult& result, const Terminal& out);
// "author (20,000 values, the 10 most frequent)", then one line per value.
std::string facet_text(const query::FacetResult& facet, const Terminal& out);

}  // namespace fora::cli
