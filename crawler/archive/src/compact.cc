// compact(): records stored before their site had a dictionary, or at a lower level,
// are compressed again with the site's latest dictionary at the level asked for, into new
// segments; a segment no capture points into any more is then removed. The records' bytes
// do not change, only their compression, so digests, revisits and the catalog's rows stay.
// Then the same for the entries' words in the catalog (entry_text.h), and the catalog is
// vacuumed.
#include <fmt/format.h>

#include <thread>

#include "captures_internal.h"
#include "fora/archive/compact.h"
#include "entry_text.h"

namespace fora::archive {
namespace {

struct Pending {
  std::int64_t capture = 0, segment = 0, offset = 0, length = 0;
  std::string origin;
};

// Compaction's dictionaries are larger than a crawl's: at level 19 on the bench site's
// records, 1 MiB kept 6% fewer bytes than 256 KiB (1,805 against 1,920 bytes a record), for
// 40% more time (8.0 against 5.7 ms a record); 2 MiB 8% fewer, for 70% more.
constexpr std::size_t kCompactionDictionaryBytes = 1 << 20;

// Sites with enough records get a compaction's dictionary now: those with none (a crawl
// that ended before its training did, or an import), and those whose latest is a crawl's.
Status train_for_compaction(Captures::Internal& a) {
  auto q = a.sql(
      "SELECT s.origin, s.id, count(*), coalesce((SELECT length(d.dictionary) FROM dictionaries d"
      "   WHERE d.id = (SELECT max(id) FROM dictionaries WHERE site_id = s.id)), 0)"
      " FROM sites s JOIN pages p ON p.site_id = s.id JOIN captures c ON c.page_id = p.id GROUP BY s.id");
  if (!q) return q.error();
  struct Site {
    std::string origin;
    std::int64_t id = 0;
    std::size_t dictionary = 0;
  };
  std::vector<Site> sites;
  FORA_TRY((*q)->each([&](const Statement& r) {
    const auto current = static_cast<std::size_t>(r.int64(3));
    if (a.train_after > 0 && r.int64(2) >= a.train_after && current <= a.dictionary_bytes)
      sites.push_back({r.text(0), r.int64(1), current});
  }));
  for (const Site& site : sites) {
    FORA_TRY(finish_training(a));  // one at a time
    FORA_TRY(start_training(a, site.origin, site.id, kCompactionDictionaryBytes, site.dictionary));
    FORA_TRY(finish_training(a));
  }
  return ok();
}

// The captures not yet where compaction puts them, oldest first.
Result<std::vector<Pending>> pending(const Captures::Internal& a, int level) {
  auto q = a.sql(
      "SELECT c.id, c.segment_id, c.offset, c.length, s.origin, coalesce(g.dictionary_id, 0), g.level,"
      " (SELECT max(d.id) FROM dictionaries d WHERE d.site_id = s.id)"
      " FROM captures c JOIN pages p ON p.id = c.page_id JOIN sites s ON s.id = p.site_id"
      " JOIN segments g ON g.id = c.segment_id ORDER BY c.id");
  if (!q) return q.error();
  std::vector<Pending> out;
  FORA_TRY((*q)->each([&](const Statement& r) {
    const std::int64_t latest = r.opt_int64(7).value_or(0);
    if (r.int64(5) == latest && r.int64(6) >= level) return;
    out.push_back({r.int64(0), r.int64(1), r.int64(2), r.int64(3), r.text(4)});
  }));
  return out;
}

// Segments no capture points into (one open for appending is closed first; the next
// record starts a new one).
Status remove_empty_segments(Captures::Internal& a, CompactReport& report) {
  auto q = a.sql("SELECT id, name FROM segments s WHERE NOT EXISTS (SELECT 1 FROM captures c WHERE c.segment_id = s.id)");
  if (!q) return q.error();
  std::vector<std::pair<std::int64_t, std::string>> empty;
  FORA_TRY((*q)->each([&](const Statement& r) {
    empty.emplace_back(r.int64(0), r.text(1));
  }));
  if (empty.empty()) return ok();
  FORA_TRY(exec(a.db(), "BEGIN IMMEDIATE"));
  for (const auto& [id, name] : empty) {
    auto del = a.sql("DELETE FROM segments WHERE id = ?");
    if (!del) return del.error();
    FORA_TRY((*del)->bind(1, id).run());
    a.segment_rows.erase(id);
    std::erase_if(a.open_segments, [id = id](const auto& kv) { return kv.second.id == id; });
  }
  FORA_TRY(exec(a.db(), "COMMIT"));
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

// Runs fn(i) for i in [0, n) on every core.
template <typename Fn>
void on_every_core(std::size_t n, Fn fn) {
  const unsigned threads = std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      for (std::size_t k = t; k < n; k += threads) fn(k);
    });
  }
  for (auto& t : pool) t.join();
}

// meta's text_compaction: "<level> <last version id>", the versions a compaction left at
// that level with their site's latest text dictionary.
Result<std::pair<int, std::int64_t>> text_compaction(const Captures::Internal& a) {
  auto q = a.sql("SELECT value FROM meta WHERE key = 'text_compaction'");
  if (!q) return q.error();
  auto row = (*q)->step();
  if (!row) return row.error();
  int level = 0;
  long long through = 0;
  if (*row && std::sscanf((*q)->text(0).c_str(), "%d %lld", &level, &through) != 2) level = 0;
  return std::pair<int, std::int64_t>(level, through);
}

// The entries' words, compressed again with each site's latest text dictionary (trained
// first where a site has none) at `level`: versions added since the last compaction at this
// level or higher, and those of an older dictionary.
Status compact_texts(Captures::Internal& a, int level, CompactReport& report) {
  std::vector<std::int64_t> sites;
  {
    auto q = a.sql("SELECT id FROM sites s WHERE NOT EXISTS (SELECT 1 FROM text_dictionaries d WHERE d.site_id = s.id)");
    if (!q) return q.error();
    FORA_TRY((*q)->each([&](const Statement& r) {
      sites.push_back(r.int64(0));
    }));
  }
  FORA_TRY(exec(a.db(), "BEGIN IMMEDIATE"));
  for (const std::int64_t site : sites) {
    if (auto trained = train_text_dictionary(a.words, site, level, a.catalog.now()); !trained) {
      (void)exec(a.db(), "ROLLBACK");
      return trained.error();
    }
  }
  FORA_TRY(exec(a.db(), "COMMIT"));
  auto latest = latest_text_dictionaries(a.words, level);  // each site's, made for `level`
  if (!latest) return latest.error();
  const auto& by_site = *latest;
  auto done = text_compaction(a);
  if (!done) return done.error();
  // Versions written before their frames carried a checksum (entry_text.h) are all
  // compressed again once, and get one.
  auto checked = a.sql("SELECT count(*) FROM meta WHERE key = 'text_checksums'");
  if (!checked) return checked.error();
  FORA_TRY((*checked)->step());
  const bool all_checked = (*checked)->int64(0) > 0;
  const std::int64_t through = done->first >= level && all_checked ? done->second : 0;

  struct Row {
    std::int64_t id = 0, site = 0, dictionary = 0;
    std::string text, quotes;
  };
  std::int64_t after = 0;
  for (;;) {
    std::vector<Row> rows;
    {
      auto q = a.sql(
          "SELECT v.id, t.site_id, coalesce(v.dictionary_id, 0), v.text, v.quotes FROM comment_versions v"
          " JOIN comments c ON c.id = v.comment_id JOIN threads t ON t.id = c.thread_id"
          " WHERE v.id > ?1 AND (v.id > ?2 OR v.dictionary_id IS NOT"
          "   (SELECT max(d.id) FROM text_dictionaries d WHERE d.site_id = t.site_id))"
          " ORDER BY v.id LIMIT 8192");
      if (!q) return q.error();
      (*q)->bind(1, after).bind(2, through);
      FORA_TRY((*q)->each([&](const Statement& r) {
        rows.push_back({r.int64(0), r.int64(1), r.int64(2), r.blob(3), r.blob(4)});
      }));
    }
    if (rows.empty()) break;
    after = rows.back().id;
    // Each dictionary a row names, loaded before the threads share the cache.
    for (const Row& r : rows) {
      if (auto d = text_dictionary(a.words, r.dictionary); !d) return d.error();
    }
    std::vector<Result<PackedVersion>> packed(rows.size(), PackedVersion());
    on_every_core(rows.size(), [&](std::size_t k) {
      const Row& r = rows[k];
      auto words = unpack_version(a.words, r.id, r.dictionary, r.text, r.quotes);
      if (!words || words->lost) {
        // Lost words stay marked lost (NotFound: passed over quietly).
        packed[k] = words ? make_error(Errc::NotFound, "lost") : words.error();
        return;
      }
      const auto found = by_site.find(r.site);
      packed[k] = pack_words(words->text, words->quotes, found == by_site.end() ? nullptr : found->second.get(), level);
    });
    FORA_TRY(exec(a.db(), "BEGIN IMMEDIATE"));
    const Status moved = [&]() -> Status {
      for (std::size_t k = 0; k < rows.size(); ++k) {
        if (!packed[k]) {
          if (packed[k].error().code == Errc::NotFound) continue;
          report.problems.push_back(fmt::format("version {}: left as it was: {}", rows[k].id, packed[k].error().message));
          continue;
        }
        auto up = a.sql("UPDATE comment_versions SET dictionary_id = ?, text = ?, quotes = ? WHERE id = ?");
        if (!up) return up.error();
        if (packed[k]->dictionary_id != 0) (*up)->bind(1, packed[k]->dictionary_id);
        FORA_TRY((*up)->bind_blob(2, packed[k]->text).bind_blob(3, packed[k]->quotes).bind(4, rows[k].id).run());
        ++report.versions_moved;
      }
      return ok();
    }();
    const Status committed = exec(a.db(), moved ? "COMMIT" : "ROLLBACK");
    FORA_TRY(moved);
    FORA_TRY(committed);
  }
  auto top = a.sql("SELECT coalesce(max(id), 0) FROM comment_versions");
  if (!top) return top.error();
  FORA_TRY((*top)->step());
  auto put = a.sql("INSERT OR REPLACE INTO meta(key, value) VALUES('text_compaction', ?)");
  if (!put) return put.error();
  FORA_TRY((*put)->bind(1, fmt::format("{} {}", std::max(level, done->first), (*top)->int64(0))).run());
  FORA_TRY(exec(a.db(), "INSERT OR REPLACE INTO meta(key, value) VALUES('text_checksums', '1')"));
  // The dictionaries made for `level` are the writer's from now on.
  for (const auto& [site, d] : by_site) a.words.site_text_dictionaries[site] = d;
  return ok();
}

}  // namespace

Result<CompactReport> compact(Captures& captures, int level,
                              const std::function<void(std::int64_t, std::int64_t)>& progress) {
  Captures::Internal& a = *captures.in_;
  CompactReport report;
  report.bytes_before = a.snapshots->bytes();
  FORA_TRY(train_for_compaction(a));
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
  for (std::size_t start = 0; start < todo->size(); start += batch) {
    const std::size_t end = std::min(todo->size(), start + batch);
    std::vector<Result<std::vector<std::string>>> raw;
    for (std::size_t i = start; i < end; ++i) {
      const Pending& p = (*todo)[i];
      raw.push_back(capture_records(a, p.segment, p.offset, p.length));
    }
    std::vector<Result<std::string>> frames(end - start, std::string());
    on_every_core(frames.size(), [&](std::size_t k) {
      if (!raw[k]) {
        frames[k] = raw[k].error();
        return;
      }
      const auto found = by_site.find((*todo)[start + k].origin);
      const Dictionary* dict = found == by_site.end() ? nullptr : found->second.get();
      std::string joined;
      for (const std::string& record : *raw[k]) {
        auto f = compress_frame(record, dict, level);
        if (!f) {
          frames[k] = f.error();
          return;
        }
        joined += *f;
      }
      frames[k] = std::move(joined);
    });

    FORA_TRY(a.catalog.begin_batch());
    const Status moved = [&]() -> Status {
      for (std::size_t k = 0; k < frames.size(); ++k) {
        const Pending& p = (*todo)[start + k];
        if (!frames[k]) {
          report.problems.push_back(fmt::format("capture {}: left as it was: {}", p.capture, frames[k].error().message));
          continue;
        }
        const auto found = by_site.find(p.origin);
        auto placed = place_frames(a, *frames[k], found == by_site.end() ? nullptr : found->second,
                                   found == by_site.end() ? level : found->second->level(), a.catalog.now());
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
    const Status committed = a.catalog.commit_batch();
    FORA_TRY(moved);
    FORA_TRY(committed);
    if (progress) progress(static_cast<std::int64_t>(end), static_cast<std::int64_t>(todo->size()));
  }
  FORA_TRY(remove_empty_segments(a, report));
  report.bytes_after = a.snapshots->bytes();
  report.catalog_before = a.catalog.bytes();
  FORA_TRY(compact_texts(a, level, report));
  // Give the pages the smaller rows left free back, and fold the WAL in (no statement may
  // be halfway through a read for that).
  a.catalog.reset_statements();
  FORA_TRY(exec(a.db(), "VACUUM; PRAGMA wal_checkpoint(TRUNCATE)"));
  report.catalog_after = a.catalog.bytes();
  return report;
}

}  // namespace fora::archive
