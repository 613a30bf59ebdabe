// Archive: reading everything out for `fora export`, filtered by site and time.
#include <fmt/format.h>

#include "archive_impl.h"
#include "entry_text.h"

namespace fora::archive {

Status Archive::for_each_capture(
    const ExportFilter& filter,
    const std::function<Status(std::string_view, std::int64_t, const std::vector<std::string>&)>& fn,
    const std::function<void(const std::string&)>& skipped) const {
  auto q = impl_->sql(
      "SELECT c.segment_id, c.offset, c.length, p.url, c.fetched_at, c.id FROM captures c"
      " JOIN pages p ON p.id = c.page_id JOIN sites s ON s.id = p.site_id"
      " WHERE (?1 = '' OR s.origin = ?1) AND c.fetched_at >= ?2 ORDER BY c.id");
  if (!q) return q.error();
  (*q)->bind(1, filter.site).bind(2, filter.since);
  for (;;) {
    auto row = (*q)->step();
    if (!row) return row.error();
    if (!*row) return ok();
    auto records = capture_records(*impl_, (*q)->int64(0), (*q)->int64(1), (*q)->int64(2));
    if (!records && records.error().code == Errc::Corrupt && skipped) {
      skipped(fmt::format("capture {} ({}): {}", (*q)->int64(5), (*q)->text(3), records.error().message));
      continue;
    }
    if (!records) return records.error();
    FORA_TRY(fn((*q)->text(3), (*q)->int64(4), *records));
  }
}

Status Archive::for_each_thread(
    const ExportFilter& filter,
    const std::function<Status(const std::vector<StoredEntry>&, const std::vector<std::vector<EntryVersion>>&)>& fn,
    const std::function<void(const std::string&)>& skipped) const {
  auto q = impl_->sql(
      "SELECT t.id FROM threads t JOIN sites s ON s.id = t.site_id WHERE (?1 = '' OR s.origin = ?1)"
      " AND EXISTS (SELECT 1 FROM comments c WHERE c.thread_id = t.id AND c.last_seen >= ?2) ORDER BY t.id");
  if (!q) return q.error();
  (*q)->bind(1, filter.site).bind(2, filter.since);
  std::vector<std::int64_t> threads;
  for (;;) {
    auto row = (*q)->step();
    if (!row) return row.error();
    if (!*row) break;
    threads.push_back((*q)->int64(0));
  }
  for (const std::int64_t thread : threads) {
    auto entries = thread_entries(thread);
    std::vector<std::vector<EntryVersion>> versions;
    for (std::size_t i = 0; entries && i < entries->size(); ++i) {
      auto v = entry_versions((*entries)[i].id);
      if (!v) entries = v.error();
      else versions.push_back(std::move(*v));
    }
    if (!entries && entries.error().code == Errc::Corrupt && skipped) {
      skipped(fmt::format("thread {}: {}", thread, entries.error().message));
      continue;
    }
    if (!entries) return entries.error();
    FORA_TRY(fn(*entries, versions));
  }
  return ok();
}

}  // namespace fora::archive
