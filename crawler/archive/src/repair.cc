// repair(): makes a damaged archive whole again, losing only what the damage holds.
//
// A segment that verify finds anything wrong with is written again: its captures that
// still read back whole (every frame's checksum holds, every record parses, the payload
// matches the catalog's digest) are copied, bytes unchanged, into a new segment with a
// fresh dictionary frame and warcinfo record, and the old file is moved, whole, to
// snapshots/damaged/ (never deleted: the bytes are the user's, and a better tool may read
// more of them). The captures that did not read are dropped from the catalog, with the
// revisits that refer to them (their payload is gone too), and their pages are queued
// (state 'queued', reason 'damaged'), so the next crawl or update fetches them again.
// A post's or comment's words that no longer decode are replaced by the lost mark
// (entry_text.h) and their page is queued the same way.
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "captures_internal.h"
#include "fora/archive/repair.h"
#include "page_rows.h"
#include "digest.h"
#include "entry_text.h"
#include "fora/archive/warc.h"

namespace fora::archive {
namespace {

namespace fs = std::filesystem;

struct Segment {
  std::int64_t id = 0;
  std::string name;
  std::int64_t dictionary_id = 0;
  int level = kRecordLevel;
};

struct Capture {
  std::int64_t id = 0, page_id = 0, offset = 0, length = 0;
  std::optional<std::int64_t> refers_to;
  std::string sha256;
};

Result<std::vector<Segment>> all_segments(const Captures::Internal& a) {
  auto q = a.sql("SELECT id, name, coalesce(dictionary_id, 0), level FROM segments ORDER BY id");
  if (!q) return q.error();
  std::vector<Segment> out;
  FORA_TRY((*q)->each([&](const Statement& r) {
    out.push_back({r.int64(0), r.text(1), r.int64(2), static_cast<int>(r.int64(3))});
  }));
  return out;
}

Result<std::vector<Capture>> captures_of(const Captures::Internal& a, std::int64_t segment) {
  auto q = a.sql(
      "SELECT id, page_id, offset, length, refers_to, payload_sha256 FROM captures WHERE segment_id = ? ORDER BY offset");
  if (!q) return q.error();
  (*q)->bind(1, segment);
  std::vector<Capture> out;
  FORA_TRY((*q)->each([&](const Statement& r) {
    out.push_back({r.int64(0), r.int64(1), r.int64(2), r.int64(3), r.opt_int64(4), r.blob(5)});
  }));
  return out;
}

// Whether the capture's records read back whole.
bool readable(const Captures::Internal& a, std::int64_t segment, const Capture& c) {
  auto records = capture_records(a, segment, c.offset, c.length);
  if (!records || records->empty()) return false;
  for (const std::string& bytes : *records) {
    std::size_t used = 0;
    auto rec = parse_warc_record(bytes, &used);
    if (!rec) return false;
    if (rec->type() != "response") continue;
    auto r = response_of(*rec);
    if (!r || sha256(r->body) != c.sha256) return false;
  }
  return true;
}

// Queues page `page_id` to be fetched again, because what fora kept of it was damaged.
Status queue_again(Captures::Internal& a, std::int64_t page_id, RepairReport& report) {
  auto queued = queue_damaged(a.catalog, page_id);
  if (!queued) return queued.error();
  report.pages_queued += *queued ? 1 : 0;
  return ok();
}

// Moves segment file `name` into snapshots/damaged/, under a name not taken yet.
Result<std::string> set_aside(const Captures::Internal& a, const std::string& name) {
  const fs::path from = a.snapshots->dir() / name;
  const fs::path folder = a.snapshots->dir() / "damaged";
  std::error_code ec;
  if (!fs::exists(from, ec)) return std::string();
  fs::create_directories(folder, ec);
  if (ec) return make_error(Errc::Io, fmt::format("creating {}: {}", folder.string(), ec.message()));
  fs::path to = folder / name;
  for (int n = 2; fs::exists(to, ec); ++n) to = folder / fmt::format("{}.{}", name, n);
  fs::rename(from, to, ec);
  if (ec) return make_error(Errc::Io, fmt::format("moving {} aside: {}", from.string(), ec.message()));
  return fs::relative(to, a.catalog.dir(), ec).string();
}

// A record dictionary damaged in the catalog (whose blob has no checksum) is taken back from
// the leading frame of a segment compressed with it, when that frame holds (its inner zstd
// frame's checksum does): else every record of the site would read as damaged.
Status restore_dictionaries(Captures::Internal& a, const std::vector<Segment>& segments, RepairReport& report) {
  std::set<std::int64_t> done;
  for (const Segment& seg : segments) {
    if (seg.dictionary_id == 0 || done.count(seg.dictionary_id)) continue;
    auto head = a.snapshots->read(seg.name, 0, 8);
    if (!head) continue;
    const auto le32 = [&](std::size_t at) {
      std::uint32_t v = 0;
      for (int i = 3; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>((*head)[at + static_cast<std::size_t>(i)]);
      return v;
    };
    if (le32(0) != kDictionaryFrameMagic) continue;
    auto frame = a.snapshots->read(seg.name, 0, 8 + static_cast<std::int64_t>(le32(4)));
    if (!frame) continue;
    auto found = read_dictionary_frame(*frame);
    if (!found || !*found) continue;  // the frame itself is damaged: the segment is written again
    done.insert(seg.dictionary_id);
    auto q = a.sql("SELECT dictionary FROM dictionaries WHERE id = ?");
    if (!q) return q.error();
    auto row = (*q)->bind(1, seg.dictionary_id).step();
    if (!row) return row.error();
    if (!*row || (*q)->blob(0) == (*found)->dictionary) continue;
    auto up = a.sql("UPDATE dictionaries SET dictionary = ? WHERE id = ?");
    if (!up) return up.error();
    FORA_TRY((*up)->bind_blob(1, (*found)->dictionary).bind(2, seg.dictionary_id).run());
    a.dictionaries.erase(seg.dictionary_id);
    {
      std::lock_guard lock(a.site_dictionaries_mutex);
      for (auto& [origin, d] : a.site_dictionaries) {
        if (d->id() != seg.dictionary_id) continue;
        auto again = Dictionary::load(d->id(), (*found)->dictionary, d->level());
        if (!again) return again.error();
        d = *again;
        a.dictionaries[d->id()] = d;
      }
    }
    report.actions.push_back(fmt::format("catalog.db: dictionary {} was damaged: restored from the copy in {}",
                                         seg.dictionary_id, seg.name));
  }
  return ok();
}

// The segments to write again, and the captures lost: those of damaged segments that do not
// read back, and the revisits of those.
Status find_losses(const Captures::Internal& a, const std::vector<Segment>& segments, std::set<std::int64_t>& rewrite,
                   std::set<std::int64_t>& lost, std::vector<std::string>& found) {
  for (const Segment& seg : segments) {
    auto problems = segment_problems(a, seg.id, true);
    if (!problems) return problems.error();
    if (problems->empty()) continue;
    rewrite.insert(seg.id);
    for (std::string& p : *problems) found.push_back(std::move(p));
    auto caps = captures_of(a, seg.id);
    if (!caps) return caps.error();
    for (const Capture& c : *caps)
      if (!readable(a, seg.id, c)) lost.insert(c.id);
  }
  auto revisits = a.sql("SELECT id, segment_id FROM captures WHERE refers_to = ?");
  if (!revisits) return revisits.error();
  for (const std::int64_t original : std::vector<std::int64_t>(lost.begin(), lost.end())) {
    (*revisits)->reset().bind(1, original);
    FORA_TRY((*revisits)->each([&](const Statement& r) {
      if (r.int64(0) == original) return;
      lost.insert(r.int64(0));
      rewrite.insert(r.int64(1));
    }));
  }
  return ok();
}

// Copies the captures of `seg` not lost into a new segment, and adds the lost ones to
// `dropped`. Within the caller's batch.
Status rewrite_segment(Captures::Internal& a, const Segment& seg, const std::set<std::int64_t>& lost,
                       std::vector<Capture>& dropped, RepairReport& report) {
  auto dict = record_dictionary(a, seg.dictionary_id);
  if (!dict) return dict.error();
  auto fresh = start_segment(a, *dict, {seg.dictionary_id, seg.level}, a.catalog.now());
  if (!fresh) return fresh.error();
  auto caps = captures_of(a, seg.id);
  if (!caps) return caps.error();
  auto move = a.sql("UPDATE captures SET segment_id = ?, offset = ? WHERE id = ?");
  if (!move) return move.error();
  std::int64_t kept = 0;
  for (const Capture& c : *caps) {
    auto bytes = lost.count(c.id) ? Result<std::string>(Error{}) : a.snapshots->read(seg.name, c.offset, c.length);
    if (!bytes) {
      report.actions.push_back(fmt::format("{} at {}: capture {} is lost; its page is queued to be fetched again",
                                           seg.name, c.offset, c.id));
      dropped.push_back(c);
      continue;
    }
    auto at = a.snapshots->append((*fresh)->name, *bytes);
    if (!at) return at.error();
    (*fresh)->grown = true;
    (*fresh)->holds_records = true;
    FORA_TRY((*move)->reset().bind(1, (*fresh)->id).bind(2, *at).bind(3, c.id).run());
    ++kept;
  }
  report.actions.push_back(fmt::format("{}: {} captures copied whole into {}", seg.name, kept, (*fresh)->name));
  ++report.segments_rewritten;
  return ok();
}

// Marks lost the words of every version that no longer decodes, and queues their pages.
Status repair_versions(Captures::Internal& a, RepairReport& report) {
  std::vector<std::pair<std::int64_t, std::int64_t>> damaged;  // version, comment
  {
    auto q = a.sql("SELECT id, coalesce(dictionary_id, 0), text, quotes, comment_id FROM comment_versions ORDER BY id");
    if (!q) return q.error();
    FORA_TRY((*q)->each([&](const Statement& r) {
      auto words = unpack_version(a.words, r.int64(0), r.int64(1), r.blob(2), r.blob(3));
      if (!words) damaged.emplace_back(r.int64(0), r.int64(4));
    }));
  }
  for (const auto& [version, comment] : damaged) {
    auto mark = a.sql("UPDATE comment_versions SET dictionary_id = NULL, text = ?, quotes = ? WHERE id = ?");
    if (!mark) return mark.error();
    FORA_TRY((*mark)->bind_blob(1, lost_words()).bind_blob(2, "").bind(3, version).run());
    auto bump = a.sql("UPDATE comments SET change_seq = ? WHERE id = ?");
    if (!bump) return bump.error();
    FORA_TRY((*bump)->bind(1, ++a.change_seq).bind(2, comment).run());
    // The page it was last seen on, else its thread's page.
    auto page = a.sql(
        "SELECT coalesce(c.page_id, (SELECT p.id FROM pages p WHERE p.url = t.url)) FROM comments c"
        " JOIN threads t ON t.id = c.thread_id WHERE c.id = ?");
    if (!page) return page.error();
    auto row = (*page)->bind(1, comment).step();
    if (!row) return row.error();
    const std::optional<std::int64_t> page_id = *row ? (*page)->opt_int64(0) : std::nullopt;
    if (page_id) FORA_TRY(queue_again(a, *page_id, report));
    report.actions.push_back(fmt::format("catalog.db: the words of version {} (entry {}) are damaged: marked lost{}",
                                         version, comment, page_id ? ", its page queued to be read again" : ""));
    ++report.versions_lost;
  }
  return ok();
}

// SQLite's own damage that an index rebuild mends (a row missing from an index).
Status repair_indexes(Captures::Internal& a, RepairReport& report) {
  const auto healthy = [&]() -> Result<bool> {
    auto check = a.sql("PRAGMA integrity_check");
    if (!check) return check.error();
    auto row = (*check)->step();
    if (!row) return row.error();
    const bool whole = *row && (*check)->text(0) == "ok";
    (*check)->reset();
    return whole;
  };
  auto before = healthy();
  if (!before) return before.error();
  if (*before) return ok();
  FORA_TRY(exec(a.db(), "REINDEX"));
  auto after = healthy();
  if (!after) return after.error();
  report.actions.push_back(*after ? "catalog.db: its SQL indexes were damaged: rebuilt"
                                  : "catalog.db: its SQL indexes were rebuilt, but its tables are damaged");
  return ok();
}

}  // namespace

Result<RepairReport> repair(Captures& captures) {
  Captures::Internal& a = *captures.in_;
  RepairReport report;
  auto segments = all_segments(a);
  if (!segments) return segments.error();
  // First what the rest reads through: the SQL indexes (a damaged one hides rows from the
  // queries below), and the record dictionaries.
  FORA_TRY(a.catalog.begin_batch());
  Status restored = repair_indexes(a, report);
  if (restored) restored = restore_dictionaries(a, *segments, report);
  FORA_TRY(a.catalog.commit_batch());
  FORA_TRY(restored);
  std::set<std::int64_t> rewrite, lost;
  FORA_TRY(find_losses(a, *segments, rewrite, lost, report.found));

  std::vector<std::string> aside;  // the files to move once the catalog no longer lists them
  FORA_TRY(a.catalog.begin_batch());
  const Status mended = [&]() -> Status {
    std::vector<Capture> dropped;
    for (const Segment& seg : *segments) {
      if (!rewrite.count(seg.id)) continue;
      FORA_TRY(rewrite_segment(a, seg, lost, dropped, report));
      aside.push_back(seg.name);
    }
    // Revisits first: the captures they refer to go after them.
    std::stable_partition(dropped.begin(), dropped.end(), [](const Capture& c) { return c.refers_to.has_value(); });
    auto del = a.sql("DELETE FROM captures WHERE id = ?");
    if (!del) return del.error();
    for (const Capture& c : dropped) {
      FORA_TRY((*del)->reset().bind(1, c.id).run());
      FORA_TRY(queue_again(a, c.page_id, report));
      ++report.captures_lost;
    }
    // The old segments' rows, once no capture points into them.
    auto gone = a.sql("DELETE FROM segments WHERE id = ?");
    if (!gone) return gone.error();
    for (const std::int64_t id : rewrite) {
      FORA_TRY((*gone)->reset().bind(1, id).run());
      a.segment_rows.erase(id);
      std::erase_if(a.open_segments, [&](const auto& kv) { return kv.second.id == id; });
    }
    return repair_versions(a, report);
  }();
  if (!mended) {
    a.catalog.rollback_batch();
    return mended.error();
  }
  FORA_TRY(a.catalog.commit_batch());
  for (const std::string& name : aside) {
    a.snapshots->close(name);
    auto moved = set_aside(a, name);
    if (!moved) return moved.error();
    if (!moved->empty()) report.actions.push_back(fmt::format("{}: moved aside to {}", name, *moved));
  }
  return report;
}

}  // namespace fora::archive
