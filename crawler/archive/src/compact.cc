// Archive::compact: records stored before their site had a dictionary, or at a lower level,
// are compressed again with the site's latest dictionary at the level asked for, into new
// segments; a segment no capture points into any more is then removed. The records' bytes
// do not change, only their compression, so digests, revisits and the catalog's rows stay.
#include <fmt/format.h>

#include <thread>

#include "archive_impl.h"

namespace fora::archive {
namespace {

struct Pending {
  std::int64_t capture = 0, segment = 0, offset = 0, length = 0;
  std::string origin;
};

// Sites with enough records and no dictionary get one now (a crawl that ended before its
// training did, or an import).
Status train_missing(Archive::Impl& a) {
  auto q = a.sql(
      "SELECT s.origin, s.id, count(*) FROM sites s JOIN pages p ON p.site_id = s.id JOIN captures c ON c.page_id = p.id"
      " WHERE NOT EXISTS (SELECT 1 FROM dictionaries d WHERE d.site_id = s.id) GROUP BY s.id");
  if (!q) return q.error();
  std::vector<std::pair<std::string, std::int64_t>> sites;
  for (;;) {
    auto row = (*q)->step();
    if (!row) return row.error();
    if (!*row) break;
    if (a.train_after > 0 && (*q)->int64(2) >= a.train_after) sites.emplace_back((*q)->text(0), (*q)->int64(1));
  }
  for (const auto& [origin, site] : sites) {
    FORA_TRY(finish_training(a));  // one at a time
    FORA_TRY(start_training(a, origin, site));
    FORA_TRY(finish_training(a));
  }
  return ok();
}

// The captures not yet where compaction puts them, oldest first.
Result<std::vector<Pending>> pending(const Archive::Impl& a, int level) {
  auto q = a.sql(
      "SELECT c.id, c.segment_id, c.offset, c.length, s.origin, coalesce(g.dictionary_id, 0), g.level,"
      " (SELECT max(d.id) FROM dictionaries d WHERE d.site_id = s.id)"
      " FROM captures c JOIN pages p ON p.id = c.page_id JOIN sites s ON s.id = p.site_id"
      " JOIN segments g ON g.id = c.segment_id ORDER BY c.id");
  if (!q) return q.error();
  std::vector<Pending> out;
  for (;;) {
    auto row = (*q)->step();
    if (!row) return row.error();
    if (!*row) return out;
    const std::int64_t latest = (*q)->opt_int64(7).value_or(0);
    if ((*q)->int64(5) == latest && (*q)->int64(6) >= level) continue;
    out.push_back({(*q)->int64(0), (*q)->int64(1), (*q)->int64(2), (*q)->int64(3), (*q)->text(4)});
  }
}

// Segments no capture points into (one open for appending is closed first; the next
// record starts a new one).
Status remove_empty_segments(Archive::Impl& a, CompactReport& report) {
  auto q = a.sql("SELECT id, name FROM segments s WHERE NOT EXISTS (SELECT 1 FROM captures c WHERE c.segment_id = s.id)");
  if (!q) return q.error();
  std::vector<std::pair<std::int64_t, std::string>> empty;
  for (;;) {
    auto row = (*q)->step();
    if (!row) return row.error();
    if (!*row) break;
    empty.emplace_back((*q)->int64(0), (*q)->text(1));
  }
  if (empty.empty()) return ok();
  FORA_TRY(exec(a.db.get(), "BEGIN IMMEDIATE"));
  for (const auto& [id, name] : empty) {
    auto del = a.sql("DELETE FROM segments WHERE id = ?");
    if (!del) return del.error();
    FORA_TRY((*del)->bind(1, id).run());
    a.segment_rows.erase(id);
    std::erase_if(a.open_segments, [id = id](const auto& kv) { return kv.second.id == id; });
  }
  FORA_TRY(exec(a.db.get(), "COMMIT"));
  // Only once the catalog no longer lists them (a crash before this leaves files that the
  // next open sets aside).
  for (const auto& [id, name] : empty) {
    a.snapshots->close(name);
    std::error_code ec;
    report.bytes_freed += static_cast<std::int64_t>(std::filesystem::file_size(a.snapshots->dir() / name, ec));
    std::filesystem::remove(a.snapshots->dir() / name, ec);
    ++report.segments_removed;
  }
  return ok();
}

}  // namespace

Result<CompactReport> Archive::compact(int level, const std::function<void(std::int64_t, std::int64_t)>& progress) {
  Impl& a = *impl_;
  CompactReport report;
  report.bytes_before = a.snapshots->bytes();
  FORA_TRY(train_missing(a));
  auto todo = pending(a, level);
  if (!todo) return todo.error();

  // The dictionaries again, made for `level`, by site.
  std::unordered_map<std::string, std::shared_ptr<const Dictionary>> by_site;
  {
    std::lock_guard lock(a.site_dictionaries_mutex);
    for (const auto& [origin, d] : a.site_dictionaries) {
      auto at_level = Dictionary::load(d->id(), d->bytes(), level);
      if (!at_level) return at_level.error();
      by_site[origin] = *at_level;
    }
  }

  // In batches: the records are read and recompressed by every core, then placed and their
  // rows moved by this thread, one transaction a batch.
  const std::size_t batch = 256;
  const unsigned threads = std::max(1u, std::thread::hardware_concurrency());
  for (std::size_t start = 0; start < todo->size(); start += batch) {
    const std::size_t end = std::min(todo->size(), start + batch);
    std::vector<Result<std::vector<std::string>>> raw;
    for (std::size_t i = start; i < end; ++i) {
      const Pending& p = (*todo)[i];
      raw.push_back(capture_records(a, p.segment, p.offset, p.length));
    }
    std::vector<Result<std::string>> frames(end - start, std::string());
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < threads; ++t) {
      pool.emplace_back([&, t] {
        for (std::size_t k = t; k < frames.size(); k += threads) {
          if (!raw[k]) {
            frames[k] = raw[k].error();
            continue;
          }
          const auto found = by_site.find((*todo)[start + k].origin);
          const Dictionary* dict = found == by_site.end() ? nullptr : found->second.get();
          std::string joined;
          for (const std::string& record : *raw[k]) {
            auto f = compress_frame(record, dict, level);
            if (!f) {
              frames[k] = f.error();
              break;
            }
            joined += *f;
          }
          if (frames[k]) frames[k] = std::move(joined);
        }
      });
    }
    for (auto& t : pool) t.join();

    FORA_TRY(begin_batch());
    const Status moved = [&]() -> Status {
      for (std::size_t k = 0; k < frames.size(); ++k) {
        const Pending& p = (*todo)[start + k];
        if (!frames[k]) {
          report.problems.push_back(fmt::format("capture {}: left as it was: {}", p.capture, frames[k].error().message));
          continue;
        }
        const auto found = by_site.find(p.origin);
        auto placed = place_frames(a, *frames[k], found == by_site.end() ? nullptr : found->second,
                                   found == by_site.end() ? level : found->second->level(), std::time(nullptr));
        if (!placed) return placed.error();
        auto move = a.sql("UPDATE captures SET segment_id = ?, offset = ?, length = ? WHERE id = ?");
        if (!move) return move.error();
        FORA_TRY((*move)->bind(1, placed->first).bind(2, placed->second)
                     .bind(3, static_cast<std::int64_t>(frames[k]->size())).bind(4, p.capture).run());
        ++report.captures_moved;
      }
      return ok();
    }();
    // A batch moved halfway is committed as far as it went: its rows point at frames written.
    const Status committed = commit_batch();
    FORA_TRY(moved);
    FORA_TRY(committed);
    if (progress) progress(static_cast<std::int64_t>(end), static_cast<std::int64_t>(todo->size()));
  }
  FORA_TRY(remove_empty_segments(a, report));
  report.bytes_after = a.snapshots->bytes();
  return report;
}

}  // namespace fora::archive
