#include "catalog_schema.h"

#include <fmt/format.h>

#include <charconv>
#include <filesystem>
#include <string>

#include "page_rows.h"
#include "sqlite.h"

namespace fora::archive {

// Schema version 10 (version 1 lacked comments.date_precision and comments.edited, version 2
// reply_links, version 3 pages.depth, version 4 segments and dictionaries, version 5 kept
// the words of entries raw and their URLs whole, version 6 had no runs and overwrote what a
// page showed of an entry or a thread besides its words, version 7 had no revisit schedule,
// listing rows or crawl settings, version 8 no pages.hops, version 9 kept the crawl mark as
// meta's 'open_crawl' text ("URL\n...since T"); opening an older
// catalog for writing upgrades it in place, after a copy to catalog.db.vN-backup). Times are
// Unix seconds, UTC. Nothing is ever deleted: an edit adds a row to comment_versions, a
// vanished entry gets gone_since.
//
//   meta              key/value: schema_version; text_compaction and text_checksums
//                     (compact.cc: once set, every version's frames carry a checksum)
//   open_crawl        the crawl mark (page_queue.h): a crawl that runs, or was killed or
//                     stopped, one row per start URL in order, each with since, when it
//                     first began (0: unknown); no row once a crawl's frontier ran dry
//   sites             one row per origin (host[:port]) crawled; crawl is the settings of
//                     the latest crawl that took it in (JSON: start URLs, scope), which
//                     `fora update` crawls it with again
//   pages             the frontier: every in-scope URL seen, its state and why
//                     (queued|fetched|failed|skipped; reason 'damaged': queued again by
//                     `fora verify --repair` because what fora kept of it was lost); a crawl keeps only a window of each
//                     site's queued pages in memory and reads the rest from here, in id
//                     order (index pages_queued); depth is the number of links followed
//                     from a start URL to the page, hops the number of redirects in a row
//                     that led to it (a chain is followed so far, page_work.h); whole_at is when a reader last took a
//                     thread page from it; revisit_interval (seconds; -1 for a page read
//                     on demand, a thread's own feed) and next_visit are
//                     its schedule for `fora update` (revisit.h), NULL before its first
//                     visit; listed_on is the listing page (a page no thread was read
//                     from) that last linked to it, at listed_at: a page that listing no
//                     longer shows is looked at again (it may be gone)
//   listing_rows      a 64-bit hash of (link URL, text of the listing row around it) for
//                     each link a listing page showed (extract/listing_rows.h): a row never
//                     seen before says its thread changed
//   dictionaries      zstd dictionaries trained for a site (its latest is the one new
//                     records use); the bytes are also in the leading frame of every
//                     segment compressed with one
//   segments          the files of snapshots/ (seg-<id>.warc.zst; ids are never reused,
//                     so a removed segment's name is not either): the dictionary and zstd
//                     level their records are compressed with (NULL: none), and how many
//                     of their bytes are committed (a crash leaves more, which the next
//                     writer cuts)
//   captures          one row per stored response; (segment_id, offset, length) locate its
//                     zstd frames (the request record, then the response or revisit
//                     record); payload_sha256 (32 bytes) detects identical payloads: under
//                     the same URL only last_checked moves, under another a revisit record
//                     is written and refers_to names the capture that holds the payload;
//                     etag and last_modified are the response's validators, sent back
//                     (If-None-Match, If-Modified-Since) when the page is fetched again;
//                     a 304 answer moves last_checked
//   threads           one row per (site, native thread id): canonical URL, title,
//                     categories and tags (JSON arrays of strings); gone_since is set when
//                     its URL answered 404 or 410, until it is read again
//   comments          every entry of a thread, the opening post included (kind 'post'), so
//                     posts and comments are versioned alike; change_seq orders changes
//                     for the incremental indexer (bumped on any change to the entry or
//                     its thread)
//                     date_precision says how much of `published` the page told
//                     (exact|no-zone|day|approximate); edited is the edit time it showed
//                     url is relative to the thread's URL when it starts with it
//                     (entry_text.h)
//   comment_versions  an entry each time what its page showed changed: own words and quotes
//                     (JSON [{author,text}]), each a zstd frame with its checksum (none in
//                     frames written by older fora: checked by decoding), compressed with the
//                     text dictionary dictionary_id names (entry_text.h; words damaged and
//                     set aside by `fora verify --repair` hold the lost mark), and the author, date,
//                     date precision and edit time shown; seen_at is when fora first saw
//                     it. The latest version's last_seen, author, published, date_precision
//                     and edited are NULL: they are its comment's own columns; a version
//                     superseded gets them copied in
//   gone_marks        each time an entry went missing from a page read whole (gone_at), and
//                     when it was seen again (back_at); comments.gone_since is set while
//                     it is gone, and comments.page_id is the page it was last seen on
//   thread_versions   a thread's title, categories and tags each time they changed, first
//                     and last seen (NULL for the latest: the thread's last_seen)
//   text_dictionaries zstd dictionaries trained on a site's texts
//   reply_links       "the page child_url replies to the page parent_url", as a mail
//                     archive's thread index tells it (pipermail prints a message's parent
//                     nowhere else); an entry found at child_url whose page named no parent
//                     gets the entry found at parent_url as its parent when read
//   runs              each command that wrote to the archive: its command line, when it
//                     started and ended (NULL: running, or killed), pages fetched, errors,
//                     posts and comments new, edited and gone, exit code and outcome
//   page_entries      (a view) the entries found at a page URL: a thread's entry whose URL
//                     is the thread's own (a mail archive's message is a thread of its
//                     own), and entries whose URL is kept whole
namespace ddl {

const char* const kMeta = R"sql(CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);)sql";
const char* const kSites = R"sql(CREATE TABLE sites(
  id INTEGER PRIMARY KEY,
  origin TEXT NOT NULL UNIQUE,
  first_seen INTEGER NOT NULL,
  crawl TEXT NOT NULL DEFAULT '');)sql";
const char* const kPages = R"sql(CREATE TABLE pages(
  id INTEGER PRIMARY KEY,
  site_id INTEGER NOT NULL REFERENCES sites(id),
  url TEXT NOT NULL UNIQUE,
  state TEXT NOT NULL CHECK(state IN ('queued','fetched','failed','skipped')),
  reason TEXT NOT NULL DEFAULT '',
  depth INTEGER NOT NULL DEFAULT 0,
  hops INTEGER NOT NULL DEFAULT 0,
  discovered_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  whole_at INTEGER,
  revisit_interval INTEGER,
  next_visit INTEGER,
  listed_on INTEGER,
  listed_at INTEGER);)sql";
const char* const kPagesDue = R"sql(CREATE INDEX pages_due ON pages(site_id, next_visit);)sql";
const char* const kListingRows = R"sql(CREATE TABLE listing_rows(hash INTEGER PRIMARY KEY) WITHOUT ROWID;)sql";
const char* const kDictionaries = R"sql(CREATE TABLE dictionaries(
  id INTEGER PRIMARY KEY,
  site_id INTEGER NOT NULL REFERENCES sites(id),
  created_at INTEGER NOT NULL,
  dictionary BLOB NOT NULL);)sql";
const char* const kSegments = R"sql(CREATE TABLE segments(
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL UNIQUE,
  dictionary_id INTEGER REFERENCES dictionaries(id),
  level INTEGER NOT NULL DEFAULT 3,
  bytes INTEGER NOT NULL);)sql";
const char* const kCaptures = R"sql(CREATE TABLE captures(
  id INTEGER PRIMARY KEY,
  page_id INTEGER NOT NULL REFERENCES pages(id),
  fetched_at INTEGER NOT NULL,
  last_checked INTEGER NOT NULL,
  status INTEGER NOT NULL,
  content_type TEXT NOT NULL,
  payload_sha256 BLOB NOT NULL,
  refers_to INTEGER REFERENCES captures(id),
  etag TEXT NOT NULL DEFAULT '',
  last_modified TEXT NOT NULL DEFAULT '',
  segment_id INTEGER NOT NULL REFERENCES segments(id),
  offset INTEGER NOT NULL,
  length INTEGER NOT NULL);)sql";
const char* const kCapturesByPayload = R"sql(CREATE INDEX captures_by_payload ON captures(payload_sha256) WHERE refers_to IS NULL;)sql";
const char* const kCapturesBySegment = R"sql(CREATE INDEX captures_by_segment ON captures(segment_id, offset);)sql";
const char* const kPagesQueued = R"sql(CREATE INDEX pages_queued ON pages(site_id, state, id);)sql";
const char* const kCapturesByPage = R"sql(CREATE INDEX captures_by_page ON captures(page_id, id);)sql";
const char* const kThreads = R"sql(CREATE TABLE threads(
  id INTEGER PRIMARY KEY,
  site_id INTEGER NOT NULL REFERENCES sites(id),
  native_id TEXT NOT NULL,
  url TEXT NOT NULL,
  title TEXT NOT NULL,
  categories TEXT NOT NULL,
  tags TEXT NOT NULL,
  first_seen INTEGER NOT NULL,
  last_seen INTEGER NOT NULL,
  gone_since INTEGER,
  UNIQUE(site_id, native_id));)sql";
const char* const kComments = R"sql(CREATE TABLE comments(
  id INTEGER PRIMARY KEY,
  thread_id INTEGER NOT NULL REFERENCES threads(id),
  kind TEXT NOT NULL CHECK(kind IN ('post','comment')),
  native_id TEXT NOT NULL,
  author TEXT NOT NULL,
  published INTEGER,
  date_precision TEXT NOT NULL DEFAULT 'exact',
  edited INTEGER,
  parent_native_id TEXT NOT NULL,
  url TEXT NOT NULL,
  first_seen INTEGER NOT NULL,
  last_seen INTEGER NOT NULL,
  gone_since INTEGER,
  change_seq INTEGER NOT NULL,
  page_id INTEGER REFERENCES pages(id),
  UNIQUE(thread_id, kind, native_id));)sql";
const char* const kCommentsByChange = R"sql(CREATE INDEX comments_by_change ON comments(change_seq);)sql";
const char* const kTextDictionaries = R"sql(CREATE TABLE text_dictionaries(
  id INTEGER PRIMARY KEY,
  site_id INTEGER NOT NULL REFERENCES sites(id),
  created_at INTEGER NOT NULL,
  dictionary BLOB NOT NULL);)sql";
const char* const kCommentVersions = R"sql(CREATE TABLE comment_versions(
  id INTEGER PRIMARY KEY,
  comment_id INTEGER NOT NULL REFERENCES comments(id),
  seen_at INTEGER NOT NULL,
  dictionary_id INTEGER REFERENCES text_dictionaries(id),
  text BLOB NOT NULL,
  quotes BLOB NOT NULL,
  last_seen INTEGER,
  author TEXT,
  published INTEGER,
  date_precision TEXT,
  edited INTEGER);)sql";
const char* const kVersionsByComment = R"sql(CREATE INDEX versions_by_comment ON comment_versions(comment_id, id);)sql";
const char* const kThreadVersions = R"sql(CREATE TABLE thread_versions(
  id INTEGER PRIMARY KEY,
  thread_id INTEGER NOT NULL REFERENCES threads(id),
  seen_at INTEGER NOT NULL,
  last_seen INTEGER,
  title TEXT NOT NULL,
  categories TEXT NOT NULL,
  tags TEXT NOT NULL);)sql";
const char* const kThreadVersionsByThread = R"sql(CREATE INDEX thread_versions_by_thread ON thread_versions(thread_id, id);)sql";
const char* const kGoneMarks = R"sql(CREATE TABLE gone_marks(
  id INTEGER PRIMARY KEY,
  comment_id INTEGER NOT NULL REFERENCES comments(id),
  gone_at INTEGER NOT NULL,
  back_at INTEGER);)sql";
const char* const kGoneMarksByComment = R"sql(CREATE INDEX gone_marks_by_comment ON gone_marks(comment_id, id);)sql";
const char* const kReplyLinks = R"sql(CREATE TABLE reply_links(
  child_url TEXT PRIMARY KEY,
  parent_url TEXT NOT NULL,
  seen_at INTEGER NOT NULL);)sql";
const char* const kReplyLinksByParent = R"sql(CREATE INDEX reply_links_by_parent ON reply_links(parent_url);)sql";
const char* const kThreadsByUrl = R"sql(CREATE INDEX threads_by_url ON threads(url);)sql";
const char* const kCommentsByWholeUrl = R"sql(CREATE INDEX comments_by_whole_url ON comments(url) WHERE instr(url, '://') > 0;)sql";
const char* const kPageEntries = R"sql(CREATE VIEW page_entries(url, id) AS
  SELECT t.url, c.id FROM threads t JOIN comments c ON c.thread_id = t.id AND c.url = ''
  UNION ALL
  SELECT c.url, c.id FROM comments c WHERE instr(c.url, '://') > 0;)sql";
const char* const kOpenCrawl = R"sql(CREATE TABLE open_crawl(position INTEGER PRIMARY KEY, start_url TEXT NOT NULL, since INTEGER NOT NULL);)sql";
const char* const kRuns = R"sql(CREATE TABLE runs(
  id INTEGER PRIMARY KEY,
  command TEXT NOT NULL,
  started_at INTEGER NOT NULL,
  ended_at INTEGER,
  pages_fetched INTEGER NOT NULL DEFAULT 0,
  errors INTEGER NOT NULL DEFAULT 0,
  entries_new INTEGER NOT NULL DEFAULT 0,
  entries_edited INTEGER NOT NULL DEFAULT 0,
  entries_gone INTEGER NOT NULL DEFAULT 0,
  exit_code INTEGER NOT NULL DEFAULT 0,
  outcome TEXT NOT NULL DEFAULT '');)sql";

}  // namespace ddl

namespace {

// A new catalog: every statement above, in this order.
const char* const kCreate[] = {
    ddl::kMeta,
    ddl::kSites,
    ddl::kPages,
    ddl::kPagesDue,
    ddl::kListingRows,
    ddl::kDictionaries,
    ddl::kSegments,
    ddl::kCaptures,
    ddl::kCapturesByPayload,
    ddl::kCapturesBySegment,
    ddl::kPagesQueued,
    ddl::kCapturesByPage,
    ddl::kThreads,
    ddl::kComments,
    ddl::kCommentsByChange,
    ddl::kTextDictionaries,
    ddl::kCommentVersions,
    ddl::kVersionsByComment,
    ddl::kThreadVersions,
    ddl::kThreadVersionsByThread,
    ddl::kGoneMarks,
    ddl::kGoneMarksByComment,
    ddl::kReplyLinks,
    ddl::kReplyLinksByParent,
    ddl::kThreadsByUrl,
    ddl::kCommentsByWholeUrl,
    ddl::kPageEntries,
    ddl::kOpenCrawl,
    ddl::kRuns,
};

Result<std::optional<int>> stored_version(sqlite3* db) {
  auto has_meta = Statement::prepare(db, "SELECT count(*) FROM sqlite_master WHERE name='meta'");
  if (!has_meta) return has_meta.error();
  auto row = has_meta->step();
  if (!row) return row.error();
  if (has_meta->int64(0) == 0) return std::optional<int>();
  auto q = Statement::prepare(db, "SELECT value FROM meta WHERE key='schema_version'");
  if (!q) return q.error();
  auto r = q->step();
  if (!r) return r.error();
  if (!*r) return make_error(Errc::Corrupt, "catalog has no schema_version");
  const std::string text = q->text(0);
  int version = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), version);
  if (ec != std::errc() || end != text.data() + text.size()) {
    return make_error(Errc::Corrupt, "the catalog is damaged: its schema version does not read",
                      "restore catalog.db from a backup");
  }
  return std::optional<int>(version);
}

}  // namespace

Status ensure_schema(sqlite3* db, bool writable, const std::filesystem::path& catalog) {
  auto version = stored_version(db);
  if (!version) return version.error();
  if (!*version) {
    auto tables = Statement::prepare(db, "SELECT count(*) FROM sqlite_master");
    if (!tables) return tables.error();
    FORA_TRY(tables->step());
    if (tables->int64(0) != 0) {
      return make_error(Errc::Corrupt, "catalog.db is an SQLite database but not a fora catalog");
    }
    if (!writable) return make_error(Errc::NotFound, "the archive is empty");
    FORA_TRY(exec(db, "BEGIN"));
    FORA_TRY(exec_each(db, kCreate));
    auto put = Statement::prepare(db, "INSERT INTO meta(key, value) VALUES('schema_version', ?)");
    if (!put) return put.error();
    FORA_TRY(put->bind(1, std::to_string(kSchemaVersion)).run());
    return exec(db, "COMMIT");
  }
  if (**version < kSchemaVersion) {
    if (!writable)
      return make_error(Errc::Corrupt,
                        fmt::format("catalog schema version {} needs an upgrade to {}", **version,
                                    kSchemaVersion),
                        "run `fora index` once: it upgrades the catalog in place");
    return upgrade_catalog(db, **version, catalog);
  }
  if (**version > kSchemaVersion) {
    return make_error(Errc::Corrupt,
                      "catalog schema version " + std::to_string(**version) +
                          " is newer than this fora understands (" +
                          std::to_string(kSchemaVersion) + ")",
                      "upgrade fora");
  }
  return ok();
}

}  // namespace fora::archive
