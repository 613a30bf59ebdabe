// Searcher: reads the Xapian index of an archive and answers fora's query language
// (DESIGN.md, "The index"): field queries, bare words, phrases, boolean operators, and the
// natural form ("every Edward comment on Soyuz"). Read-only; one Searcher per thread.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fora/archive/thread_store.h"
#include "fora/query/facets.h"
#include "fora/query/synonyms.h"
#include "fora/result.h"

namespace fora::query {

// Date: oldest first; DateDesc: newest first; either way the entries without a date last.
enum class Sort { Relevance, Date, DateDesc };

struct SearchOptions {
  std::string query;       // as the user typed it
  std::size_t limit = 20;  // results to return
  std::size_t offset = 0;  // results to skip
  Sort sort = Sort::Relevance;
  bool natural = true;     // allow the natural-language reading
  // Unix seconds "now", against which relative dates ("date:7d", "last week") are read;
  // 0: the system's clock.
  std::int64_t now = 0;
  // Count every match (Xapian visits them all). Off, the search checks the first thousand
  // matches or so and skips those that cannot reach the best offset + limit; the total is
  // exact when Xapian's bounds on it meet (most questions with fewer matches than that), else
  // Xapian's estimate, which can be off by a factor of a few for phrases.
  bool exact_total = true;
  // Facets to count over the whole match set (which makes the total exact too), and how many
  // values of a facet that is not a period to keep.
  std::vector<Facet> facets;
  std::size_t facet_limit = 10;
  // With facets: count them over the first this many matches Xapian checks, not all of them
  // (a page that must answer in tens of milliseconds); 0: every match. The total is then an
  // estimate, and SearchResult::facets_sampled says when the counts cover only part.
  std::size_t facet_sample = 0;
  // One hit per thread, its best match, with how many matches the thread holds
  // (Hit::thread_hits); the total counts threads. Every match is checked.
  bool by_thread = false;
  bool explain = false;  // fill SearchResult::explanation
  // Only the matches written by this author, the name exactly as written: a name from the
  // data (fora authors), never read as query text.
  std::optional<std::string> author;
  // Groups of words that mean the same, expanded in the query (synonyms.h); none when null.
  // Owned by the caller.
  const Synonyms* synonyms = nullptr;
};

// One term of a parsed query, read back: the field it searches ("author", "year", "own", …)
// and the value ("edward", "2022-12", "soyuz (stem)").
struct ReadTerm {
  std::string field, value, term;
};

// How a search read its query (SearchOptions::explain).
struct Explanation {
  std::string xapian;           // the parsed query as Xapian describes it
  std::vector<ReadTerm> terms;  // each of its terms, in Xapian's order
};

// A byte range of Snippet::text that matched the query.
struct Span {
  std::size_t begin = 0, length = 0;
};

struct Snippet {
  std::string text;              // plain UTF-8, no control characters, may start/end with "…"
  std::vector<Span> highlights;  // in order, non-overlapping
};

// The first `max_bytes` of `text` (cut at a word boundary, ending in "…"), no highlights: a
// hit's snippet when no word of the query is in its text, and `fora show`'s excerpts.
Snippet leading_snippet(std::string_view text, std::size_t max_bytes);

struct Hit {
  std::int64_t id = 0;         // catalog id (fora show ID)
  std::string type;            // "post" or "comment"
  std::string author;
  std::int64_t date = 0;       // Unix seconds UTC; 0 when unknown
  std::string date_precision = "exact";  // how much of the date the page gave (see show --json)
  std::string site;
  std::string thread_title;
  std::string url;             // with #comment-N anchor for comments
  Snippet snippet;
  double score = 0;
  std::int64_t thread_id = 0;    // catalog id of its thread (`thread:ID`)
  std::int64_t thread_hits = 0;  // SearchOptions::by_thread: the thread's matches, this one too
  // The catalog's entry the fields above were read from, whole and as stored (control
  // characters and all); absent when the catalog lacks the id.
  std::optional<archive::StoredEntry> entry;
};

struct SearchResult {
  std::string reading;          // the query as fora read it (natural form, synonyms)
  bool rewritten = false;       // true when either changed the query
  std::int64_t total = 0;       // number of matches: exact, or an estimate (total_exact)
  bool total_exact = true;
  bool by_thread = false;       // hits are threads' best (SearchOptions::by_thread or the question)
  std::vector<Hit> hits;
  std::vector<FacetResult> facets;  // in the order SearchOptions::facets asked for them
  bool facets_sampled = false;       // the counts cover the first facet_sample matches only
  std::optional<Explanation> explanation;
  // What the reader should know of how the question was read ("Edward" is one author's name
  // and the start of another's; the authors are counted; one result per thread).
  std::vector<std::string> notes;
  // When nothing matched: the question with its unknown words and names corrected from the
  // index's own terms ("did you mean").
  std::optional<std::string> suggestion;
};

class Searcher {
 public:
  // Where a hit's fields and snippet text come from: the entry with a catalog id, as now
  // stored (archive::ThreadStore::entry). The index holds the id alone (fields.h); NotFound
  // makes a hit that shows its id only.
  using EntryLookup = std::function<Result<archive::StoredEntry>(std::int64_t id)>;

  // Opens the current generation under `index_dir`. Errors: NotFound (never indexed; hint:
  // run `fora index`), Corrupt. `entries` is called for every hit returned.
  static Result<Searcher> open(const std::filesystem::path& index_dir, EntryLookup entries);
  Searcher(Searcher&&) noexcept;
  Searcher& operator=(Searcher&&) noexcept;
  ~Searcher();

  // Errors: InvalidArgument for a malformed query (message says what and where).
  Result<SearchResult> search(const SearchOptions& options) const;

  // The generation this Searcher reads (the folder `current` named when it was opened).
  const std::filesystem::path& generation() const;
  // Reads the latest commit of that generation (an update's delta), for a Searcher kept open
  // across questions. Errors: Corrupt, Io.
  Status refresh();

 private:
  struct Impl;
  explicit Searcher(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace fora::query
