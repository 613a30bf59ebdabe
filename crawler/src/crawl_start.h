// How a crawl starts and ends, on the caller's thread while no catalog writer runs: the
// crawl mark (a crawl that finds the one before it still open resumes it), the pages an
// update finds due, the queue an interrupted crawl left, the start URLs. Also the one way a
// page joins the catalog's queue (queue_page), which the page store uses for links.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "copies.h"
#include "crawl_host.h"
#include "fora/archive/archive.h"
#include "fora/crawler/crawl.h"
#include "fora/crawler/scope.h"
#include "fora/result.h"
#include "link_filter.h"

namespace fora::crawler::detail {

// Puts `url` (found `depth` links from a start URL, after `hops` redirects in a row) in the
// catalog's queue. A page known from a complete crawl is queued again (a refresh), but not
// when `only_new` (a resumed crawl fetched it, or an update finds it not due). With
// `validators` the validators of its stored copy are read into it, to ask only whether it
// changed.
enum class Queued { No, New, Again };  // not to fetch; never seen before; known
Result<Queued> queue_page(archive::Archive& archive, const std::string& url, std::int64_t now, int depth, int hops,
                          ToFetch* validators, bool only_new);

// What a crawl starts with.
struct Opening {
  // In order: each site's first window of the pages an interrupted crawl (or an update's
  // schedules) left queued, then the start URLs.
  std::vector<std::pair<Url, ToFetch>> first;
  std::vector<Url> overflowing;  // a URL of each host with more queued pages than a window
  std::int64_t due = 0, resumed = 0;  // pages queued by their schedules; left queued before
  std::int64_t since = 0;  // when the crawl began: now, or when the interrupted one it resumes did
  bool resuming = false;   // the crawl before this one, of the same start URLs, did not end
  std::set<std::string> update_origins;  // the sites an update looks at
};

// Marks the crawl open (durably, before anything is fetched, so a kill at any instant
// leaves it set), resuming the one it follows if that did not end; queues what an update
// finds due; tells `copies` the payloads the archive holds of pages in scope. `now`: the
// run's start.
Result<Opening> open_crawl(archive::Archive& archive, const CrawlOptions& options, const Scope& scope,
                           LinkFilter& filter, std::size_t window, Copies& copies, std::int64_t now);
// A crawl whose frontier ran dry (`complete`) is marked closed; others stay open.
Status close_crawl(archive::Archive& archive, bool complete);

}  // namespace fora::crawler::detail
