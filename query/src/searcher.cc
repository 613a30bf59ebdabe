// Searcher: opens the current index generation and runs fora's query language over it.
// The index finds and counts; what a result shows is read from the catalog for the hits
// returned alone (a document holds only its entry's id), so a search costs `limit` catalog
// reads however many documents match.
#include "fora/query/searcher.h"

#include <algorithm>
#include <charconv>
#include <ctime>
#include <optional>
#include <fmt/format.h>

#include <xapian.h>

#include "fora/indexer/fields.h"
#include "fora/indexer/generation.h"
#include "fora/indexer/xapian_error.h"
#include "facet_counter.h"
#include "natural_form.h"
#include "suggest.h"
#include "query_language.h"
#include "snippet.h"

namespace fora::query {
namespace fs = std::filesystem;
namespace {

constexpr std::size_t kSnippetBytes = 200;
constexpr Xapian::doccount kCountUpTo = 1000;  // matches a search checks when not asked to count them all

// Without SNIPPET_BACKGROUND_MODEL: it weighs every word of the text by its frequency in the
// index, a term lookup each (at 1,000,000 entries, 650 of the 935 postlist blocks that a
// rare word's search read), to choose among windows that all hold the query's words anyway.
Snippet make_snippet(const Xapian::MSet& mset, const std::string& text) {
  if (text.empty()) return {};
  std::string marked =
      mset.snippet(text, kSnippetBytes, Xapian::Stem("english"),
                   Xapian::MSet::SNIPPET_EXHAUSTIVE,
                   std::string(kHighlightStart), std::string(kHighlightEnd), "\u2026");
  Snippet s = snippet_from_marked(marked);
  // No word of the query in the text (a search by author, say): the text's beginning.
  return s.highlights.empty() ? leading_snippet(text, kSnippetBytes) : s;
}

// `text` with control characters (C0, DEL, C1) removed; tabs and newlines become spaces.
std::string without_controls(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c == '\t' || c == '\n' || c == '\r') {
      out += ' ';
    } else if (c < 0x20 || c == 0x7f) {
      continue;
    } else if (c == 0xc2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(text[i + 1]) <= 0x9f) {
      ++i;  // a C1 control (U+0080..U+009F) in UTF-8
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

// The words a hit's snippet is cut from: the writer's own, or the quoted ones when the entry
// has no words of its own.
std::string snippet_source(const archive::StoredEntry& e) {
  if (!e.entry.text.empty() || e.entry.quotes.empty()) return e.entry.text;
  std::string joined;
  for (const auto& q : e.entry.quotes) {
    if (!joined.empty()) joined += ' ';
    joined += q.text;
  }
  return joined;
}

Result<Hit> make_hit(const Xapian::MSet& mset, const Xapian::MSetIterator& it, const Searcher::EntryLookup& entries) {
  Hit hit;
  hit.score = it.get_weight();
  const std::string data = it.get_document().get_data();
  const char* end = data.data() + data.size();
  if (auto [at, ec] = std::from_chars(data.data(), end, hit.id); ec != std::errc() || at != end)
    return hit;  // unreadable data: the hit still counts, shows little
  auto e = entries(hit.id);
  if (!e) {
    if (e.error().code == Errc::NotFound) return hit;  // an index ahead of its catalog: the id alone
    return e.error();
  }
  hit.type = without_controls(e->kind);
  hit.author = without_controls(e->entry.author);
  hit.date = e->entry.published.value_or(0);
  hit.date_precision = extract::precision_name(e->entry.precision);
  hit.site = without_controls(e->site);
  hit.thread_title = without_controls(e->thread_title);
  hit.url = without_controls(e->entry.url);
  hit.thread_id = e->thread_id;
  hit.snippet = make_snippet(mset, without_controls(snippet_source(*e)));
  hit.entry = std::move(*e);
  return hit;
}

// The query to run: `query` without the copies marked replaced, and with the Z form of each
// of its word stems, optional (AND_MAYBE: they never match, no document holds them). The
// index holds stems without Xapian's Z prefix (TermGenerator::STEM_ALL), while MSet::snippet()
// highlights a word of the text when the query holds it as written or as Z + its stem.
Xapian::Query query_to_run(const Xapian::Query& query) {
  std::vector<Xapian::Query> z_forms;
  for (auto t = query.get_unique_terms_begin(); t != query.get_unique_terms_end(); ++t) {
    const std::string& term = *t;
    const indexer::FieldInfo& field = indexer::field_info(indexer::field_of_term(term));
    if (field.boolean || term.size() == field.prefix.size()) continue;  // free text's terms are stems
    z_forms.emplace_back("Z" + term.substr(field.prefix.size()));
  }
  Xapian::Query run(Xapian::Query::OP_AND_NOT, query,
                    Xapian::Query(Xapian::Query::OP_VALUE_GE, indexer::kReplacedSlot, "1"));
  if (z_forms.empty()) return run;
  return Xapian::Query(Xapian::Query::OP_AND_MAYBE, run,
                       Xapian::Query(Xapian::Query::OP_OR, z_forms.begin(), z_forms.end()));
}

// `term` read back through the schema: the field whose prefix it carries
// (indexer::field_of_term) and its value as a person would write it.
ReadTerm read_term(const std::string& term) {
  const indexer::FieldInfo* best = &indexer::field_info(indexer::field_of_term(term));
  std::string value = term.substr(best->prefix.size());
  if (!value.empty() && value[0] == ':') value.erase(0, 1);
  std::string field(best->name);
  switch (best->field) {
    case indexer::Field::Year: field = "year"; break;
    case indexer::Field::Month:
      field = "month";
      if (value.size() == 6) value.insert(4, "-");
      break;
    case indexer::Field::Day:
      field = "day";
      if (value.size() == 8) value.insert(6, "-").insert(4, "-");
      break;
    case indexer::Field::Id: field = "id"; break;
    default: break;
  }
  if (!best->boolean) value += " (stem)";
  return {field, value, term};
}

void set_sort(Xapian::Enquire& enquire, Sort sort) {
  switch (sort) {
    case Sort::Relevance:  // ties (e.g. pure filters) newest first
      enquire.set_sort_by_relevance_then_value(indexer::kDateSlot, true);
      break;
    case Sort::Date: {
      // An entry without a date sorts as if after every date, not before the oldest.
      static struct OldestFirst {
        Xapian::MultiValueKeyMaker key;
        OldestFirst() { key.add_value(indexer::kDateSlot, false, "\xff"); }
      } oldest_first;
      enquire.set_sort_by_key_then_relevance(&oldest_first.key, false);
      break;
    }
    case Sort::DateDesc:
      enquire.set_sort_by_value_then_relevance(indexer::kDateSlot, true);
      break;
  }
}

}  // namespace

struct Searcher::Impl {
  fs::path path;
  Xapian::Database db;
  EntryLookup entries;
  bool all_local = true;  // no shard is remote: fora's own match spies may run (facet_counter.h)

  Result<SearchResult> run(const SearchOptions& options);
  // The search of `text` (read already) into `result`.
  Status answer(const SearchOptions& options, const std::string& text, SearchResult& result);
  // The names, as written, of the authors whose name starts with `name` and a space.
  std::vector<std::string> longer_author_names(std::string_view name) const;
};

std::vector<std::string> Searcher::Impl::longer_author_names(std::string_view name) const {
  std::vector<std::string> names;
  const std::string prefix = indexer::boolean_term(indexer::Field::Author, name) + " ";
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix) && names.size() < 10; ++t) {
    auto p = db.postlist_begin(*t);
    if (p != db.postlist_end(*t)) names.push_back(db.get_document(*p).get_value(indexer::kAuthorSlot));
  }
  return names;
}

Result<SearchResult> Searcher::Impl::run(const SearchOptions& options) {
  SearchResult result;
  Reading reading{options.query, false, std::nullopt, false, {}};
  if (options.natural) {
    const KnownAuthors known{
        [&](std::string_view name) { return db.term_exists(indexer::boolean_term(indexer::Field::Author, name)); },
        [&](std::string_view name) { return longer_author_names(name); }};
    reading = read_natural(options.query, known);
  }
  if (options.synonyms && !options.synonyms->empty()) {
    std::string expanded = options.synonyms->expand(reading.query);
    reading.rewritten = reading.rewritten || expanded != reading.query;
    reading.query = std::move(expanded);
  }
  result.reading = reading.query;
  result.rewritten = reading.rewritten;
  result.notes = reading.notes;
  // What the question asks for beyond its matches: the author counts ("who wrote most about
  // …", the counts alone), one result per thread ("threads about …").
  SearchOptions asked = options;
  if (reading.count_by && asked.facets.empty()) {
    asked.facets = {*reading.count_by};
    asked.limit = 0;
    result.notes.push_back(fmt::format("counted by {}, most first", facet_name(*reading.count_by)));
  }
  if (reading.by_thread && !asked.by_thread) {
    asked.by_thread = true;
    result.notes.push_back("one result per thread");
  }
  auto answered = answer(asked, reading.query, result);
  if (answered && result.total == 0) result.suggestion = suggest(db, options.query, options.natural);
  if (!answered) return answered.error();
  return result;
}

Status Searcher::Impl::answer(const SearchOptions& options, const std::string& text, SearchResult& result) {
  QueryLanguage language(db, options.now != 0 ? options.now : static_cast<std::int64_t>(std::time(nullptr)));
  auto query = language.parse(text);
  if (!query) return query.error();
  if (options.explain) {
    Explanation explained{query->get_description(), {}};
    for (auto t = query->get_unique_terms_begin(); t != query->get_unique_terms_end(); ++t)
      explained.terms.push_back(read_term(*t));
    result.explanation = std::move(explained);
  }

  if (options.author) {
    // The term folds case; the slot holds the name as written.
    const Xapian::Query by(Xapian::Query::OP_AND,
                           Xapian::Query(indexer::boolean_term(indexer::Field::Author, *options.author)),
                           Xapian::Query(Xapian::Query::OP_VALUE_RANGE, indexer::kAuthorSlot, *options.author,
                                         *options.author));
    *query = Xapian::Query(Xapian::Query::OP_FILTER, *query, by);
  }

  Xapian::Enquire enquire(db);
  // Copies of entries indexed again since the generation was built are marked, not removed.
  enquire.set_query(query_to_run(*query));
  set_sort(enquire, options.sort);
  // Checking every document makes the count exact; checking fewer lets Xapian skip
  // documents that cannot reach the best offset + limit. Checking kCountUpTo costs little
  // more (0.1 to 1 ms at 200,000 entries) and makes the total of most narrow questions exact.
  const auto offset = static_cast<Xapian::doccount>(options.offset);
  const auto limit = static_cast<Xapian::doccount>(options.limit);
  // Facets need every match seen, as an exact total does. Counted on a match of their own
  // when the hits are threads: Xapian's spies see no collapsed match.
  std::optional<FacetCounter> facets;
  std::optional<Xapian::Enquire> facet_enquire;
  if (!options.facets.empty()) {
    if (options.by_thread) {
      facet_enquire.emplace(db);
      facet_enquire->set_query(enquire.get_query());
    }
    facets.emplace(facet_enquire ? *facet_enquire : enquire, options.facets, options.facet_limit, all_local);
  }
  // Threads: one hit each (its best match), collapsed on the thread's slot.
  if (options.by_thread) enquire.set_collapse_key(indexer::kThreadSlot);
  result.by_thread = options.by_thread;
  const auto sample = static_cast<Xapian::doccount>(options.facet_sample);
  const bool every_match = options.exact_total || (facets && sample == 0) || options.by_thread;
  const Xapian::doccount check = every_match ? db.get_doccount() : std::max({offset + limit, kCountUpTo, sample});
  Xapian::MSet mset = enquire.get_mset(offset, limit, check);
  if (facet_enquire) facet_enquire->get_mset(0, 0, db.get_doccount());
  if (facets) result.facets = facets->results();
  result.facets_sampled = facets && facets->seen() < mset.get_matches_upper_bound();
  result.total = static_cast<std::int64_t>(mset.get_matches_estimated());
  result.total_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
  if (options.by_thread) {
    // Every match was checked, so the collapser saw every thread: its lower bound is their
    // number (the estimate and upper bound stay loose; measured at 200,000 entries: 6,371
    // threads against an estimate of 8,000).
    result.total = static_cast<std::int64_t>(mset.get_matches_lower_bound());
    result.total_exact = true;
  }
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    auto hit = make_hit(mset, it, entries);
    if (!hit) return hit.error();
    if (options.by_thread) hit->thread_hits = static_cast<std::int64_t>(it.get_collapse_count()) + 1;
    result.hits.push_back(std::move(*hit));
  }
  return ok();
}

namespace {

Error damaged_index(std::string_view doing, const fs::path& path, const std::string& what) {
  return make_error(Errc::Corrupt, fmt::format("{} {}: the index is damaged ({})", doing, path.string(), what),
                    "rebuild the index with `fora index --rebuild`");
}

}  // namespace

Result<Searcher> Searcher::open(const fs::path& index_dir, EntryLookup entries) {
  auto path = indexer::current_generation_path(index_dir);
  if (!path) return path.error();
  try {
    auto impl = std::make_unique<Impl>(Impl{*path, Xapian::Database(path->string()), std::move(entries)});
    if (indexer::has_generation_stub(*path)) {
      auto shards = indexer::read_generation_stub(*path);
      if (!shards) return shards.error();
      impl->all_local = std::none_of(shards->begin(), shards->end(), [](const auto& s) { return s.remote(); });
    }
    std::string schema = impl->db.get_metadata(std::string(indexer::kSchemaKey));
    if (schema != std::to_string(indexer::kIndexSchemaVersion))
      return make_error(Errc::Corrupt,
                        "index " + path->string() + " has schema '" + schema +
                            "', this fora reads schema " +
                            std::to_string(indexer::kIndexSchemaVersion),
                        "rebuild the index with `fora index --rebuild`");
    return Searcher(std::move(impl));
  } catch (const Xapian::DatabaseModifiedError& e) {
    // Opening reads the latest revision, which no writer can discard meanwhile: damage.
    return damaged_index("opening the index", *path, e.get_msg());
  } catch (const Xapian::DatabaseNotFoundError& e) {
    // The generation folder exists (current_generation_path() checked): its stub or one of
    // the databases it names is damaged or missing.
    return damaged_index("opening the index", *path, e.get_msg());
  } catch (const Xapian::Error& e) {
    return indexer::from_xapian(e, "opening the index", *path);
  } catch (const std::exception& e) {
    return damaged_index("opening the index", *path, e.what());
  }
}

Result<SearchResult> Searcher::search(const SearchOptions& options) const {
  // A writer committing meanwhile can invalidate what we read: reopen once and retry.
  for (int attempt = 0;; ++attempt) {
    try {
      return impl_->run(options);
    } catch (const Xapian::WildcardError&) {
      return too_broad();
    } catch (const Xapian::DatabaseModifiedError& e) {
      // Again after a reopen: no writer is that fast; the revision read is damaged.
      if (attempt > 0) return damaged_index("searching", impl_->path, e.get_msg());
      impl_->db.reopen();
    } catch (const Xapian::Error& e) {
      return indexer::from_xapian(e, "searching", impl_->path);
    } catch (const std::exception& e) {
      // A damaged index can make Xapian ask for absurd sizes (std::bad_alloc, length_error).
      return damaged_index("searching", impl_->path, e.what());
    }
  }
}

const fs::path& Searcher::generation() const { return impl_->path; }

Status Searcher::refresh() {
  try {
    impl_->db.reopen();
    return ok();
  } catch (const Xapian::Error& e) {
    return indexer::from_xapian(e, "reopening the index", impl_->path);
  }
}

Searcher::Searcher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Searcher::Searcher(Searcher&&) noexcept = default;
Searcher& Searcher::operator=(Searcher&&) noexcept = default;
Searcher::~Searcher() = default;

}  // namespace fora::query
