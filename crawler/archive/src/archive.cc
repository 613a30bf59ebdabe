// Archive: opening, locking, the frontier, captures and merging thread pages. Reading for the
// indexer and `show` is in catalog_reader.cc.
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "archive_impl.h"
#include "catalog_schema.h"
#include "digest.h"
#include "entry_matching.h"
#include "entry_text.h"

namespace fora::archive {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

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

std::string origin_of(std::string_view url) {
  std::size_t start = url.find("://");
  start = start == std::string_view::npos ? 0 : start + 3;
  const std::size_t end = url.find_first_of("/?#", start);
  return std::string(url.substr(start, end == std::string_view::npos ? url.size() - start : end - start));
}

namespace {

Result<int> take_lock(const fs::path& dir) {
  const fs::path path = dir / "lock";
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) {
    return make_error(Errc::Io, fmt::format("opening {}: {}", path.string(), std::strerror(errno)));
  }
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    ::close(fd);
    return make_error(Errc::Locked, fmt::format("archive {} is in use by another fora", dir.string()),
                      "wait for the other crawl, index or update to finish");
  }
  return fd;
}

}  // namespace

Archive::Impl::~Impl() {
  statements.clear();  // finalize before the connection closes
  db.reset();
  if (lock_fd >= 0) ::close(lock_fd);
}

Archive::Archive(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Archive::~Archive() {
  if (impl_ && impl_->batch_depth > 0) {
    impl_->batch_depth = 1;
    (void)commit_batch();
  }
  if (impl_ && impl_->writable) (void)finish_training(*impl_);  // a dictionary trained is kept
}

const fs::path& Archive::dir() const { return impl_->dir; }
fs::path Archive::index_dir() const { return impl_->dir / "index"; }

Result<std::unique_ptr<Archive>> Archive::open(const fs::path& dir, Mode mode) {
  auto impl = std::make_unique<Impl>();
  impl->dir = dir;
  impl->writable = mode == Mode::Write;
  const fs::path catalog = dir / "catalog.db";
  std::error_code ec;
  if (impl->writable) {
    fs::create_directories(dir / "snapshots", ec);
    if (!ec) fs::create_directories(dir / "index", ec);
    if (ec) {
      return make_error(Errc::Io, fmt::format("creating archive {}: {}", dir.string(), ec.message()),
                        "choose another place with --archive DIR");
    }
    auto fd = take_lock(dir);
    if (!fd) return fd.error();
    impl->lock_fd = *fd;
  } else if (!fs::exists(catalog, ec)) {
    return make_error(Errc::NotFound, fmt::format("no archive at {}", dir.string()),
                      "crawl something first (fora crawl URL), or name the archive with --archive DIR");
  }

  sqlite3* raw = nullptr;
  const int flags = impl->writable ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READONLY;
  const int rc = sqlite3_open_v2(catalog.c_str(), &raw, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  impl->db.reset(raw);
  if (rc != SQLITE_OK) return sqlite_error(raw, fmt::format("opening {}", catalog.string()));
  sqlite3_busy_timeout(raw, 5000);
  if (impl->writable) {
    // WAL: readers (search, show, stats) never block the writer, nor it them.
    FORA_TRY(exec(raw, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON"));
  }
  FORA_TRY(register_catalog_functions(raw));
  FORA_TRY(ensure_schema(raw, impl->writable, catalog));

  auto store = SnapshotStore::open(dir / "snapshots", impl->writable);
  if (!store) return store.error();
  impl->snapshots.emplace(std::move(*store));
  if (impl->writable) {
    // Readers load a dictionary when a segment they read needs it; a writer hands each
    // site's latest to the records it compresses.
    FORA_TRY(load_site_dictionaries(*impl));
    FORA_TRY(load_site_text_dictionaries(*impl));
    FORA_TRY(open_segments(*impl));
    auto seq = impl->sql("SELECT coalesce(max(change_seq), 0) FROM comments");
    if (!seq) return seq.error();
    FORA_TRY((*seq)->step());
    impl->change_seq = (*seq)->int64(0);
    auto links = impl->sql("SELECT EXISTS (SELECT 1 FROM reply_links)");
    if (!links) return links.error();
    FORA_TRY((*links)->step());
    impl->any_reply_links = (*links)->int64(0) != 0;
  }
  return std::unique_ptr<Archive>(new Archive(std::move(impl)));
}

Status Archive::begin_batch() {
  if (impl_->batch_depth++ == 0) return exec(impl_->db.get(), "BEGIN IMMEDIATE");
  return ok();
}

Status Archive::commit_batch() {
  if (impl_->batch_depth == 0) return make_error(Errc::Internal, "commit_batch without begin_batch");
  if (--impl_->batch_depth > 0) return ok();
  // Frames reach the disk before the catalog rows that point at them.
  FORA_TRY(impl_->snapshots->sync());
  FORA_TRY(record_segment_sizes(*impl_));
  return exec(impl_->db.get(), "COMMIT");
}

// --- sites and the frontier ---

namespace {

Result<std::int64_t> site_id(const Archive::Impl& a, std::string_view origin, std::int64_t now) {
  auto ins = a.sql("INSERT INTO sites(origin, first_seen) VALUES(?, ?) ON CONFLICT(origin) DO NOTHING");
  if (!ins) return ins.error();
  FORA_TRY((*ins)->bind(1, origin).bind(2, now).run());
  auto q = a.sql("SELECT id FROM sites WHERE origin = ?");
  if (!q) return q.error();
  FORA_TRY((*q)->bind(1, origin).step());
  return (*q)->int64(0);
}

}  // namespace

Result<PageRow> ensure_page(const Archive::Impl& a, std::string_view url, std::int64_t now, int depth, int hops) {
  auto q = a.sql("SELECT id, site_id FROM pages WHERE url = ?");
  if (!q) return q.error();
  auto row = (*q)->bind(1, url).step();
  if (!row) return row.error();
  if (*row) return PageRow{(*q)->int64(0), false, (*q)->int64(1)};
  auto site = site_id(a, origin_of(url), now);
  if (!site) return site.error();
  auto ins = a.sql(
      "INSERT INTO pages(site_id, url, state, discovered_at, updated_at, depth, hops)"
      " VALUES(?, ?, 'queued', ?, ?, ?, ?)");
  if (!ins) return ins.error();
  FORA_TRY((*ins)->bind(1, *site).bind(2, url).bind(3, now).bind(4, now).bind(5, depth).bind(6, hops).run());
  return PageRow{sqlite3_last_insert_rowid(a.db.get()), true, *site};
}

Result<bool> Archive::add_page(std::string_view url, std::int64_t now, int depth, int hops) {
  auto page = ensure_page(*impl_, url, now, depth, hops);
  if (!page) return page.error();
  return page->created;
}

Status Archive::set_page_state(std::string_view url, PageState state, std::string_view reason,
                               std::int64_t now) {
  auto page = ensure_page(*impl_, url, now);
  if (!page) return page.error();
  auto up = impl_->sql("UPDATE pages SET state = ?, reason = ?, updated_at = ? WHERE id = ?");
  if (!up) return up.error();
  return (*up)->bind(1, state_name(state)).bind(2, reason).bind(3, now).bind(4, page->id).run();
}

Result<std::optional<PageState>> Archive::page_state(std::string_view url) const {
  auto q = impl_->sql("SELECT state FROM pages WHERE url = ?");
  if (!q) return q.error();
  auto row = (*q)->bind(1, url).step();
  if (!row) return row.error();
  if (!*row) return std::optional<PageState>();
  const std::string state = (*q)->text(0);
  for (PageState s : {PageState::Queued, PageState::Fetched, PageState::Failed, PageState::Skipped})
    if (state == state_name(s)) return std::optional<PageState>(s);
  return make_error(Errc::Corrupt, "page " + std::string(url) + " has the unknown state " + state);
}

namespace {

Result<std::vector<std::string>> text_column(Statement& q) {
  std::vector<std::string> out;
  for (;;) {
    auto row = q.step();
    if (!row) return row.error();
    if (!*row) return out;
    out.push_back(q.text(0));
  }
}

}  // namespace

Result<std::vector<Archive::QueuedPage>> Archive::queued_pages(std::string_view origin,
                                                              std::size_t limit) const {
  auto q = impl_->sql(
      "SELECT p.url, p.depth, c.etag, c.last_modified, p.hops FROM pages p JOIN sites s ON s.id = p.site_id"
      " LEFT JOIN captures c ON c.id = (SELECT max(id) FROM captures WHERE page_id = p.id AND status = 200)"
      " WHERE s.origin = ? AND p.state = 'queued' ORDER BY p.id LIMIT ?");
  if (!q) return q.error();
  (*q)->bind(1, origin).bind(2, static_cast<std::int64_t>(limit));
  std::vector<QueuedPage> out;
  for (;;) {
    auto row = (*q)->step();
    if (!row) return row.error();
    if (!*row) return out;
    out.push_back({(*q)->text(0), static_cast<int>((*q)->int64(1)), (*q)->text(2), (*q)->text(3),
                   static_cast<int>((*q)->int64(4))});
  }
}

Result<std::vector<std::string>> Archive::sites_with_queued_pages() const {
  auto q = impl_->sql(
      "SELECT origin FROM sites s WHERE EXISTS"
      " (SELECT 1 FROM pages p WHERE p.site_id = s.id AND p.state = 'queued') ORDER BY id");
  if (!q) return q.error();
  return text_column(**q);
}

Result<std::int64_t> Archive::count_queued() const {
  auto q = impl_->sql("SELECT count(*) FROM pages WHERE state = 'queued'");
  if (!q) return q.error();
  FORA_TRY((*q)->step());
  return (*q)->int64(0);
}

Result<std::string> Archive::open_crawl() const {
  auto q = impl_->sql("SELECT value FROM meta WHERE key = 'open_crawl'");
  if (!q) return q.error();
  auto row = (*q)->step();
  if (!row) return row.error();
  return *row ? (*q)->text(0) : std::string();
}

Status Archive::set_open_crawl(std::string_view key) {
  auto put = impl_->sql("INSERT OR REPLACE INTO meta(key, value) VALUES('open_crawl', ?)");
  if (!put) return put.error();
  return (*put)->bind(1, key).run();
}

// --- threads ---

namespace {

struct ThreadRow {
  std::int64_t id = 0;
  bool changed = false;  // title, URL, categories or tags differ from what was stored
};

// A thread's title, categories and tags as first seen at `now`: its latest version.
Status add_thread_version(const Archive::Impl& a, std::int64_t thread, const extract::ThreadPage& page,
                          const std::string& cats, const std::string& tags, std::int64_t now) {
  auto ins = a.sql("INSERT INTO thread_versions(thread_id, seen_at, title, categories, tags) VALUES(?, ?, ?, ?, ?)");
  if (!ins) return ins.error();
  return (*ins)->bind(1, thread).bind(2, now).bind(3, page.title).bind(4, cats).bind(5, tags).run();
}

Result<ThreadRow> upsert_thread(const Archive::Impl& a, std::int64_t site,
                                const extract::ThreadPage& page, std::int64_t now) {
  const std::string cats = json(page.categories).dump();
  const std::string tags = json(page.tags).dump();
  auto q = a.sql(
      "SELECT id, url, title, categories, tags, last_seen, gone_since FROM threads WHERE site_id = ? AND native_id = ?");
  if (!q) return q.error();
  auto row = (*q)->bind(1, site).bind(2, page.thread_id).step();
  if (!row) return row.error();
  if (!*row) {
    auto ins = a.sql(
        "INSERT INTO threads(site_id, native_id, url, title, categories, tags, first_seen, last_seen)"
        " VALUES(?, ?, ?, ?, ?, ?, ?, ?)");
    if (!ins) return ins.error();
    FORA_TRY((*ins)->bind(1, site).bind(2, page.thread_id).bind(3, page.thread_url).bind(4, page.title)
                 .bind(5, cats).bind(6, tags).bind(7, now).bind(8, now).run());
    const std::int64_t id = sqlite3_last_insert_rowid(a.db.get());
    FORA_TRY(add_thread_version(a, id, page, cats, tags, now));
    return ThreadRow{id, false};
  }
  ThreadRow t{(*q)->int64(0), false};
  const std::string old_url = (*q)->text(1);
  const bool shown_changed = (*q)->text(2) != page.title || (*q)->text(3) != cats || (*q)->text(4) != tags;
  // Read again after its URL answered 404 or 410: back (and reindexed).
  t.changed = old_url != page.thread_url || shown_changed || !(*q)->is_null(6);
  if (shown_changed) {
    // The version it replaces was last seen when the thread was.
    auto close = a.sql(
        "UPDATE thread_versions SET last_seen = ?2 WHERE id = (SELECT max(id) FROM thread_versions WHERE thread_id = ?1)");
    if (!close) return close.error();
    FORA_TRY((*close)->bind(1, t.id).bind(2, (*q)->int64(5)).run());
    FORA_TRY(add_thread_version(a, t.id, page, cats, tags, now));
  }
  if (old_url != page.thread_url) {
    // Its entries' URLs are kept relative to the thread's: make them relative to the new one.
    auto move = a.sql(
        "UPDATE comments SET url = fora_relative_url(fora_full_url(url, ?2), ?3) WHERE thread_id = ?1");
    if (!move) return move.error();
    FORA_TRY((*move)->bind(1, t.id).bind(2, old_url).bind(3, page.thread_url).run());
  }
  auto up = a.sql(t.changed
                      ? "UPDATE threads SET last_seen = max(last_seen, ?2), url = ?3, title = ?4, categories = ?5, tags = ?6,"
                        " gone_since = NULL WHERE id = ?1"
                      : "UPDATE threads SET last_seen = max(last_seen, ?2) WHERE id = ?1");
  if (!up) return up.error();
  (*up)->bind(1, t.id).bind(2, now);
  if (t.changed) (*up)->bind(3, page.thread_url).bind(4, page.title).bind(5, cats).bind(6, tags);
  FORA_TRY((*up)->run());
  return t;
}

// A version of entry `id` of a site: its text and quotes as seen at `now`.
Status add_version(Archive::Impl& a, std::int64_t id, std::int64_t site, const extract::Entry& e, std::int64_t now) {
  auto packed = pack_version(a, site, e);
  if (!packed) return packed.error();
  auto ver = a.sql(
      "INSERT INTO comment_versions(comment_id, seen_at, dictionary_id, text, quotes) VALUES(?, ?, ?, ?, ?)");
  if (!ver) return ver.error();
  (*ver)->bind(1, id).bind(2, now).bind_blob(4, packed->text).bind_blob(5, packed->quotes);
  if (packed->dictionary_id != 0) (*ver)->bind(3, packed->dictionary_id);
  return (*ver)->run();
}

// Where an entry of a thread goes: the thread's row, its site, its URL, and the page it is
// read from (0: not known).
struct ThreadPlace {
  std::int64_t id = 0, site = 0;
  std::string_view url;
  std::int64_t page = 0;
};

// Adds or refreshes one entry of a thread; a change in what its page shows of it (words,
// quotes, author, date, edit time) adds a version.
Status upsert_entry(Archive::Impl& a, const ThreadPlace& thread, const char* kind, const extract::Entry& e,
                    std::int64_t now) {
  const std::string precision = extract::precision_name(e.precision);
  std::optional<std::int64_t> published = e.published;
  std::string url = relative_url(e.url, thread.url);
  auto q = a.sql(
      "SELECT c.id, c.author, c.published, c.parent_native_id, c.url, v.id, coalesce(v.dictionary_id, 0),"
      " v.text, v.quotes, c.gone_since, c.date_precision, c.edited"
      " FROM comments c JOIN comment_versions v ON v.id ="
      "   (SELECT max(id) FROM comment_versions WHERE comment_id = c.id)"
      " WHERE c.thread_id = ? AND c.kind = ? AND c.native_id = ?");
  if (!q) return q.error();
  auto row = (*q)->bind(1, thread.id).bind(2, kind).bind(3, e.native_id).step();
  if (!row) return row.error();

  std::int64_t id = 0;
  bool new_version = true;
  if (!*row) {
    auto ins = a.sql(
        "INSERT INTO comments(thread_id, kind, native_id, author, published, parent_native_id, url,"
        " first_seen, last_seen, change_seq, date_precision, edited, page_id)"
        " VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, nullif(?, 0))");
    if (!ins) return ins.error();
    FORA_TRY((*ins)->bind(1, thread.id).bind(2, kind).bind(3, e.native_id).bind(4, e.author)
                 .bind(5, e.published).bind(6, e.parent_id).bind(7, url).bind(8, now).bind(9, now)
                 .bind(10, ++a.change_seq).bind(11, precision).bind(12, e.edited).bind(13, thread.page).run());
    id = sqlite3_last_insert_rowid(a.db.get());
    ++a.entries_new;
    // Entries that a thread index says reply to this page now have their parent.
    if (a.any_reply_links) {
      auto children = a.sql(
          "UPDATE comments SET change_seq = ?2 WHERE parent_native_id = '' AND id IN"
          " (SELECT pe.id FROM reply_links r JOIN page_entries pe ON pe.url = r.child_url WHERE r.parent_url = ?1)");
      if (!children) return children.error();
      FORA_TRY((*children)->bind(1, e.url).bind(2, ++a.change_seq).run());
    }
  } else {
    id = (*q)->int64(0);
    auto unpacked = unpack_version(a, (*q)->int64(5), (*q)->int64(6), (*q)->blob(7), (*q)->blob(8));
    // Words damaged or lost in the catalog: what the page shows now is a new version.
    UnpackedVersion stored = unpacked && !unpacked->lost ? std::move(*unpacked) : UnpackedVersion{{}, {}, true};
    // A date read from "3 hours ago" against each capture moves with the capture, and its
    // unit grows with age: between two approximate readings the first stays, and is not a
    // change.
    const std::string approximate = extract::precision_name(extract::DatePrecision::Approximate);
    if (precision == approximate && (*q)->text(10) == approximate) published = (*q)->opt_int64(2);
    // What the page shows of the entry: a change in any of it is a new version.
    new_version = stored.lost || stored.text != e.text || quotes_json(stored.quotes) != quotes_json(e.quotes) ||
                  (*q)->text(1) != e.author || (*q)->opt_int64(2) != published ||
                  (*q)->text(10) != precision || (*q)->opt_int64(11) != e.edited;
    if (new_version) {
      // The version it replaces keeps what it showed, and when it was last seen.
      auto close = a.sql(
          "UPDATE comment_versions SET last_seen = c.last_seen, author = c.author, published = c.published,"
          " date_precision = c.date_precision, edited = c.edited FROM comments c"
          " WHERE comment_versions.id = ?1 AND c.id = comment_versions.comment_id");
      if (!close) return close.error();
      FORA_TRY((*close)->bind(1, (*q)->int64(5)).run());
    }
    // Pages that repeat another (WordPress's comment-page-1/ is its post's page) show an
    // entry under two URLs; taking the latest would flip it with the order pages are read
    // in. The shorter wins, so an entry's URL settles (a thread that moves makes its old
    // URLs whole, and longer than the new ones).
    const std::string stored_url = (*q)->text(4);
    if (url.size() >= stored_url.size()) url = stored_url;
    const bool changed = new_version || (*q)->text(3) != e.parent_id || url != stored_url || !(*q)->is_null(9);
    if (!(*q)->is_null(9)) {
      // Seen again after it went missing.
      auto back = a.sql("UPDATE gone_marks SET back_at = ?2 WHERE comment_id = ?1 AND back_at IS NULL");
      if (!back) return back.error();
      FORA_TRY((*back)->bind(1, id).bind(2, now).run());
    }
    auto up = a.sql(changed
                        ? "UPDATE comments SET last_seen = max(last_seen, ?2), author = ?3, published = ?4,"
                          " parent_native_id = ?5, url = ?6, gone_since = NULL, change_seq = ?7,"
                          " date_precision = ?8, edited = ?9, page_id = coalesce(nullif(?10, 0), page_id) WHERE id = ?1"
                        : "UPDATE comments SET last_seen = max(last_seen, ?2),"
                          " page_id = coalesce(nullif(?10, 0), page_id) WHERE id = ?1");
    if (!up) return up.error();
    (*up)->bind(1, id).bind(2, now).bind(10, thread.page);
    if (changed) {
      (*up)->bind(3, e.author).bind(4, published).bind(5, e.parent_id).bind(6, url)
          .bind(7, ++a.change_seq).bind(8, precision).bind(9, e.edited);
    }
    FORA_TRY((*up)->run());
  }
  if (!new_version) return ok();
  if (*row) ++a.entries_edited;
  return add_version(a, id, thread.site, e, now);
}

}  // namespace

namespace {

// After entries were marked changed with change_seq = change_seq + id: the writer's
// counter catches up with the highest handed out.
Status catch_up_change_seq(Archive::Impl& a) {
  auto top = a.sql("SELECT coalesce(max(change_seq), 0) FROM comments");
  if (!top) return top.error();
  FORA_TRY((*top)->step());
  a.change_seq = std::max(a.change_seq, (*top)->int64(0));
  return ok();
}

Status merge_thread_page(Archive::Impl& a, std::string_view site, const extract::ThreadPage& page,
                         std::int64_t seen_at, std::string_view page_url) {
  auto sid = site_id(a, site, seen_at);
  if (!sid) return sid.error();
  std::int64_t page_id = 0;
  // A page that shows a thread but none of its entries (an error or maintenance page served
  // with 200, a template the reader no longer fits) is not read whole: it marks nothing gone.
  if (!page_url.empty() && (page.post || !page.comments.empty())) {
    auto row = ensure_page(a, page_url, seen_at);
    if (!row) return row.error();
    page_id = row->id;
    auto whole = a.sql("UPDATE pages SET whole_at = max(coalesce(whole_at, 0), ?2) WHERE id = ?1");
    if (!whole) return whole.error();
    FORA_TRY((*whole)->bind(1, page_id).bind(2, seen_at).run());
  }
  auto thread = upsert_thread(a, *sid, page, seen_at);
  if (!thread) return thread.error();
  if (thread->changed) {
    // The thread's title, categories and tags are indexed with every entry: reindex them all.
    auto bump = a.sql("UPDATE comments SET change_seq = ?2 + id WHERE thread_id = ?1");
    if (!bump) return bump.error();
    FORA_TRY((*bump)->bind(1, thread->id).bind(2, a.change_seq).run());
    FORA_TRY(catch_up_change_seq(a));
  }
  const ThreadPlace place{thread->id, *sid, page.thread_url, page_id};
  if (page.post) FORA_TRY(upsert_entry(a, place, "post", *page.post, seen_at));
  const bool unidentified = std::any_of(page.comments.begin(), page.comments.end(),
                                        [](const extract::Entry& c) { return extract::is_content_id(c.native_id); });
  if (!unidentified) {
    for (const auto& c : page.comments) FORA_TRY(upsert_entry(a, place, "comment", c, seen_at));
    return ok();
  }
  std::vector<extract::Entry> comments = page.comments;
  FORA_TRY(match_unidentified(a, thread->id, page_id, comments));
  for (const auto& c : comments) FORA_TRY(upsert_entry(a, place, "comment", c, seen_at));
  return ok();
}

}  // namespace

Status Archive::store_reply_links(const std::vector<extract::ReplyLink>& links,
                                  std::int64_t seen_at) {
  Impl& a = *impl_;
  for (const extract::ReplyLink& link : links) {
    auto known = a.sql("SELECT parent_url FROM reply_links WHERE child_url = ?");
    if (!known) return known.error();
    auto row = (*known)->bind(1, link.child_url).step();
    if (!row) return row.error();
    if (*row && (*known)->text(0) == link.parent_url) continue;
    auto put = a.sql("INSERT OR REPLACE INTO reply_links(child_url, parent_url, seen_at) VALUES(?, ?, ?)");
    if (!put) return put.error();
    FORA_TRY((*put)->bind(1, link.child_url).bind(2, link.parent_url).bind(3, seen_at).run());
    a.any_reply_links = true;
    auto bump = a.sql(
        "UPDATE comments SET change_seq = ?2 WHERE parent_native_id = ''"
        " AND id IN (SELECT id FROM page_entries WHERE url = ?1)");
    if (!bump) return bump.error();
    FORA_TRY((*bump)->bind(1, link.child_url).bind(2, ++a.change_seq).run());
  }
  return ok();
}

Result<bool> Archive::store_thread_page(std::string_view site, const extract::ThreadPage& page,
                                        std::int64_t seen_at, std::string_view page_url) {
  if (page.thread_id.empty()) {
    return make_error(Errc::InvalidArgument, "thread page without a thread id");
  }
  // A savepoint makes the page all-or-nothing, inside or outside a batch.
  sqlite3* db = impl_->db.get();
  const std::int64_t seq_before = impl_->change_seq;
  const std::int64_t new_before = impl_->entries_new, edited_before = impl_->entries_edited;
  FORA_TRY(exec(db, "SAVEPOINT thread_page"));
  Status merged = merge_thread_page(*impl_, site, page, seen_at, page_url);
  if (!merged) {
    (void)exec(db, "ROLLBACK TO thread_page; RELEASE thread_page");
    impl_->change_seq = seq_before;
    impl_->entries_new = new_before;
    impl_->entries_edited = edited_before;
    return merged.error();
  }
  FORA_TRY(exec(db, "RELEASE thread_page"));
  return impl_->change_seq != seq_before;
}

Result<std::int64_t> Archive::mark_missing_gone(std::int64_t since, std::int64_t now) {
  Impl& a = *impl_;
  FORA_TRY(begin_batch());
  const Status marked = [&]() -> Status {
    auto marks = a.sql(
        "INSERT INTO gone_marks(comment_id, gone_at) SELECT c.id, ?2 FROM comments c JOIN pages p ON p.id = c.page_id"
        " WHERE p.whole_at >= ?1 AND c.last_seen < ?1 AND c.gone_since IS NULL");
    if (!marks) return marks.error();
    FORA_TRY((*marks)->bind(1, since).bind(2, now).run());
    // change_seq moves, so the index learns it.
    auto gone = a.sql(
        "UPDATE comments SET gone_since = ?2, change_seq = ?3 + id WHERE gone_since IS NULL AND id IN"
        " (SELECT comment_id FROM gone_marks WHERE gone_at = ?2 AND back_at IS NULL)");
    if (!gone) return gone.error();
    FORA_TRY((*gone)->bind(1, since).bind(2, now).bind(3, a.change_seq).run());
    return ok();
  }();
  const std::int64_t n = sqlite3_changes(a.db.get());
  const Status committed = commit_batch();
  FORA_TRY(marked);
  FORA_TRY(committed);
  FORA_TRY(catch_up_change_seq(a));
  a.entries_gone += n;
  return n;
}

Result<std::int64_t> Archive::mark_thread_gone(std::string_view url, std::int64_t now) {
  Impl& a = *impl_;
  auto gone = a.sql("UPDATE threads SET gone_since = ?2 WHERE url = ?1 AND gone_since IS NULL");
  if (!gone) return gone.error();
  FORA_TRY((*gone)->bind(1, url).bind(2, now).run());
  const std::int64_t n = sqlite3_changes(a.db.get());
  if (n == 0) return n;
  // Its entries are read with the thread: the index learns it.
  auto bump = a.sql(
      "UPDATE comments SET change_seq = ?2 + id WHERE thread_id IN (SELECT id FROM threads WHERE url = ?1)");
  if (!bump) return bump.error();
  FORA_TRY((*bump)->bind(1, url).bind(2, a.change_seq).run());
  FORA_TRY(catch_up_change_seq(a));
  return n;
}

}  // namespace fora::archive
