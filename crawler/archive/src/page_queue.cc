// PageQueue: the frontier (sites and pages), and the crawl mark. Revisits, listings and
// each site's crawl settings are in revisits.cc.
#include "fora/archive/page_queue.h"

#include <algorithm>
#include <charconv>

#include "fora/url/url.h"
#include "page_rows.h"

namespace fora::archive {
namespace {

const char* state_name(PageState s) {
  switch (s) {
    case PageState::Queued: return "queued";
    case PageState::Fetched: return "fetched";
    case PageState::Failed: return "failed";
    case PageState::Skipped: return "skipped";
  }
  return "queued";
}

}  // namespace

Result<std::int64_t> site_id(const Catalog& a, std::string_view origin, std::int64_t now) {
  auto ins = a.sql("INSERT INTO sites(origin, first_seen) VALUES(?, ?) ON CONFLICT(origin) DO NOTHING");
  if (!ins) return ins.error();
  FORA_TRY((*ins)->bind(1, origin).bind(2, now).run());
  auto q = a.sql("SELECT id FROM sites WHERE origin = ?");
  if (!q) return q.error();
  FORA_TRY((*q)->bind(1, origin).step());
  return (*q)->int64(0);
}

Result<PageRow> ensure_page(const Catalog& a, std::string_view url, std::int64_t now, int depth, int hops) {
  auto q = a.sql("SELECT id, site_id FROM pages WHERE url = ?");
  if (!q) return q.error();
  auto row = (*q)->bind(1, url).step();
  if (!row) return row.error();
  if (*row) return PageRow{(*q)->int64(0), false, (*q)->int64(1)};
  auto site = site_id(a, url_origin(url), now);
  if (!site) return site.error();
  auto ins = a.sql(
      "INSERT INTO pages(site_id, url, state, discovered_at, updated_at, depth, hops)"
      " VALUES(?, ?, 'queued', ?, ?, ?, ?)");
  if (!ins) return ins.error();
  FORA_TRY((*ins)->bind(1, *site).bind(2, url).bind(3, now).bind(4, now).bind(5, depth).bind(6, hops).run());
  return PageRow{sqlite3_last_insert_rowid(a.db()), true, *site};
}

Result<bool> PageQueue::add_page(std::string_view url, std::int64_t now, int depth, int hops) {
  auto page = ensure_page(catalog_, url, now, depth, hops);
  if (!page) return page.error();
  return page->created;
}

Status PageQueue::set_page_state(std::string_view url, PageState state, std::string_view reason,
                               std::int64_t now) {
  auto page = ensure_page(catalog_, url, now);
  if (!page) return page.error();
  auto up = catalog_.sql("UPDATE pages SET state = ?, reason = ?, updated_at = ? WHERE id = ?");
  if (!up) return up.error();
  return (*up)->bind(1, state_name(state)).bind(2, reason).bind(3, now).bind(4, page->id).run();
}

Result<std::optional<PageState>> PageQueue::page_state(std::string_view url) const {
  auto q = catalog_.sql("SELECT state FROM pages WHERE url = ?");
  if (!q) return q.error();
  auto row = (*q)->bind(1, url).step();
  if (!row) return row.error();
  if (!*row) return std::optional<PageState>();
  const std::string state = (*q)->text(0);
  for (PageState s : {PageState::Queued, PageState::Fetched, PageState::Failed, PageState::Skipped})
    if (state == state_name(s)) return std::optional<PageState>(s);
  return make_error(Errc::Corrupt, "page " + std::string(url) + " has the unknown state " + state);
}

Result<std::vector<PageQueue::QueuedPage>> PageQueue::queued_pages(std::string_view origin,
                                                              std::size_t limit) const {
  auto q = catalog_.sql(
      "SELECT p.url, p.depth, c.etag, c.last_modified, p.hops FROM pages p JOIN sites s ON s.id = p.site_id"
      " LEFT JOIN captures c ON c.id = (SELECT max(id) FROM captures WHERE page_id = p.id AND status = 200)"
      " WHERE s.origin = ? AND p.state = 'queued' ORDER BY p.id LIMIT ?");
  if (!q) return q.error();
  (*q)->bind(1, origin).bind(2, static_cast<std::int64_t>(limit));
  std::vector<QueuedPage> out;
  FORA_TRY((*q)->each([&](const Statement& r) {
    out.push_back({r.text(0), static_cast<int>(r.int64(1)), r.text(2), r.text(3),
                   static_cast<int>(r.int64(4))});
  }));
  return out;
}

Result<std::vector<std::string>> PageQueue::sites_with_queued_pages() const {
  auto q = catalog_.sql(
      "SELECT origin FROM sites s WHERE EXISTS"
      " (SELECT 1 FROM pages p WHERE p.site_id = s.id AND p.state = 'queued') ORDER BY id");
  if (!q) return q.error();
  return (*q)->texts(0);
}

Result<std::int64_t> PageQueue::count_queued() const {
  auto q = catalog_.sql("SELECT count(*) FROM pages WHERE state = 'queued'");
  if (!q) return q.error();
  FORA_TRY((*q)->step());
  return (*q)->int64(0);
}

Result<std::optional<PageQueue::CrawlMark>> PageQueue::crawl_mark() const {
  auto q = catalog_.sql("SELECT start_url, since FROM open_crawl ORDER BY position");
  if (!q) return q.error();
  std::optional<CrawlMark> mark;
  FORA_TRY((*q)->each([&](const Statement& r) {
    if (!mark) mark.emplace().since = r.int64(1);
    mark->start_urls.push_back(r.text(0));
  }));
  return mark;
}

Status PageQueue::mark_crawl_open(const CrawlMark& mark) {
  // One transaction, so that a kill leaves the old mark or the new one whole.
  FORA_TRY(catalog_.begin_batch());
  const Status put = [&]() -> Status {
    FORA_TRY(mark_crawl_closed());
    auto ins = catalog_.sql("INSERT INTO open_crawl(position, start_url, since) VALUES(?, ?, ?)");
    if (!ins) return ins.error();
    for (std::size_t i = 0; i < mark.start_urls.size(); ++i)
      FORA_TRY((*ins)->bind(1, static_cast<std::int64_t>(i)).bind(2, mark.start_urls[i]).bind(3, mark.since).run());
    return ok();
  }();
  const Status committed = catalog_.commit_batch();
  FORA_TRY(put);
  return committed;
}

Status PageQueue::mark_crawl_closed() {
  auto del = catalog_.sql("DELETE FROM open_crawl");
  if (!del) return del.error();
  return (*del)->run();
}

Status note_read_whole(const Catalog& catalog, std::int64_t page_id, std::int64_t seen_at) {
  auto whole = catalog.sql("UPDATE pages SET whole_at = max(coalesce(whole_at, 0), ?2) WHERE id = ?1");
  if (!whole) return whole.error();
  return (*whole)->bind(1, page_id).bind(2, seen_at).run();
}

Result<bool> queue_damaged(const Catalog& catalog, std::int64_t page_id) {
  auto up = catalog.sql("UPDATE pages SET state = 'queued', reason = 'damaged' WHERE id = ? AND state <> 'queued'");
  if (!up) return up.error();
  FORA_TRY((*up)->bind(1, page_id).run());
  return sqlite3_changes(catalog.db()) > 0;
}

}  // namespace fora::archive
