// PageStore: everything a crawl does with the archive while it runs, on the catalog writer's
// thread (catalog_writer.h), in the jobs the fetch loop posts through the pipeline: it stores what a worker read from a page (PageRead) and
// decides which links the loop fetches now (StoreDecision), records refusals and failures,
// reads stored copies for 304s and queued pages for the hosts' windows, and, at the end of an
// update, finds the pages its listings no longer show. Import and reextract store what they
// read through keep_page(), as a crawl does.
#pragma once

#include <cstdint>
#include <functional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "change_signals.h"
#include "crawl_start.h"
#include "crawl_host.h"
#include "fora/archive/archive.h"
#include "fora/crawler/crawl.h"
#include "fora/crawler/scope.h"
#include "fora/extract/thread.h"
#include "fora/result.h"
#include "link_filter.h"
#include "page_work.h"
#include "store_decision.h"

namespace fora::crawler::detail {

// What a reading of a page puts in the catalog beside its capture: its thread page, its
// reply links, and, for a 404 or 410, that its thread is gone. Returns whether it showed
// something new. Also for import and reextract.
Result<bool> keep_page(archive::Archive& archive, const std::string& url, const std::string& origin, int status,
                       const std::optional<extract::ThreadPage>& thread,
                       const std::vector<extract::ReplyLink>& reply_links, std::int64_t seen_at, std::int64_t now);

// Reads a stored response again as a crawl reads a page it fetched (an HTML page that
// answered 200), and keeps what that gives (keep_page). Returns whether a reader took a
// thread from it. For import and reextract.
Result<bool> reread_page(archive::Archive& archive, const extract::Extractor& extractor,
                         const archive::Response& response, std::int64_t seen_at);

class PageStore {
 public:
  PageStore(archive::Archive& archive, const CrawlOptions& options, const Scope& scope, LinkFilter& filter,
            std::size_t window);

  // Before the writer starts: what the crawl started with (crawl_start.h).
  void begin(const Opening& opening);
  // When the crawl began: this run's start, or that of the interrupted run it resumes.
  std::int64_t since() const { return since_; }

  // --- on the writer's thread ---
  // The capture, the page's state, its thread, and the new links (those an interrupted
  // crawl already fetched are not queued again); in an update, the known pages it says
  // changed; then the page's next visit.
  Result<StoreDecision> store(const PageRead& page);
  // robots.txt refused `url`.
  Status refused(const std::string& url);
  // `url` could not be fetched; a page (not robots.txt) is visited again by its schedule.
  Status failed(const std::string& url, const std::string& reason, bool robots_txt);
  // A 304 for `url`: the visit is recorded, and its stored copy read back (Corrupt when
  // damaged: the page is then asked for again whole).
  Result<archive::Response> stored_copy(const std::string& url);
  // Up to `want` of `origin`'s queued pages, for its window.
  Result<std::vector<archive::PageQueue::QueuedPage>> queued_pages(const std::string& origin, std::size_t want);
  // An update whose frontier ran dry: the pages in scope that a listing it fetched showed
  // before and shows no more, queued (a removed thread answers 404; one moved to a later
  // listing page answers as before). Not those a listing by activity pushed on to its next
  // page when threads came to its top (keep_listed).
  Result<std::vector<archive::PageQueue::QueuedPage>> unlisted_pages();

 private:
  Status queue_links(const PageRead& page, std::int64_t now, LinksForLoop& links);
  Result<std::vector<std::string>> listing_news(const PageRead& page) const;
  Status note_listing(const PageRead& page, const std::vector<std::string>& news, std::int64_t now);
  Status schedule(const PageRead& page, bool changed, bool own_feed, std::int64_t now);
  std::int64_t now() const { return options_.clock(); }

  archive::Archive& archive_;
  const CrawlOptions& options_;
  const Scope& scope_;
  LinkFilter& filter_;
  const std::size_t window_;
  ChangeSignals signals_;
  std::int64_t since_ = 0;  // when the crawl began, in the run it resumes if any
  bool resuming_ = false;  // the crawl before this one, of the same start URLs, did not end
  std::set<std::string> update_origins_;  // the sites an update looks at
};

}  // namespace fora::crawler::detail
