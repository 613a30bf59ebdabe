// crawl(): fetches a site into an archive, in three stages on their own threads:
//   the event loop (the calling thread): a Boost.Asio io_context driving libcurl's multi
//     interface, the frontier and per-host politeness; it only moves bytes;
//   the workers (`jobs` threads): each response parsed once, its thread extracted, its links
//     admitted (scope, traps, seen), its WARC record compressed;
//   the writer (one thread): catalog rows and snapshot frames, committed in batches.
// The loop takes no new request while the workers and the writer hold enough work, so memory
// stays bounded. robots.txt is read first for each host; links are followed within the start
// URLs' hosts; crawl traps are skipped.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "fora/archive/archive.h"
#include "fora/crawler/fetcher.h"
#include "fora/crawler/revisit.h"
#include "fora/crawler/scope.h"
#include "fora/extract/extractor.h"
#include "fora/extract/page_limits.h"
#include "fora/result.h"

namespace fora::crawler {

// One request's end, for logs: what was asked, what came back, what the crawl did with it.
struct FetchEvent {
  std::string url;
  int status = 0;          // HTTP status; 0 when no response came (network error, robots.txt)
  std::size_t bytes = 0;   // body bytes received
  double ms = 0;           // from the request's start to its answer
  std::string outcome;     // "thread page", "page", "no reader", "robots.txt", "redirect",
                           // "sitemap or feed", "stored", "error: …", "disallowed by robots.txt",
                           // "trap: …"
};

struct CrawlOptions {
  std::vector<std::string> start_urls;   // absolute http(s) URLs
  ScopeRules scope;                      // how far from them (default: their hosts)
  double delay_seconds = 1.0;            // minimum time between two requests to one host
  std::string user_agent = "fora/0.1";   // sent, and matched against robots.txt groups
  std::int64_t max_pages = 0;            // stop after this many fetches; 0 = no limit
  int max_depth = 0;                     // follow links this many hops from a start URL; 0 = any
  double robots_max_age_seconds = 86400; // robots.txt is fetched again when older (RFC 9309: 24 h)
  long timeout_seconds = 30;             // per request
  std::size_t max_body_bytes = extract::kMaxPageBytes;  // larger responses are cut off and marked failed
  unsigned jobs = 0;                     // worker threads; 0 = one per core
  std::size_t connections = 16;          // requests in flight in all
  std::size_t per_host = 4;              // requests in flight to one host (and the delay)
  // A timeout, a reset, a 5xx or a 429 is asked again this many times, after
  // retry_base_seconds × 2^(n-1), ±50% (at least Retry-After, when the server says; a
  // Retry-After above max_retry_after_seconds ends the page's retries at once).
  // URLs of one host kept in memory (queued or under way); the rest wait in the catalog.
  std::size_t frontier_window = 1000;
  int retries = 2;
  double retry_base_seconds = 1.0;
  double max_retry_after_seconds = 600;
  // Every page fetched gets a revisit schedule within these bounds (revisit.h).
  RevisitBounds revisit;
  // An update (`fora update`) instead of a crawl: the start URLs are asked again, and of the
  // pages the archive holds only those due by their schedule, or that something says
  // changed: a listing row never seen before that links to them, or another page of their
  // thread that changed. Pages never seen are crawled in full.
  bool update = false;
  // Called on the calling thread after each request ends and its page is stored (or is
  // refused by robots.txt); may be empty.
  std::function<void(const FetchEvent&)> on_fetch;
  // Called on the calling thread with a line naming a stored copy found damaged (its
  // capture, segment and offset) and what the crawl did instead; may be empty.
  std::function<void(const std::string&)> on_damage;
  // Unix seconds now, for what the catalog records and schedules; empty: the system's clock.
  // (Tests fix it; requests are still paced by the steady clock.)
  std::function<std::int64_t()> clock;
};

struct CrawlProgress {
  std::int64_t fetched = 0;      // responses received (any status)
  std::int64_t queued = 0;       // URLs waiting
  std::int64_t failed = 0;       // network errors and HTTP >= 400
  std::int64_t disallowed = 0;   // URLs skipped because robots.txt forbids them
  std::int64_t threads = 0;      // thread pages extracted
  std::int64_t comments = 0;     // comments seen on those pages
  std::int64_t unread = 0;       // HTML pages no reader claims (their links are still followed)
  std::int64_t read_in_part = 0; // HTML pages read only in part (nested too deep, too large to
                                 // read whole); the fetch log says what was cut
  std::int64_t resumed = 0;      // pages an interrupted crawl had queued, taken up again
  std::int64_t gone = 0;         // posts and comments missing from pages read whole (at the end)
  std::int64_t due = 0;          // an update: pages queued because their schedule said so
  std::int64_t signalled = 0;    // an update: pages queued because a listing or their thread changed
  std::int64_t changed = 0;      // pages that showed something new (a schedule's "changed")
  std::int64_t traps = 0;        // crawl traps met: redirect chains cut after 20 hops
  std::int64_t damaged = 0;      // stored copies behind a 304 found damaged (the page asked for again whole)
  std::int64_t bytes = 0;        // body bytes received
  std::int64_t hosts = 0;        // hosts met so far
  std::int64_t hosts_waiting = 0;  // of them, waiting for their robots.txt
  std::int64_t hosts_slowed = 0;   // of them, slowed down by a 429 or 503
  std::string last_url;
};

// Runs until the frontier is empty, `max_pages` is reached or `stop` becomes true (then the
// requests under way are abandoned, what the workers and the writer hold is stored and
// committed, and the result is Cancelled). When the crawl before it did not run dry
// (killed, stopped, limited), it resumes that one: what was fetched is not fetched again,
// what was queued is queued again. A crawl after a complete one asks for every page again
// (a refresh), with the validators of its stored copy, so an unchanged page answers 304;
// an update asks only for what is due (CrawlOptions::update).
// Errors: InvalidArgument (a start URL that is not absolute http/https, a bad --include or
// --exclude pattern), Io and Corrupt (the archive), which end the crawl.
Result<CrawlProgress> crawl(archive::Archive& archive, const extract::Extractor& extractor,
                            const CrawlOptions& options,
                            const std::function<void(const CrawlProgress&)>& progress,
                            const std::atomic<bool>& stop);

}  // namespace fora::crawler
