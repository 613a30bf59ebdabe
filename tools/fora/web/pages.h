// The pages of `fora serve`, one function each, and what they share. Every page has its JSON
// form (`?format=json`): the records the CLI prints for the same thing (records.h), as JSON
// lines. Addresses name catalog ids, never result ranks, so a bookmark survives reindexing.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "context.h"
#include "http_server.h"
#include "records.h"

namespace fora::web {

// Pages of results are 20 long; no page starts past this many results.
inline constexpr std::size_t kPageSize = 20;
inline constexpr std::size_t kDeepestResult = 10000;
inline constexpr std::size_t kLongestQuery = 1000;
// The search page counts its facets over this many matches at most.
inline constexpr std::size_t kFacetSample = 10000;

// /search?q=…&sort=relevance|date|-date&page=N (and /, the empty search box).
Response search_page(const cli::Context& ctx, const Request& request);
// /thread/ID?hit=ENTRY: every entry in page order, indented by reply depth.
Response thread_page(const cli::Context& ctx, std::int64_t thread_id, const Request& request);
// /entry/ID: one entry, its versions as word diffs, its place in the thread.
Response entry_page(const cli::Context& ctx, std::int64_t id, const Request& request);

// /entry/ID/page: the stored page the entry was read from, inert (archived_page.cc).
Response archived_page(const cli::Context& ctx, std::int64_t id);
// /page?url=URL: the archive's latest copy of a page, inert; where a stored page's links go.
Response archived_page(const cli::Context& ctx, const Request& request);
// The capture an entry was read from: its page's latest, else its thread's first page's;
// nullopt when the archive holds neither.
Result<std::optional<std::int64_t>> entry_capture(const archive::Archive& archive, const archive::StoredEntry& e);
// /author/NAME: their posts and comments by date, threads, activity by month.
Response author_page(const cli::Context& ctx, const std::string& name, const Request& request);
// /status: what the archive holds, per site, and the last runs; /site/HOST: a site's threads.
Response status_page(const cli::Context& ctx, const Request& request);
Response site_page(const cli::Context& ctx, const std::string& site, const Request& request);

// A hit as the search and author pages list it: thread title, author, kind, date, snippet.
std::string hit_html(const query::Hit& hit);
// An author's name linking to their page ("(no author)" without a link).
std::string author_link(const std::string& name);

// A page saying what went wrong, with its status.
Response error_page(unsigned status, std::string_view message);
// A fora error as a page: 404 for NotFound, 503 for an archive or index not there yet, else 500.
Response error_page(const Error& error);

bool wants_json(const Request& request);
// The `page` asked for (1 when none). Errors: InvalidArgument (a 400 page) for one that is
// not a number from 1 to the last page before kDeepestResult.
Result<std::size_t> page_asked(const Request& request);
// Page `page_number` of a listing read newest first, its question taken as written (the
// author and site pages).
query::SearchOptions newest_first(std::size_t page_number);
// The newer/older links of a paged page at `here` (an address without a query).
std::string paging_links(std::string_view here, std::size_t page_number, std::int64_t total);
// A value for a quoted field of the query (author:"…", site:"…"): its quotes made spaces, as
// a quote cannot be written inside one.
std::string quoted_value(std::string_view value);
// The records as JSON lines (application/x-ndjson).
Response json_response(const std::vector<cli::Record>& records);

}  // namespace fora::web
