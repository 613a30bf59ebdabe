#include "catalog_schema.h"

#include <fmt/format.h>

#include <string>

#include "sqlite.h"

namespace fora::archive {
namespace {

// Schema version 4 (version 1 lacked comments.date_precision and comments.edited, version 2
// reply_links, version 3 pages.depth; opening an older catalog for writing upgrades it in
// place). Times are Unix seconds, UTC. Nothing is ever deleted: an edit adds a
// row to comment_versions, a vanished entry gets gone_since.
//
//   meta              key/value: schema_version; open_crawl (the start URLs of a crawl that
//                     runs, or was killed or stopped; empty once a crawl's frontier ran dry)
//   sites             one row per origin (host[:port]) crawled
//   pages             the frontier: every in-scope URL seen, its state and why
//                     (queued|fetched|failed|skipped); a crawl keeps only a window of each
//                     site's queued pages in memory and reads the rest from here, in id
//                     order (index pages_queued); depth is the number of links followed
//                     from a start URL to the page
//   captures          one row per stored response; (segment, offset, length) locate its
//                     zstd frame in snapshots/; payload_sha256 detects identical re-fetches
//                     (then only last_checked moves and no new frame is written);
//                     etag and last_modified are the response's validators, sent back
//                     (If-None-Match, If-Modified-Since) when the page is fetched again;
//                     a 304 answer moves last_checked
//   threads           one row per (site, native thread id): canonical URL, title,
//                     categories and tags (JSON arrays of strings)
//   comments          every entry of a thread, the opening post included (kind 'post'), so
//                     posts and comments are versioned alike; change_seq orders changes
//                     for the incremental indexer (bumped on any change to the entry or
//                     its thread)
//                     date_precision says how much of `published` the page told
//                     (exact|no-zone|day|approximate); edited is the edit time it showed
//   comment_versions  the text of an entry each time it changed: own words and quotes
//                     (JSON [{author,text}])
//   reply_links       "the page child_url replies to the page parent_url", as a mail
//                     archive's thread index tells it (pipermail prints a message's parent
//                     nowhere else); an entry found at child_url whose page named no parent
//                     gets the entry found at parent_url as its parent when read
constexpr const char* kCreate = R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE sites(
  id INTEGER PRIMARY KEY,
  origin TEXT NOT NULL UNIQUE,
  first_seen INTEGER NOT NULL);
CREATE TABLE pages(
  id INTEGER PRIMARY KEY,
  site_id INTEGER NOT NULL REFERENCES sites(id),
  url TEXT NOT NULL UNIQUE,
  state TEXT NOT NULL CHECK(state IN ('queued','fetched','failed','skipped')),
  reason TEXT NOT NULL DEFAULT '',
  depth INTEGER NOT NULL DEFAULT 0,
  discovered_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL);
CREATE TABLE captures(
  id INTEGER PRIMARY KEY,
  page_id INTEGER NOT NULL REFERENCES pages(id),
  fetched_at INTEGER NOT NULL,
  last_checked INTEGER NOT NULL,
  status INTEGER NOT NULL,
  content_type TEXT NOT NULL,
  payload_sha256 TEXT NOT NULL,
  etag TEXT NOT NULL DEFAULT '',
  last_modified TEXT NOT NULL DEFAULT '',
  segment TEXT NOT NULL,
  offset INTEGER NOT NULL,
  length INTEGER NOT NULL);
CREATE INDEX pages_queued ON pages(site_id, state, id);
CREATE INDEX captures_by_page ON captures(page_id, id);
CREATE TABLE threads(
  id INTEGER PRIMARY KEY,
  site_id INTEGER NOT NULL REFERENCES sites(id),
  native_id TEXT NOT NULL,
  url TEXT NOT NULL,
  title TEXT NOT NULL,
  categories TEXT NOT NULL,
  tags TEXT NOT NULL,
  first_seen INTEGER NOT NULL,
  last_seen INTEGER NOT NULL,
  UNIQUE(site_id, native_id));
CREATE TABLE comments(
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
  UNIQUE(thread_id, kind, native_id));
CREATE INDEX comments_by_change ON comments(change_seq);
CREATE TABLE comment_versions(
  id INTEGER PRIMARY KEY,
  comment_id INTEGER NOT NULL REFERENCES comments(id),
  seen_at INTEGER NOT NULL,
  text TEXT NOT NULL,
  quotes TEXT NOT NULL);
CREATE INDEX versions_by_comment ON comment_versions(comment_id, id);
CREATE TABLE reply_links(
  child_url TEXT PRIMARY KEY,
  parent_url TEXT NOT NULL,
  seen_at INTEGER NOT NULL);
CREATE INDEX reply_links_by_parent ON reply_links(parent_url);
CREATE INDEX comments_by_url ON comments(url);
)sql";

// Version 3 -> 4: how deep in the crawl each page was found, the index the frontier window
// reads the queue by, and each capture's validators for conditional GET.
constexpr const char* kUpgrade3 = R"sql(
ALTER TABLE pages ADD COLUMN depth INTEGER NOT NULL DEFAULT 0;
ALTER TABLE captures ADD COLUMN etag TEXT NOT NULL DEFAULT '';
ALTER TABLE captures ADD COLUMN last_modified TEXT NOT NULL DEFAULT '';
CREATE INDEX IF NOT EXISTS pages_queued ON pages(site_id, state, id);
UPDATE meta SET value = '4' WHERE key = 'schema_version';
)sql";

// Version 2 -> 3: replies known from elsewhere than the entry's page.
constexpr const char* kUpgrade2 = R"sql(
CREATE TABLE reply_links(
  child_url TEXT PRIMARY KEY,
  parent_url TEXT NOT NULL,
  seen_at INTEGER NOT NULL);
CREATE INDEX reply_links_by_parent ON reply_links(parent_url);
CREATE INDEX comments_by_url ON comments(url);
UPDATE meta SET value = '3' WHERE key = 'schema_version';
)sql";

// Version 1 -> 2: the date's precision and the edit time.
constexpr const char* kUpgrade1 = R"sql(
ALTER TABLE comments ADD COLUMN date_precision TEXT NOT NULL DEFAULT 'exact';
ALTER TABLE comments ADD COLUMN edited INTEGER;
UPDATE meta SET value = '2' WHERE key = 'schema_version';
)sql";

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
  return std::optional<int>(std::stoi(q->text(0)));
}

}  // namespace

Status ensure_schema(sqlite3* db, bool writable) {
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
    FORA_TRY(exec(db, kCreate));
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
    FORA_TRY(exec(db, "BEGIN"));
    if (**version == 1) FORA_TRY(exec(db, kUpgrade1));
    if (**version <= 2) FORA_TRY(exec(db, kUpgrade2));
    FORA_TRY(exec(db, kUpgrade3));
    return exec(db, "COMMIT");
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
