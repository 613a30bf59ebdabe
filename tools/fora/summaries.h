// What the archive says of one thread or one author, gathered for `fora threads`, `fora
// authors` and their pages in `fora serve`, and their records (records.h kinds "thread" and
// "author").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "context.h"
#include "records.h"

namespace fora::cli {

// A thread as the catalog holds it now.
struct ThreadSummary {
  std::int64_t id = 0, posts = 0, comments = 0, matches = 0;
  std::string title, url, site;
  std::optional<std::int64_t> first, last;                         // dates of its entries
  std::vector<std::pair<std::string, std::int64_t>> participants;  // author, entries; most first
};

// The thread of `hit` (a search --thread hit: its matches in thread_hits) from its entries.
ThreadSummary summarise_thread(const query::Hit& hit, const std::vector<archive::StoredEntry>& entries);
// `asked`: the thread was found by a question, so "matches" counts; else it is null.
Record thread_record(const ThreadSummary& t, bool asked);

// An author among the matches of a question.
struct AuthorSummary {
  std::string name;
  std::int64_t entries = 0, posts = 0, comments = 0, threads = 0;
  std::optional<std::int64_t> first, last;
  std::vector<query::FacetCount> top_threads;  // value: thread id, label: its title
};

// What `base` finds of `author` (a value of the author facet): their counts by type and
// thread (the `top_threads` most), and the dates of the oldest and newest.
Result<AuthorSummary> summarise_author(const Context::Search& search, query::SearchOptions base,
                                       const query::FacetCount& author, std::size_t top_threads);
Record author_record(const AuthorSummary& a);

}  // namespace fora::cli
