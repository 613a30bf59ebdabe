// Archive: captures (storing a response as WARC records in a segment, reading it back) and
// the segments they go to.
#include <fmt/format.h>

#include <regex>

#include "captures_internal.h"
#include "fora/url/url.h"
#include "page_rows.h"
#include "digest.h"
#include "fora/archive/warc.h"

namespace fora::archive {
namespace {

namespace fs = std::filesystem;

std::string labelled(std::string_view raw_sha256) { return "sha256:" + hex(raw_sha256); }

// Which open segment records compressed with `d` (or, without one, at `level`) go to.
std::pair<std::int64_t, int> key_of(const std::shared_ptr<const Dictionary>& d, int level = kRecordLevel) {
  return d ? std::pair(d->id(), d->level()) : std::pair(std::int64_t{0}, level);
}

}  // namespace

Result<Captures::Internal::SegmentRow> segment_row(const Captures::Internal& a, std::int64_t id) {
  if (auto found = a.segment_rows.find(id); found != a.segment_rows.end()) return found->second;
  auto q = a.sql("SELECT name, coalesce(dictionary_id, 0) FROM segments WHERE id = ?");
  if (!q) return q.error();
  auto row = (*q)->bind(1, id).step();
  if (!row) return row.error();
  if (!*row) return make_error(Errc::Corrupt, fmt::format("the catalog names segment {}, which it does not list", id));
  Captures::Internal::SegmentRow r{(*q)->text(0), (*q)->int64(1)};
  a.segment_rows.emplace(id, r);
  return r;
}

Result<std::shared_ptr<const Dictionary>> record_dictionary(const Captures::Internal& a, std::int64_t id) {
  if (id == 0) return std::shared_ptr<const Dictionary>();
  if (auto found = a.dictionaries.find(id); found != a.dictionaries.end()) return found->second;
  auto q = a.sql("SELECT dictionary FROM dictionaries WHERE id = ?");
  if (!q) return q.error();
  auto row = (*q)->bind(1, id).step();
  if (!row) return row.error();
  if (!*row) return make_error(Errc::Corrupt, fmt::format("the catalog names dictionary {}, which it does not hold", id));
  auto d = Dictionary::load(id, (*q)->blob(0), Dictionary::kDecompressOnly);
  if (!d) return d.error();
  a.dictionaries.emplace(id, *d);
  return *d;
}

namespace {

// Records in the catalog how many bytes of `seg` are written (committed with the batch).
Status record_size(Captures::Internal& a, Captures::Internal::OpenSegment& seg) {
  auto up = a.sql("UPDATE segments SET bytes = ? WHERE id = ?");
  if (!up) return up.error();
  FORA_TRY((*up)->bind(1, a.snapshots->size(seg.name)).bind(2, seg.id).run());
  seg.grown = false;
  return ok();
}

}  // namespace

Result<Captures::Internal::OpenSegment*> start_segment(Captures::Internal& a, const std::shared_ptr<const Dictionary>& dict,
                                                  std::pair<std::int64_t, int> key, std::int64_t now) {
  auto next = a.sql("SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'segments'), 0) + 1");
  if (!next) return next.error();
  FORA_TRY((*next)->step());
  const std::int64_t number = (*next)->int64(0);
  const std::string name = segment_name(number);
  std::string header;
  if (dict) {
    auto frame = dictionary_frame(*dict);
    if (!frame) return frame.error();
    header = std::move(*frame);
  }
  auto info = compress_frame(serialize(warcinfo_record(name, now)));
  if (!info) return info.error();
  header += *info;
  auto ins = a.sql("INSERT INTO segments(id, name, dictionary_id, level, bytes) VALUES(?, ?, ?, ?, 0)");
  if (!ins) return ins.error();
  (*ins)->bind(1, number).bind(2, name).bind(4, key.second);
  if (dict) (*ins)->bind(3, dict->id());
  FORA_TRY((*ins)->run());
  const std::int64_t id = sqlite3_last_insert_rowid(a.db());
  FORA_TRY(a.snapshots->create(name, header));
  a.segment_rows[id] = {name, key.first};
  auto& open = a.open_segments[key];
  if (open.grown) FORA_TRY(record_size(a, open));  // the segment it follows is full: its size is final
  open = {id, name, true, false};
  return &open;
}

Result<std::pair<std::int64_t, std::int64_t>> place_frames(Captures::Internal& a, std::string_view frames,
                                                          const std::shared_ptr<const Dictionary>& dict, int level,
                                                          std::int64_t now) {
  auto found = a.open_segments.find(key_of(dict, level));
  Captures::Internal::OpenSegment* seg = found == a.open_segments.end() ? nullptr : &found->second;
  if (seg == nullptr ||
      (seg->holds_records && a.snapshots->size(seg->name) + static_cast<std::int64_t>(frames.size()) > a.segment_limit)) {
    auto started = start_segment(a, dict, key_of(dict, level), now);
    if (!started) return started.error();
    seg = *started;
  }
  auto offset = a.snapshots->append(seg->name, frames);
  if (!offset) return offset.error();
  seg->grown = true;
  seg->holds_records = true;
  return std::pair(seg->id, *offset);
}

namespace {

// The records in a capture's frames, parsed.
Result<std::vector<WarcRecord>> records_at(const Captures::Internal& a, std::int64_t segment_id, std::int64_t offset,
                                           std::int64_t length) {
  auto bytes = capture_records(a, segment_id, offset, length);
  if (!bytes) return bytes.error();
  std::vector<WarcRecord> out;
  for (const std::string& b : *bytes) {
    std::size_t used = 0;
    auto rec = parse_warc_record(b, &used);
    if (!rec) {
      auto seg = segment_row(a, segment_id);
      return make_error(Errc::Corrupt,
                        fmt::format("{} at {}: {}", seg ? seg->name : std::to_string(segment_id), offset, rec.error().message),
                        kRepairHint);
    }
    out.push_back(std::move(*rec));
  }
  return out;
}

Status store_frames(Captures::Internal& a, std::int64_t page_id, const PreparedCapture& c, std::string_view frames,
                    std::optional<std::int64_t> refers_to, std::int64_t* id) {
  auto placed = place_frames(a, frames, c.dictionary, kRecordLevel, c.fetched_at);
  if (!placed) return placed.error();
  auto ins = a.sql(
      "INSERT INTO captures(page_id, fetched_at, last_checked, status, content_type, payload_sha256,"
      " refers_to, segment_id, offset, length, etag, last_modified) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  if (!ins) return ins.error();
  FORA_TRY((*ins)
               ->bind(1, page_id)
               .bind(2, c.fetched_at)
               .bind(3, c.fetched_at)
               .bind(4, c.status)
               .bind(5, c.content_type)
               .bind_blob(6, c.payload_sha256)
               .bind(7, refers_to)
               .bind(8, placed->first)
               .bind(9, placed->second)
               .bind(10, static_cast<std::int64_t>(frames.size()))
               .bind(11, c.etag)
               .bind(12, c.last_modified)
               .run());
  *id = sqlite3_last_insert_rowid(a.db());
  return ok();
}

// The capture, stored as a revisit of `original` (an earlier capture of the same payload
// under another URL, at `original_url`, `original_date`).
Status store_revisit(Captures::Internal& a, std::int64_t page_id, const PreparedCapture& c, std::int64_t original,
                     const std::string& original_url, std::int64_t original_date, std::int64_t* id) {
  Response head;
  head.url = c.url;
  head.status = c.status;
  head.headers = c.headers;
  head.fetched_at = c.fetched_at;
  auto frame = compress_frame(
      serialize(revisit_record(head, c.record_id, labelled(c.payload_sha256), original_url, original_date)),
      c.dictionary.get());
  if (!frame) return frame.error();
  return store_frames(a, page_id, c, c.request_frame + *frame, original, id);
}

Result<std::int64_t> store_prepared(Captures::Internal& a, const PageRow& page, const PreparedCapture& c) {
  const std::int64_t page_id = page.id;
  auto last = a.sql("SELECT id, payload_sha256, status FROM captures WHERE page_id = ? ORDER BY id DESC LIMIT 1");
  if (!last) return last.error();
  auto row = (*last)->bind(1, page_id).step();
  if (!row) return row.error();
  if (*row && (*last)->blob(1) == c.payload_sha256 && (*last)->int64(2) == c.status) {
    const std::int64_t id = (*last)->int64(0);
    auto touch = a.sql("UPDATE captures SET last_checked = ? WHERE id = ?");
    if (!touch) return touch.error();
    FORA_TRY((*touch)->bind(1, c.fetched_at).bind(2, id).run());
    return id;
  }
  // The very same fetch again (a WARC file imported twice, an older fetch than the latest):
  // nothing to add. A page without captures has none to compare with.
  if (*row) {
    auto same_fetch = a.sql("SELECT id FROM captures WHERE page_id = ? AND fetched_at = ? AND payload_sha256 = ? LIMIT 1");
    if (!same_fetch) return same_fetch.error();
    auto seen = (*same_fetch)->bind(1, page_id).bind(2, c.fetched_at).bind_blob(3, c.payload_sha256).step();
    if (!seen) return seen.error();
    if (*seen) return (*same_fetch)->int64(0);
  }
  FORA_TRY(after_capture(a, url_origin(c.url), page.site_id, c.dictionary != nullptr));
  std::int64_t id = 0;
  if (c.payload_size > 0) {
    auto same = a.sql(
        "SELECT c.id, p.url, c.fetched_at FROM captures c JOIN pages p ON p.id = c.page_id"
        " WHERE c.payload_sha256 = ? AND c.refers_to IS NULL LIMIT 1");
    if (!same) return same.error();
    auto found = (*same)->bind_blob(1, c.payload_sha256).step();
    if (!found) return found.error();
    if (*found) {
      FORA_TRY(store_revisit(a, page_id, c, (*same)->int64(0), (*same)->text(1), (*same)->int64(2), &id));
      return id;
    }
  }
  FORA_TRY(store_frames(a, page_id, c, c.request_frame + c.response_frame, std::nullopt, &id));
  return id;
}

}  // namespace

Result<std::vector<std::string>> capture_records(const Captures::Internal& a, std::int64_t segment_id, std::int64_t offset,
                                                 std::int64_t length) {
  auto seg = segment_row(a, segment_id);
  if (!seg) return seg.error();
  auto dict = record_dictionary(a, seg->dictionary_id);
  if (!dict) return dict.error();
  auto frames = a.snapshots->read(seg->name, offset, length);
  if (!frames && frames.error().code != Errc::Io) {
    // A segment cut short or gone: the records are lost as surely as damaged ones.
    return make_error(Errc::Corrupt, fmt::format("{} at {}: {}", seg->name, offset, frames.error().message),
                      kRepairHint);
  }
  if (!frames) return frames.error();
  auto records = decompress_each(*frames, dict->get());
  if (!records) {
    return make_error(Errc::Corrupt, fmt::format("{} at {}: {}", seg->name, offset, records.error().message),
                      kRepairHint);
  }
  return records;
}

Status open_segments(Captures::Internal& a) {
  auto q = a.sql(
      "SELECT id, name, coalesce(dictionary_id, 0), level, bytes FROM segments"
      " WHERE id IN (SELECT max(id) FROM segments GROUP BY dictionary_id, level)");
  if (!q) return q.error();
  std::vector<std::tuple<std::int64_t, std::string, std::pair<std::int64_t, int>, std::int64_t>> newest;
  FORA_TRY((*q)->each([&](const Statement& r) {
    newest.emplace_back(r.int64(0), r.text(1), std::pair(r.int64(2), static_cast<int>(r.int64(3))),
                        r.int64(4));
  }));
  for (const auto& [id, name, key, bytes] : newest) {
    auto cut = a.snapshots->reopen(name, bytes);
    if (!cut && cut.error().code == Errc::Corrupt) {
      // Shorter than committed (cut by a disk or a copy): the records past its end are
      // lost, and what follows must not take their offsets. New records go to a new
      // segment; `fora verify --repair` drops the lost captures.
      a.snapshots->close(name);
      a.repairs.push_back(fmt::format("{}: {}; its last records are lost (run `fora verify --repair`),"
                                      " new records go to a new segment", name, cut.error().message));
      continue;
    }
    if (!cut) return cut.error();
    if (*cut > 0) {
      a.repairs.push_back(fmt::format(
          "{}: cut {} bytes after its last committed record (a frame torn when a writer was killed)", name, *cut));
    }
    a.open_segments[key] = {id, name, false};
  }
  // A segment file the catalog does not list was started by a writer killed before it
  // committed anything there: set aside (not deleted: a catalog restored from a backup
  // would list fewer segments than the folder holds, and those records are the user's).
  const std::regex ours(R"(seg-\d{6,}\.warc\.zst)");
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(a.snapshots->dir(), ec)) {
    const std::string name = entry.path().filename().string();
    if (!std::regex_match(name, ours)) continue;
    auto known = a.sql("SELECT 1 FROM segments WHERE name = ?");
    if (!known) return known.error();
    auto row = (*known)->bind(1, name).step();
    if (!row) return row.error();
    if (*row) continue;
    fs::path aside = entry.path().string() + ".orphan";
    for (int n = 2; fs::exists(aside, ec); ++n) aside = entry.path().string() + ".orphan" + std::to_string(n);
    fs::rename(entry.path(), aside, ec);
    if (ec) return make_error(Errc::Io, fmt::format("setting aside {}: {}", entry.path().string(), ec.message()));
    a.repairs.push_back(fmt::format("{}: the catalog lists no such segment (a writer was killed as it began it,"
                                    " or the catalog is older than the folder); set aside as {}",
                                    name, aside.filename().string()));
  }
  return ok();
}

Status record_segment_sizes(Captures::Internal& a) {
  for (auto& [dict, seg] : a.open_segments)
    if (seg.grown) FORA_TRY(record_size(a, seg));
  return ok();
}

void Captures::set_segment_limit(std::int64_t bytes) { in_->segment_limit = bytes; }

Captures::Captures(Catalog& catalog, EntryWords& words, std::int64_t& change_seq)
    : in_(std::make_unique<Internal>(catalog, words, change_seq)) {}

Captures::~Captures() {
  if (in_->catalog.writable()) (void)finish_training(*in_);  // a dictionary trained is kept
}

Status open_captures(Captures::Internal& a) {
  auto store = SnapshotStore::open(a.catalog.dir() / "snapshots", a.catalog.writable());
  if (!store) return store.error();
  a.snapshots.emplace(std::move(*store));
  if (!a.catalog.writable()) return ok();
  // Readers load a dictionary when a segment they read needs it; a writer hands each
  // site's latest to the records it compresses.
  FORA_TRY(load_site_dictionaries(a));
  return open_segments(a);
}

Result<PreparedCapture> prepare_capture(const Response& response, std::shared_ptr<const Dictionary> dictionary) {
  PreparedCapture c;
  c.url = response.url;
  c.status = response.status;
  c.content_type = response.content_type;
  c.fetched_at = response.fetched_at;
  c.payload_sha256 = sha256(response.body);
  c.payload_size = response.body.size();
  c.etag = header_value(response.headers, "ETag");
  c.last_modified = header_value(response.headers, "Last-Modified");
  c.headers = response.headers;
  c.record_id = new_record_id();
  c.dictionary = std::move(dictionary);
  auto frame = compress_frame(serialize(response_record(response, c.record_id, labelled(c.payload_sha256))),
                              c.dictionary.get());
  if (!frame) return frame.error();
  c.response_frame = std::move(*frame);
  if (!response.request.empty()) {
    auto req = compress_frame(serialize(request_record(response, c.record_id)), c.dictionary.get());
    if (!req) return req.error();
    c.request_frame = std::move(*req);
  }
  return c;
}

Result<std::int64_t> Captures::store_capture(const Response& response) {
  auto prepared = prepare_capture(response);
  if (!prepared) return prepared.error();
  return store_capture(*prepared);
}

Status Captures::for_each_first_payload(
    const std::function<void(std::string_view sha256, std::string_view url)>& fn) const {
  // In the table's order: read through captures_by_payload, a million rows took 13 s, not
  // 0.35 s (each a random read of the table).
  auto q = in_->sql(
      "SELECT c.payload_sha256, p.url FROM captures c NOT INDEXED JOIN pages p ON p.id = c.page_id"
      " WHERE c.refers_to IS NULL AND c.status = 200 ORDER BY c.id");
  if (!q) return q.error();
  for (;;) {
    auto row = (*q)->step();
    if (!row) return row.error();
    if (!*row) return ok();
    fn((*q)->blob(0), (*q)->text(1));
  }
}

Result<std::int64_t> Captures::store_capture(const PreparedCapture& capture) {
  FORA_TRY(in_->catalog.begin_batch());
  auto id = [&]() -> Result<std::int64_t> {
    auto page = ensure_page(in_->catalog, capture.url, capture.fetched_at);
    if (!page) return page.error();
    return store_prepared(*in_, *page, capture);
  }();
  Status committed = in_->catalog.commit_batch();
  if (!id) return id.error();
  if (!committed) return committed.error();
  return id;
}

Result<std::optional<Captures::LastCapture>> Captures::last_capture(std::string_view url) const {
  auto q = in_->sql(
      "SELECT c.id, c.etag, c.last_modified, c.fetched_at FROM captures c JOIN pages p ON p.id = c.page_id"
      " WHERE p.url = ? AND c.status = 200 ORDER BY c.id DESC LIMIT 1");
  if (!q) return q.error();
  auto row = (*q)->bind(1, url).step();
  if (!row) return row.error();
  if (!*row) return std::optional<LastCapture>();
  return std::optional<LastCapture>(LastCapture{(*q)->int64(0), (*q)->text(1), (*q)->text(2), (*q)->int64(3)});
}

Result<std::optional<std::int64_t>> Captures::find_capture(std::string_view url, std::int64_t fetched_at) const {
  auto q = in_->sql(
      "SELECT c.id FROM captures c JOIN pages p ON p.id = c.page_id WHERE p.url = ?"
      " ORDER BY c.fetched_at = ? DESC, c.id DESC LIMIT 1");
  if (!q) return q.error();
  auto row = (*q)->bind(1, url).bind(2, fetched_at).step();
  if (!row) return row.error();
  if (!*row) return std::optional<std::int64_t>();
  return std::optional<std::int64_t>((*q)->int64(0));
}

Result<std::vector<std::int64_t>> Captures::latest_captures(const std::string& site) const {
  auto q = in_->sql(
      "SELECT (SELECT max(c.id) FROM captures c WHERE c.page_id = p.id AND c.status = 200) AS latest"
      " FROM pages p JOIN sites s ON s.id = p.site_id WHERE (?1 = '' OR s.origin = ?1) AND latest IS NOT NULL"
      " ORDER BY p.id");
  if (!q) return q.error();
  (*q)->bind(1, site);
  std::vector<std::int64_t> out;
  FORA_TRY((*q)->each([&](const Statement& r) {
    out.push_back(r.int64(0));
  }));
  return out;
}

Status Captures::touch_capture(std::int64_t capture_id, std::int64_t checked_at) {
  auto touch = in_->sql("UPDATE captures SET last_checked = ? WHERE id = ?");
  if (!touch) return touch.error();
  return (*touch)->bind(1, checked_at).bind(2, capture_id).run();
}

Result<Response> Captures::read_capture(std::int64_t capture_id) const {
  auto q = in_->sql("SELECT segment_id, offset, length, refers_to FROM captures WHERE id = ?");
  if (!q) return q.error();
  auto row = (*q)->bind(1, capture_id).step();
  if (!row) return row.error();
  if (!*row) return make_error(Errc::NotFound, fmt::format("no capture {}", capture_id));
  const std::optional<std::int64_t> refers_to = (*q)->opt_int64(3);
  auto records = records_at(*in_, (*q)->int64(0), (*q)->int64(1), (*q)->int64(2));
  if (!records) {
    Error e = records.error();
    e.message = fmt::format("capture {}: {}", capture_id, e.message);
    return e;
  }
  std::string request;
  for (const WarcRecord& rec : *records) {
    const std::string type = rec.type();
    if (type == "request") request = rec.block;
    if (type != "response" && type != "revisit") continue;
    auto r = response_of(rec);
    if (!r) return r.error();
    r->request = std::move(request);
    if (refers_to && *refers_to != capture_id) {
      auto original = read_capture(*refers_to);
      if (!original) return original.error();
      r->body = std::move(original->body);
      r->body_as_received = std::move(original->body_as_received);
    }
    return r;
  }
  return make_error(Errc::Corrupt, fmt::format("capture {} holds no response record", capture_id));
}

Status Captures::for_each_capture(
    const ExportFilter& filter,
    const std::function<Status(std::string_view, std::int64_t, const std::vector<std::string>&)>& fn,
    const std::function<void(const std::string&)>& skipped) const {
  auto q = in_->sql(
      "SELECT c.segment_id, c.offset, c.length, p.url, c.fetched_at, c.id FROM captures c"
      " JOIN pages p ON p.id = c.page_id JOIN sites s ON s.id = p.site_id"
      " WHERE (?1 = '' OR s.origin = ?1) AND c.fetched_at >= ?2 ORDER BY c.id");
  if (!q) return q.error();
  (*q)->bind(1, filter.site).bind(2, filter.since);
  for (;;) {
    auto row = (*q)->step();
    if (!row) return row.error();
    if (!*row) return ok();
    auto records = capture_records(*in_, (*q)->int64(0), (*q)->int64(1), (*q)->int64(2));
    if (!records && records.error().code == Errc::Corrupt && skipped) {
      skipped(fmt::format("capture {} ({}): {}", (*q)->int64(5), (*q)->text(3), records.error().message));
      continue;
    }
    if (!records) return records.error();
    FORA_TRY(fn((*q)->text(3), (*q)->int64(4), *records));
  }
}

}  // namespace fora::archive
