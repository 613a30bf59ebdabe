// PageQueue: the crawl's frontier as the archive keeps it, a part of Archive
// (archive.queue()). Every URL a crawl found, its state, when `fora update` visits it
// again, which listing page last showed it (its listings(), listings.h), each site's crawl
// settings, and the mark an unfinished crawl leaves.
// Catalog tables it owns: sites (a row per origin; its crawl settings), pages (the
// frontier: state, depth, hops, revisit schedule, listing), listing_rows, open_crawl (the
// crawl mark). The captures and the thread store add pages and sites through it.
// Used from one thread at a time, like its Archive; writing needs an archive opened for Write.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fora/archive/listings.h"
#include "fora/result.h"

namespace fora::archive {

class Catalog;

// The state of a URL in the crawl frontier.
enum class PageState { Queued, Fetched, Failed, Skipped };

class PageQueue {
 public:
  // --- the frontier ---
  // Records `url` as known (found `depth` links from a start URL, the last `hops` of them
  // redirects in a row); returns true when it is new. Idempotent: a known page keeps its
  // depth and hops.
  Result<bool> add_page(std::string_view url, std::int64_t now, int depth = 0, int hops = 0);
  Status set_page_state(std::string_view url, PageState state, std::string_view reason, std::int64_t now);
  // The state the catalog holds for `url`; nullopt when it was never seen.
  Result<std::optional<PageState>> page_state(std::string_view url) const;
  // The queued URLs (found by a crawl, not yet fetched) of the site `origin`, oldest first,
  // at most `limit` of them, with their depth and hops.
  struct QueuedPage {
    std::string url;
    int depth = 0;
    std::string etag, last_modified;  // of its latest stored copy (a refresh asks with them)
    int hops = 0;                     // redirects in a row that led to it
  };
  Result<std::vector<QueuedPage>> queued_pages(std::string_view origin, std::size_t limit) const;
  // The sites with queued pages, and how many pages are queued in all.
  Result<std::vector<std::string>> sites_with_queued_pages() const;
  Result<std::int64_t> count_queued() const;

  // --- revisits, for `fora update` (revisits.cc) ---
  // When a page is to be visited again: every `interval` seconds, next at `next_visit`.
  struct Schedule {
    std::int64_t interval = 0;
    std::int64_t next_visit = 0;
  };
  // nullopt before its first visit (or for a page fetched before schedules were kept).
  Result<std::optional<Schedule>> page_schedule(std::string_view url) const;
  Status set_page_schedule(std::string_view url, const Schedule& schedule);
  // Queues every page of the site `origin` that is due before `until`: whose next visit
  // comes by then, or whose last visit is `max_interval` old by then (the bounds may have
  // been lowered since), or that was fetched or failed without a schedule; none visited
  // less than `min_interval` before `until`, but those whose interval is 0 (read at every
  // update: sitemaps, feeds). Pages robots.txt refused stay as they are.
  // Returns how many were queued.
  Result<std::int64_t> queue_due_pages(std::string_view origin, std::int64_t until, std::int64_t min_interval,
                                       std::int64_t max_interval);
  // Queues `url` out of turn, when it is known and was not visited since `before` (in this
  // run, or since the time a sitemap says it changed). Returns whether it is queued now.
  Result<bool> requeue_page(std::string_view url, std::int64_t before, std::int64_t now);
  // Whether `url` waits in the queue because requeue_page() put it there.
  Result<bool> page_queued_out_of_turn(std::string_view url) const;

  // --- listings (listings.h) ---
  // Which listing page last showed each page, and the listing rows seen.
  Listings& listings() { return listings_; }

  // --- each site's crawl settings (revisits.cc) ---
  // What `fora update` crawls a site with again: the settings of the crawl that took it in
  // (the CLI's JSON; "" when unknown, for sites crawled before they were kept).
  Status set_site_crawl(std::string_view origin, std::string_view settings, std::int64_t now);
  struct SiteCrawl {
    std::string origin;
    std::string settings;
    std::vector<std::string> start_urls;  // its pages found at depth 0, in id order
  };
  Result<std::vector<SiteCrawl>> site_crawls() const;

  // --- the crawl mark ---
  // A crawl marks itself open when it starts and closed when its frontier runs dry, each
  // durably at once. A crawl that finds its own start URLs still marked open follows one
  // that was killed or stopped, and resumes it, counting from `since`, instead of fetching
  // everything again.
  struct CrawlMark {
    std::vector<std::string> start_urls;  // what names the crawl, in the order given
    std::int64_t since = 0;               // when it first began; 0: not known (an older fora's mark)
    bool operator==(const CrawlMark&) const = default;
  };
  // nullopt: no crawl is open.
  Result<std::optional<CrawlMark>> crawl_mark() const;
  Status mark_crawl_open(const CrawlMark& mark);
  Status mark_crawl_closed();

 private:
  friend class Archive;
  explicit PageQueue(Catalog& catalog) : catalog_(catalog), listings_(catalog) {}
  Catalog& catalog_;
  Listings listings_;
};

}  // namespace fora::archive
