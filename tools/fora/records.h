// The records fora prints for scripts (JSON lines, CSV), each built in one place: every
// command that prints a post or comment, a thread, an author or a facet count builds it
// here, so the same thing has the same fields, named alike, wherever it is printed.
// docs/output.md documents every field of every kind (a test holds the two together).
#pragma once

#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "fora/archive/archive.h"
#include "fora/archive/run_log.h"
#include "fora/archive/thread_store.h"
#include "fora/extract/thread.h"
#include "fora/query/searcher.h"

namespace fora::cli {

// Ordered: a record's fields print in the order its kind lists them.
using Record = nlohmann::ordered_json;

// Format version of every record: the "v" each JSON object starts with.
inline constexpr int kRecordVersion = 1;

// A kind of record: its name (docs/output.md has a section of that name) and every field it
// may hold, in the order printed, "v" first.
struct RecordKind {
  std::string_view name;
  std::vector<std::string_view> fields;
};

// A post or comment as the catalog holds it (extract: as its page shows it, without what only
// the catalog knows).
const RecordKind& entry_kind();
// search: an entry, then "snippet", "score" and "thread_hits".
const RecordKind& hit_kind();
// show: an entry, then "parents" and "replies"; with --history "versions",
// "thread_versions" and "gone"; with --thread "depth" and "shown".
const RecordKind& shown_kind();
// extract: an entry, then "reader".
const RecordKind& extracted_kind();
const RecordKind& facet_kind();   // search --facet: one value's count
const RecordKind& thread_kind();  // threads
const RecordKind& author_kind();  // authors
const RecordKind& stats_kind();   // stats
const RecordKind& run_kind();     // log
// Every kind, for the documentation test.
std::span<const RecordKind* const> record_kinds();

// Every field of entry_kind(), from the catalog.
Record entry_record(const archive::StoredEntry& e);
// Every field of entry_kind(), from a page read by `extract`: the catalog's fields null.
Record entry_record(const extract::Entry& e, std::string_view type, const extract::ThreadPage& thread);
// A hit whose entry the catalog lacks: its id, the rest null.
Record missing_entry_record(std::int64_t id);

// A search hit: its entry (or the id alone), then "snippet" (matches wrapped in **), "score"
// and "thread_hits" (null unless `by_thread`).
Record hit_record(const query::Hit& hit, bool by_thread);
// One value of a facet and its count.
Record facet_record(const query::FacetResult& facet, const query::FacetCount& count);
// A snippet's text with its matches wrapped in `**`.
std::string marked_snippet(const query::Snippet& snippet);

// What the archive holds (`fora stats`).
Record stats_record(const archive::Stats& s);
// One run of a command that wrote to the archive (`fora log`).
Record run_record(const archive::RunRecord& r);

// One version of an entry as its page showed it, and one of a thread (show --history, export).
nlohmann::ordered_json version_record(const archive::EntryVersion& v);
nlohmann::ordered_json thread_version_record(const archive::ThreadVersion& v);

// ISO 8601 UTC ("2024-11-25T15:14:00Z"), or null.
nlohmann::ordered_json utc_or_null(const std::optional<std::int64_t>& unix_seconds);

}  // namespace fora::cli
