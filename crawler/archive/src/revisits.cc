// PageQueue: the side of `fora update`: each page's revisit schedule, pages queued out of
// turn, and each site's crawl settings.
#include "catalog.h"
#include "fora/archive/page_queue.h"

namespace fora::archive {

Result<std::optional<PageQueue::Schedule>> PageQueue::page_schedule(std::string_view url) const {
  auto q = catalog_.sql("SELECT revisit_interval, next_visit FROM pages WHERE url = ?");
  if (!q) return q.error();
  auto row = (*q)->bind(1, url).step();
  if (!row) return row.error();
  if (!*row || (*q)->is_null(0) || (*q)->is_null(1)) return std::optional<Schedule>();
  return std::optional<Schedule>(Schedule{(*q)->int64(0), (*q)->int64(1)});
}

Status PageQueue::set_page_schedule(std::string_view url, const Schedule& schedule) {
  auto up = catalog_.sql("UPDATE pages SET revisit_interval = ?2, next_visit = ?3 WHERE url = ?1");
  if (!up) return up.error();
  return (*up)->bind(1, url).bind(2, schedule.interval).bind(3, schedule.next_visit).run();
}

Result<std::int64_t> PageQueue::queue_due_pages(std::string_view origin, std::int64_t until,
                                              std::int64_t min_interval, std::int64_t max_interval) {
  auto up = catalog_.sql(
      "UPDATE pages SET state = 'queued' WHERE site_id = (SELECT id FROM sites WHERE origin = ?1)"
      " AND state IN ('fetched', 'failed') AND (next_visit IS NULL OR min(next_visit, updated_at + ?4) <= ?2)"
      " AND (updated_at + ?3 <= ?2 OR revisit_interval = 0)"
      " AND url NOT LIKE '%/robots.txt'");  // read first for each host anyway
  if (!up) return up.error();
  FORA_TRY((*up)->bind(1, origin).bind(2, until).bind(3, min_interval).bind(4, max_interval).run());
  return static_cast<std::int64_t>(sqlite3_changes(catalog_.db()));
}

Result<bool> PageQueue::requeue_page(std::string_view url, std::int64_t before, std::int64_t now) {
  auto up = catalog_.sql(
      "UPDATE pages SET state = 'queued', reason = 'out of turn', updated_at = ?3 WHERE url = ?1"
      " AND state IN ('fetched', 'failed') AND updated_at < ?2");
  if (!up) return up.error();
  FORA_TRY((*up)->bind(1, url).bind(2, before).bind(3, now).run());
  return sqlite3_changes(catalog_.db()) > 0;
}

Result<bool> PageQueue::page_queued_out_of_turn(std::string_view url) const {
  auto q = catalog_.sql("SELECT 1 FROM pages WHERE url = ? AND state = 'queued' AND reason = 'out of turn'");
  if (!q) return q.error();
  auto row = (*q)->bind(1, url).step();
  if (!row) return row.error();
  return *row;
}

Status PageQueue::set_site_crawl(std::string_view origin, std::string_view settings, std::int64_t now) {
  auto up = catalog_.sql(
      "INSERT INTO sites(origin, first_seen, crawl) VALUES(?1, ?2, ?3)"
      " ON CONFLICT(origin) DO UPDATE SET crawl = excluded.crawl");
  if (!up) return up.error();
  return (*up)->bind(1, origin).bind(2, now).bind(3, settings).run();
}

Result<std::vector<PageQueue::SiteCrawl>> PageQueue::site_crawls() const {
  auto q = catalog_.sql(
      "SELECT s.origin, s.crawl, (SELECT group_concat(url, char(10)) FROM"
      "  (SELECT url FROM pages WHERE site_id = s.id AND depth = 0 AND state != 'skipped'"
      "   AND url NOT LIKE '%/robots.txt' ORDER BY id))"
      " FROM sites s ORDER BY s.id");
  if (!q) return q.error();
  std::vector<SiteCrawl> out;
  FORA_TRY((*q)->each([&](const Statement& r) {
    SiteCrawl site{r.text(0), r.text(1), {}};
    const std::string starts = r.text(2);
    for (std::size_t at = 0; at < starts.size();) {
      const std::size_t end = std::min(starts.find('\n', at), starts.size());
      if (end > at) site.start_urls.push_back(starts.substr(at, end - at));
      at = end + 1;
    }
    out.push_back(std::move(site));
  }));
  return out;
}

}  // namespace fora::archive
