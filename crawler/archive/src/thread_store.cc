// ThreadStore: merging thread pages into the catalog (threads, entries and their versions),
// reply links, gone marks. Reading them back is in catalog_reader.cc, export in
// export_reader.cc.
#include <algorithm>

#include <nlohmann/json.hpp>

#include "entry_matching.h"
#include "page_rows.h"
#include "thread_store_internal.h"

namespace fora::archive {

ThreadStore::ThreadStore(Catalog& catalog, RunCounts& tally) : in_(std::make_unique<Internal>(catalog, tally)) {}
ThreadStore::~ThreadStore() = default;

Status open_thread_store(ThreadStore::Internal& a) {
  FORA_TRY(load_site_text_dictionaries(a.words));
  auto seq = a.sql("SELECT coalesce(max(change_seq), 0) FROM comments");
  if (!seq) return seq.error();
  FORA_TRY((*seq)->step());
  a.change_seq = (*seq)->int64(0);
  auto links = a.sql("SELECT EXISTS (SELECT 1 FROM reply_links)");
  if (!links) return links.error();
  FORA_TRY((*links)->step());
  a.any_reply_links = (*links)->int64(0) != 0;
  return ok();
}

namespace {

using json = nlohmann::json;

struct ThreadRow {
  std::int64_t id = 0;
  bool changed = false;  // title, URL, categories or tags differ from what was stored
};

// A thread's title, categories and tags as first seen at `now`: its latest version.
Status add_thread_version(const ThreadStore::Internal& a, std::int64_t thread, const extract::ThreadPage& page,
                          const std::string& cats, const std::string& tags, std::int64_t now) {
  auto ins = a.sql("INSERT INTO thread_versions(thread_id, seen_at, title, categories, tags) VALUES(?, ?, ?, ?, ?)");
  if (!ins) return ins.error();
  return (*ins)->bind(1, thread).bind(2, now).bind(3, page.title).bind(4, cats).bind(5, tags).run();
}

Result<ThreadRow> upsert_thread(const ThreadStore::Internal& a, std::int64_t site,
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
    const std::int64_t id = sqlite3_last_insert_rowid(a.db());
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
Status add_version(ThreadStore::Internal& a, std::int64_t id, std::int64_t site, const extract::Entry& e, std::int64_t now) {
  auto packed = pack_version(a.words, site, e, a.catalog.now());
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
Status upsert_entry(ThreadStore::Internal& a, const ThreadPlace& thread, const char* kind, const extract::Entry& e,
                    std::int64_t now) {
  const std::string precision = extract::precision_name(e.precision);
  std::optional<std::int64_t> published = e.published;
  std::string url = relative_url(e.url, thread.url);
  auto q = a.sql(
      "SELECT c.id, c.author, c.published, c.parent_native_id, c.url, v.id, coalesce(v.dictionary_id, 0),"
      " v.text, v.quotes, c.gone_since, c.date_precision, c.edited, coalesce(c.page_id, 0)"
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
    id = sqlite3_last_insert_rowid(a.db());
    ++a.tally.entries_new;
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
    // A comment last seen on another page of its thread moved (a post is shown on each page
    // of its thread by some engines: it does not move).
    const std::int64_t was_on = (*q)->int64(12);
    std::vector<std::int64_t>& took_from = a.last_page.took_from;
    if (std::string_view(kind) == "comment" && thread.page != 0 && was_on != 0 && was_on != thread.page &&
        std::find(took_from.begin(), took_from.end(), was_on) == took_from.end())
      took_from.push_back(was_on);
    auto unpacked = unpack_version(a.words, (*q)->int64(5), (*q)->int64(6), (*q)->blob(7), (*q)->blob(8));
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
  if (*row) ++a.tally.entries_edited;
  return add_version(a, id, thread.site, e, now);
}

}  // namespace

Status catch_up_change_seq(ThreadStore::Internal& a) {
  auto top = a.sql("SELECT coalesce(max(change_seq), 0) FROM comments");
  if (!top) return top.error();
  FORA_TRY((*top)->step());
  a.change_seq = std::max(a.change_seq, (*top)->int64(0));
  return ok();
}

namespace {

Status merge_thread_page(ThreadStore::Internal& a, std::string_view site, const extract::ThreadPage& page,
                         std::int64_t seen_at, std::string_view page_url) {
  auto sid = site_id(a.catalog, site, seen_at);
  if (!sid) return sid.error();
  std::int64_t page_id = 0;
  // A page that shows a thread but none of its entries (an error or maintenance page served
  // with 200, a template the reader no longer fits) is not read whole: it marks nothing gone.
  if (!page_url.empty() && (page.post || !page.comments.empty())) {
    auto row = ensure_page(a.catalog, page_url, seen_at);
    if (!row) return row.error();
    page_id = row->id;
    FORA_TRY(note_read_whole(a.catalog, page_id, seen_at));
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
  a.last_page = {thread->id, page_id, seen_at, {}};  // page_id 0: not read whole, nothing moved
  if (page.post) FORA_TRY(upsert_entry(a, place, "post", *page.post, seen_at));
  const bool unidentified = std::any_of(page.comments.begin(), page.comments.end(),
                                        [](const extract::Entry& c) { return extract::is_content_id(c.native_id); });
  if (!unidentified) {
    for (const auto& c : page.comments) FORA_TRY(upsert_entry(a, place, "comment", c, seen_at));
    return ok();
  }
  std::vector<extract::Entry> comments = page.comments;
  FORA_TRY(match_unidentified(a.words, thread->id, page_id, comments));
  for (const auto& c : comments) FORA_TRY(upsert_entry(a, place, "comment", c, seen_at));
  return ok();
}

}  // namespace

Status ThreadStore::store_reply_links(const std::vector<extract::ReplyLink>& links,
                                  std::int64_t seen_at) {
  Internal& a = *in_;
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

Result<bool> ThreadStore::store_thread_page(std::string_view site, const extract::ThreadPage& page,
                                        std::int64_t seen_at, std::string_view page_url) {
  if (page.thread_id.empty()) {
    return make_error(Errc::InvalidArgument, "thread page without a thread id");
  }
  // A savepoint makes the page all-or-nothing, inside or outside a batch.
  sqlite3* db = in_->db();
  const std::int64_t seq_before = in_->change_seq;
  const std::int64_t new_before = in_->tally.entries_new, edited_before = in_->tally.entries_edited;
  FORA_TRY(exec(db, "SAVEPOINT thread_page"));
  Status merged = merge_thread_page(*in_, site, page, seen_at, page_url);
  if (!merged) {
    in_->last_page = {};
    (void)exec(db, "ROLLBACK TO thread_page; RELEASE thread_page");
    in_->change_seq = seq_before;
    in_->tally.entries_new = new_before;
    in_->tally.entries_edited = edited_before;
    return merged.error();
  }
  FORA_TRY(exec(db, "RELEASE thread_page"));
  return in_->change_seq != seq_before;
}

Result<std::int64_t> ThreadStore::mark_missing_gone(std::int64_t since, std::int64_t now) {
  Internal& a = *in_;
  FORA_TRY(a.catalog.begin_batch());
  const Status marked = [&]() -> Status {
    // An entry may have moved to another page of its thread (a deletion on an earlier page
    // moves the first entry of each later one back a page): none is called gone while a
    // page of its thread that holds entries was not read whole in this run, unless that
    // page answered that it is gone (404 or 410; the entries last seen there are not called
    // gone, as its page was not read whole).
    auto marks = a.sql(
        "INSERT INTO gone_marks(comment_id, gone_at) SELECT c.id, ?2 FROM comments c JOIN pages p ON p.id = c.page_id"
        " WHERE p.whole_at >= ?1 AND c.last_seen < ?1 AND c.gone_since IS NULL"
        " AND NOT EXISTS(SELECT 1 FROM comments o JOIN pages q ON q.id = o.page_id"
        "                WHERE o.thread_id = c.thread_id AND o.gone_since IS NULL AND q.whole_at < ?1"
        "                AND NOT (q.updated_at >= ?1 AND q.state = 'fetched' AND q.reason IN ('404', '410')))");
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
  const std::int64_t n = sqlite3_changes(a.db());
  const Status committed = a.catalog.commit_batch();
  FORA_TRY(marked);
  FORA_TRY(committed);
  FORA_TRY(catch_up_change_seq(a));
  a.tally.entries_gone += n;
  return n;
}

Result<std::int64_t> ThreadStore::mark_thread_gone(std::string_view url, std::int64_t now) {
  Internal& a = *in_;
  auto gone = a.sql("UPDATE threads SET gone_since = ?2 WHERE url = ?1 AND gone_since IS NULL");
  if (!gone) return gone.error();
  FORA_TRY((*gone)->bind(1, url).bind(2, now).run());
  const std::int64_t n = sqlite3_changes(a.db());
  if (n == 0) return n;
  // Its entries are read with the thread: the index learns it.
  auto bump = a.sql(
      "UPDATE comments SET change_seq = ?2 + id WHERE thread_id IN (SELECT id FROM threads WHERE url = ?1)");
  if (!bump) return bump.error();
  FORA_TRY((*bump)->bind(1, url).bind(2, a.change_seq).run());
  FORA_TRY(catch_up_change_seq(a));
  return n;
}

Result<std::vector<std::string>> ThreadStore::thread_pages(std::string_view site, std::string_view thread_native_id,
                                                       std::string_view except) const {
  // By the thread's entries (comments are keyed by thread): no scan of all comments.
  auto q = in_->sql(
      "SELECT DISTINCT p.id, p.url FROM comments c JOIN pages p ON p.id = c.page_id"
      " WHERE c.thread_id = (SELECT t.id FROM threads t JOIN sites s ON s.id = t.site_id"
      "                      WHERE s.origin = ?1 AND t.native_id = ?2)"
      " AND p.url != ?3 ORDER BY p.id");
  if (!q) return q.error();
  (*q)->bind(1, site).bind(2, thread_native_id).bind(3, except);
  return (*q)->texts(1);
}

Result<bool> ThreadStore::last_page_moved_entries() const {
  const Internal::MergedPage& last = in_->last_page;
  if (last.page == 0) return false;
  // Entries last seen on the page, or on a page it took entries from, and not seen since.
  std::string pages = std::to_string(last.page);
  for (std::int64_t p : last.took_from) pages += "," + std::to_string(p);
  auto q = in_->sql("SELECT EXISTS(SELECT 1 FROM comments WHERE thread_id = ?1"
                    " AND page_id IN (SELECT value FROM json_each(?2)) AND last_seen < ?3 AND gone_since IS NULL)");
  if (!q) return q.error();
  auto row = (*q)->bind(1, last.thread).bind(2, "[" + pages + "]").bind(3, last.seen_at).step();
  if (!row) return row.error();
  return *row && (*q)->int64(0) != 0;
}

}  // namespace fora::archive
