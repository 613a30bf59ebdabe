#include "page_store.h"

#include "fora/crawler/revisit.h"

namespace fora::crawler::detail {
namespace {

// Whether `link` is `page` under another query: another page of the same listing.
bool same_listing(const Url& link, const Url& page) {
  const auto path = [](const Url& u) { return u.path_and_query().substr(0, u.path_and_query().find('?')); };
  return link.origin() == page.origin() && path(link) == path(page) && link.str() != page.str();
}

// The newest date a thread page showed (an entry's, or an edit's).
std::optional<std::int64_t> latest_entry(const std::optional<extract::ThreadPage>& page) {
  if (!page) return std::nullopt;
  std::optional<std::int64_t> latest;
  const auto see = [&](const extract::Entry& e) {
    for (const auto& when : {e.published, e.edited})
      if (when && (!latest || *when > *latest)) latest = when;
  };
  if (page->post) see(*page->post);
  for (const auto& c : page->comments) see(c);
  return latest;
}

}  // namespace

Result<bool> keep_page(archive::Archive& a, const std::string& url, const std::string& origin, int status,
                       const std::optional<extract::ThreadPage>& thread,
                       const std::vector<extract::ReplyLink>& reply_links, std::int64_t seen_at, std::int64_t now) {
  if (!reply_links.empty()) FORA_TRY(a.threads().store_reply_links(reply_links, seen_at));
  bool changed = false;
  if (thread) {
    auto stored = a.threads().store_thread_page(origin, *thread, seen_at, url);
    if (!stored) return stored.error();
    changed = *stored;
  }
  if (status == 404 || status == 410) {
    if (auto gone = a.threads().mark_thread_gone(url, now); !gone) return gone.error();
  }
  return changed;
}

Result<bool> reread_page(archive::Archive& a, const extract::Extractor& extractor, const archive::Response& r,
                         std::int64_t seen_at) {
  if (r.status != 200 || !is_html(r.content_type)) return false;
  auto page = extract_response(extractor, r);
  if (!page) return false;
  auto url = Url::parse(r.url);
  if (!url) return url.error();
  auto kept = keep_page(a, r.url, std::string(url->origin()), r.status, page->thread, page->reply_links, seen_at, seen_at);
  if (!kept) return kept.error();
  return page->thread.has_value();
}

PageStore::PageStore(archive::Archive& archive, const CrawlOptions& options, const Scope& scope, LinkFilter& filter,
                     std::size_t window)
    : archive_(archive), options_(options), scope_(scope), filter_(filter), window_(window), signals_(archive, filter) {}

void PageStore::begin(const Opening& opening) {
  since_ = opening.since;
  resuming_ = opening.resuming;
  update_origins_ = opening.update_origins;
}

Result<StoreDecision> PageStore::store(const PageRead& page) {
  const std::int64_t now = this->now();
  ChangeSignals::Before before;
  if (options_.update) {
    auto known = signals_.before_visit(page);
    if (!known) return known.error();
    before = *known;
  }
  if (!page.not_modified) {
    if (!page.capture) return page.capture.error();
    if (auto stored = archive_.captures().store_capture(*page.capture); !stored) return stored.error();
  }
  FORA_TRY(archive_.queue().set_page_state(page.url, archive::PageState::Fetched,
                                   page.not_modified ? "304" : std::to_string(page.status), now));
  auto kept = keep_page(archive_, page.url, page.origin, page.status, page.thread, page.reply_links, page.seen_at, now);
  if (!kept) return kept.error();
  LinksForLoop links(window_, page.link_depth, page.link_hops);
  links.decision().changed = *kept;
  // A newest-first index shows each new entry under an address of its own: in an update
  // its rows add nothing (its older pages are walked only when all it shows is new).
  auto news = options_.update && page.newest_first() ? Result<std::vector<std::string>>(std::vector<std::string>{})
                                                     : listing_news(page);
  if (!news) return news.error();
  if (!news->empty()) links.decision().changed = true;
  std::vector<std::string> said_changed = *news;
  bool own_feed = false;
  if (options_.update) {
    auto read = signals_.after_page(page, before, links.decision().changed, since_, now, said_changed, links);
    if (!read) return read.error();
    own_feed = *read;
  }
  FORA_TRY(queue_links(page, now, links));
  FORA_TRY(note_listing(page, *news, now));
  if (options_.update) FORA_TRY(signals_.queue_said_changed(page, said_changed, since_, now, links));
  if (!page.robots_txt) FORA_TRY(schedule(page, links.decision().changed, own_feed, now));
  return links.take();
}

// The page's links go to the catalog's queue, and those to fetch now to the loop. In an
// update, a newest-first index's older pages (its own address with another query, which new
// entries shift) are walked only when all it links to is new.
Status PageStore::queue_links(const PageRead& page, std::int64_t now, LinksForLoop& links) {
  const bool walk_newest_first = options_.update && page.newest_first();
  bool all_new = true;
  std::vector<const Url*> older;
  const auto queue_link = [&](const Url& url) -> Status {
    ToFetch validators;
    auto fetch = queue_page(archive_, url.str(), now, page.link_depth, page.link_hops, links.full() ? nullptr : &validators,
                            resuming_ || options_.update);
    if (!fetch) return fetch.error();
    if (*fetch == Queued::New && !page.thread) links.decision().changed = true;  // a listing shows a page never seen
    all_new = all_new && *fetch == Queued::New;
    if (*fetch != Queued::No) links.add(url, std::move(validators.etag), std::move(validators.last_modified));
    return ok();
  };
  const auto here = Url::parse(page.url);
  for (const Url& url : page.links) {
    if (walk_newest_first && here && same_listing(url, *here)) {
      older.push_back(&url);
      continue;
    }
    FORA_TRY(queue_link(url));
  }
  if (all_new)
    for (const Url* url : older) FORA_TRY(queue_link(*url));
  return ok();
}

// A listing's rows never seen before: the pages they link to changed. Returns their URLs.
Result<std::vector<std::string>> PageStore::listing_news(const PageRead& page) const {
  std::vector<std::string> news;
  if (page.rows.empty()) return news;
  std::vector<std::uint64_t> hashes;
  hashes.reserve(page.rows.size());
  for (const auto& row : page.rows) hashes.push_back(row.hash);
  auto fresh = archive_.queue().listings().remember_listing_rows(hashes);
  if (!fresh) return fresh.error();
  for (std::size_t i = 0; i < page.rows.size(); ++i)
    if ((*fresh)[i]) news.push_back(page.rows[i].url.str());
  return news;
}

// What a listing shows is noted, after its links are queued (new ones are pages now).
// Entries leave a newest-first index as new ones come, which says nothing of them: what it
// lists is not noted, so an update does not look again at what it no longer shows.
Status PageStore::note_listing(const PageRead& page, const std::vector<std::string>& news, std::int64_t now) {
  if (page.rows.empty() || page.newest_first()) return ok();
  std::vector<std::string> listed;
  for (const auto& row : page.rows) listed.push_back(row.url.str());
  auto newly = archive_.queue().listings().note_listed(page.url, listed, now);
  if (!newly) return newly.error();
  // A listing ordered by activity shows a thread that comes to it (a new one, or one with
  // a new reply from further on) in a row never seen, and pushes its last threads on to its
  // next page: they are listed still, not removed, and are not looked at again.
  const std::set<std::string> fresh(news.begin(), news.end());
  bool came = false;
  for (std::size_t i = 0; i < listed.size(); ++i) came = came || ((*newly)[i] && fresh.count(listed[i]));
  return options_.update && came ? archive_.queue().listings().keep_listed(page.url, now) : ok();
}

// The page's next visit (revisit.h).
Status PageStore::schedule(const PageRead& page, bool changed, bool own_feed, std::int64_t now) {
  auto before = archive_.queue().page_schedule(page.url);
  if (!before) return before.error();
  // A thread's own feed is read when its thread changed, and else as seldom as any page
  // (kOnDemand, which its later visits keep, whatever they find).
  if (own_feed) return archive_.queue().set_page_schedule(page.url, {kOnDemand, now + options_.revisit.max_seconds});
  // Sitemaps and feeds are read at every update: they are made to say what changed.
  const bool on_demand = *before && (*before)->interval == kOnDemand;
  if (page.feed && !on_demand) return archive_.queue().set_page_schedule(page.url, {0, now});
  const bool failed_answer = page.status >= 500 || page.status == 429;
  return archive_.queue().set_page_schedule(
      page.url, next_schedule(*before, failed_answer ? Visit::Failed : changed ? Visit::Changed : Visit::Unchanged,
                              page.thread ? latest_entry(page.thread) : page.newest_date, now, options_.revisit));
}

Status PageStore::refused(const std::string& url) {
  return archive_.queue().set_page_state(url, archive::PageState::Skipped, "robots.txt", now());
}

Status PageStore::failed(const std::string& url, const std::string& reason, bool robots_txt) {
  const std::int64_t now = this->now();
  FORA_TRY(archive_.queue().set_page_state(url, archive::PageState::Failed, reason, now));
  if (robots_txt) return ok();
  auto before = archive_.queue().page_schedule(url);
  if (!before) return before.error();
  return archive_.queue().set_page_schedule(url, next_schedule(*before, Visit::Failed, std::nullopt, now, options_.revisit));
}

Result<archive::Response> PageStore::stored_copy(const std::string& url) {
  auto last = archive_.captures().last_capture(url);
  if (!last) return last.error();
  if (!*last) return make_error(Errc::NotFound, url + ": 304 Not Modified, but no copy is stored");
  const std::int64_t now = this->now();
  FORA_TRY(archive_.captures().touch_capture((*last)->id, now));
  auto copy = archive_.captures().read_capture((*last)->id);
  if (copy) copy->fetched_at = now;
  return copy;
}

Result<std::vector<archive::PageQueue::QueuedPage>> PageStore::queued_pages(const std::string& origin,
                                                                          std::size_t want) {
  return archive_.queue().queued_pages(origin, want);
}

Result<std::vector<archive::PageQueue::QueuedPage>> PageStore::unlisted_pages() {
  std::vector<archive::PageQueue::QueuedPage> pages;
  for (const std::string& origin : update_origins_) {
    auto urls = archive_.queue().listings().requeue_unlisted(origin, since_, now());
    if (!urls) return urls.error();
    for (std::string& page : *urls) {
      auto url = Url::parse(page);
      if (!url || !scope_.in_scope(*url)) continue;
      filter_.mark(*url);
      auto last = archive_.captures().last_capture(page);
      if (!last) return last.error();
      pages.push_back({std::move(page), 1, *last ? (*last)->etag : "", *last ? (*last)->last_modified : ""});
    }
  }
  return pages;
}

}  // namespace fora::crawler::detail
