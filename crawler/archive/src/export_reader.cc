// for_each_thread(): reading every thread out for `fora export` (thread_export.h).
#include <fmt/format.h>

#include "fora/archive/thread_export.h"
#include "thread_store_internal.h"

namespace fora::archive {

Status for_each_thread(
    const ThreadStore& store, const ExportFilter& filter,
    const std::function<Status(const std::vector<StoredEntry>&, const std::vector<std::vector<EntryVersion>>&)>& fn,
    const std::function<void(const std::string&)>& skipped) {
  auto q = store.in_->sql(
      "SELECT t.id FROM threads t JOIN sites s ON s.id = t.site_id WHERE (?1 = '' OR s.origin = ?1)"
      " AND EXISTS (SELECT 1 FROM comments c WHERE c.thread_id = t.id AND c.last_seen >= ?2) ORDER BY t.id");
  if (!q) return q.error();
  (*q)->bind(1, filter.site).bind(2, filter.since);
  std::vector<std::int64_t> threads;
  FORA_TRY((*q)->each([&](const Statement& r) {
    threads.push_back(r.int64(0));
  }));
  for (const std::int64_t thread : threads) {
    auto entries = store.thread_entries(thread);
    std::vector<std::vector<EntryVersion>> versions;
    for (std::size_t i = 0; entries && i < entries->size(); ++i) {
      auto v = store.entry_versions((*entries)[i].id);
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
