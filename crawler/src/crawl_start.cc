#include "crawl_start.h"

#include "fora/crawler/revisit.h"

namespace fora::crawler::detail {
namespace {

// An update: finds the sites it looks at (those of its start URLs, and every other site of
// the archive within its scope: a --scope domain crawl takes in more hosts), and queues
// their pages whose schedule says they are due.
Status queue_due(archive::Archive& archive, const CrawlOptions& options, const Scope& scope, std::int64_t now,
                 Opening& opening) {
  for (const Url& url : scope.start_urls()) opening.update_origins.emplace(url.origin());
  auto sites = archive.queue().site_crawls();
  if (!sites) return sites.error();
  for (const auto& site : *sites)
    for (const char* scheme : {"http://", "https://"})
      if (auto root = Url::parse(scheme + site.origin + "/"); root && scope.in_scope(*root))
        opening.update_origins.insert(site.origin);
  for (const std::string& origin : opening.update_origins) {
    auto due = archive.queue().queue_due_pages(origin, due_until(now, options.revisit), options.revisit.min_seconds,
                                        options.revisit.max_seconds);
    if (!due) return due.error();
    opening.due += *due;
  }
  return ok();
}

// Takes up what an interrupted crawl had found but not fetched: each site's first window
// now, the rest as the window empties.
Status requeue_unfinished(archive::Archive& archive, const Scope& scope, LinkFilter& filter, std::size_t window,
                          Opening& opening) {
  auto count = archive.queue().count_queued();
  if (!count) return count.error();
  opening.resumed = *count - opening.due;
  auto sites = archive.queue().sites_with_queued_pages();
  if (!sites) return sites.error();
  for (const std::string& origin : *sites) {
    auto queued = archive.queue().queued_pages(origin, window);
    if (!queued) return queued.error();
    for (const auto& page : *queued) {
      auto url = Url::parse(page.url);
      if (!url || !scope.in_scope(*url)) continue;
      filter.mark(*url);
      if (queued->size() >= window) opening.overflowing.push_back(*url);
      opening.first.emplace_back(std::move(*url), ToFetch{page.depth, page.etag, page.last_modified, page.hops});
    }
  }
  return ok();
}

}  // namespace

Result<Queued> queue_page(archive::Archive& archive, const std::string& url, std::int64_t now, int depth, int hops,
                          ToFetch* validators, bool only_new) {
  auto added = archive.queue().add_page(url, now, depth, hops);
  if (!added) return added.error();
  if (*added) return Queued::New;
  auto state = archive.queue().page_state(url);
  if (!state) return state.error();
  if (!*state || **state != archive::PageState::Queued) {
    if (only_new) return Queued::No;
    FORA_TRY(archive.queue().set_page_state(url, archive::PageState::Queued, "", now));
  }
  if (validators != nullptr) {
    auto last = archive.captures().last_capture(url);
    if (!last) return last.error();
    if (*last) {
      validators->etag = (*last)->etag;
      validators->last_modified = (*last)->last_modified;
    }
  }
  return Queued::Again;
}

Result<Opening> open_crawl(archive::Archive& archive, const CrawlOptions& options, const Scope& scope,
                           LinkFilter& filter, std::size_t window, Copies& copies, std::int64_t now) {
  Opening opening;
  opening.since = now;
  std::vector<std::string> start_urls;
  for (const Url& url : scope.start_urls()) start_urls.push_back(url.str());
  auto mark = archive.queue().crawl_mark();
  if (!mark) return mark.error();
  // A mark of the same start URLs is a crawl this one resumes: it counts from when that one
  // first began (when known: an older fora's mark has no time), in what it marks gone and
  // what it takes as visited already.
  opening.resuming = *mark && (*mark)->start_urls == start_urls;
  if (opening.resuming && (*mark)->since > 0) opening.since = (*mark)->since;
  FORA_TRY(archive.queue().mark_crawl_open({start_urls, opening.since}));
  if (options.update) FORA_TRY(queue_due(archive, options, scope, now, opening));
  if (opening.resuming || options.update) FORA_TRY(requeue_unfinished(archive, scope, filter, window, opening));
  for (const Url& url : scope.start_urls()) {
    if (!filter.mark(url)) continue;
    ToFetch how;  // depth 0
    auto fetch = queue_page(archive, url.str(), now, 0, 0, &how, false);
    if (!fetch) return fetch.error();
    if (*fetch != Queued::No) opening.first.emplace_back(url, std::move(how));
  }
  // The pages this crawl could reach that the archive holds: the same bytes under a new URL
  // are a copy of those too. (Another site's are not: a crawl of a mirror reads it whole.)
  FORA_TRY(archive.captures().for_each_first_payload([&](std::string_view sha256, std::string_view url) {
    if (auto page = Url::parse(url); page && scope.in_scope(*page)) copies.seen_elsewhere(url, sha256);
  }));
  return opening;
}

Status close_crawl(archive::Archive& archive, bool complete) { return complete ? archive.queue().mark_crawl_closed() : ok(); }

}  // namespace fora::crawler::detail
