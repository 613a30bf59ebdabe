// The catalog's upgrades: each older schema version brought up to kSchemaVersion in place
// (catalog_schema.cc has today's schema and its description).
#include <fmt/format.h>

#include <charconv>
#include <filesystem>
#include <string>

#include "catalog_schema.h"
#include "page_rows.h"
#include "sqlite.h"

namespace fora::archive {
namespace {

// The crawl mark in the text form schema 9 kept in meta: the start URLs one a line, then
// "since T" when known.
PageQueue::CrawlMark crawl_mark_from_text(std::string_view text) {
  PageQueue::CrawlMark mark;
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t end = std::min(text.find('\n', at), text.size());
    const std::string_view line = text.substr(at, end - at);
    at = end + 1;
    if (line.starts_with("since ") && at >= text.size()) {
      std::int64_t since = 0;
      if (std::from_chars(line.data() + 6, line.data() + line.size(), since).ec == std::errc()) mark.since = since;
    } else if (!line.empty()) {
      mark.start_urls.push_back(std::string(line));
    }
  }
  return mark;
}


// Version 9 -> 10: the crawl mark as columns (upgrade_catalog() moves meta's 'open_crawl' text
// into them).
constexpr const char* kUpgrade9 = R"sql(
CREATE TABLE open_crawl(position INTEGER PRIMARY KEY, start_url TEXT NOT NULL, since INTEGER NOT NULL);
UPDATE meta SET value = '10' WHERE key = 'schema_version';
)sql";

// Version 8 -> 9: the redirects in a row that led to a page, so a resumed crawl stops an
// endless chain where the interrupted one would have. Pages queued before count none.
constexpr const char* kUpgrade8 = R"sql(
ALTER TABLE pages ADD COLUMN hops INTEGER NOT NULL DEFAULT 0;
UPDATE meta SET value = '9' WHERE key = 'schema_version';
)sql";

// Version 7 -> 8: a revisit schedule per page, the listing that last showed it, the listing
// rows seen, each site's crawl settings. Pages fetched before have no schedule: the first update visits them.
constexpr const char* kUpgrade7 = R"sql(
ALTER TABLE sites ADD COLUMN crawl TEXT NOT NULL DEFAULT '';
ALTER TABLE pages ADD COLUMN revisit_interval INTEGER;
ALTER TABLE pages ADD COLUMN next_visit INTEGER;
ALTER TABLE pages ADD COLUMN listed_on INTEGER;
ALTER TABLE pages ADD COLUMN listed_at INTEGER;
CREATE INDEX pages_due ON pages(site_id, next_visit);
CREATE TABLE listing_rows(hash INTEGER PRIMARY KEY) WITHOUT ROWID;
UPDATE meta SET value = '8' WHERE key = 'schema_version';
)sql";

// Version 6 -> 7: the runs, the history of what pages showed, and what went missing. The versions kept so far
// knew only their words: each older one takes its entry's author and date (the only ones
// known) and is last seen when the next was first seen.
constexpr const char* kUpgrade6 = R"sql(
ALTER TABLE comment_versions ADD COLUMN last_seen INTEGER;
ALTER TABLE comment_versions ADD COLUMN author TEXT;
ALTER TABLE comment_versions ADD COLUMN published INTEGER;
ALTER TABLE comment_versions ADD COLUMN date_precision TEXT;
ALTER TABLE comment_versions ADD COLUMN edited INTEGER;
UPDATE comment_versions SET
  last_seen = (SELECT min(n.seen_at) FROM comment_versions n WHERE n.comment_id = comment_versions.comment_id
               AND n.id > comment_versions.id),
  author = c.author, published = c.published, date_precision = c.date_precision, edited = c.edited
  FROM comments c WHERE c.id = comment_versions.comment_id
  AND comment_versions.id < (SELECT max(m.id) FROM comment_versions m WHERE m.comment_id = c.id);
CREATE TABLE thread_versions(
  id INTEGER PRIMARY KEY,
  thread_id INTEGER NOT NULL REFERENCES threads(id),
  seen_at INTEGER NOT NULL,
  last_seen INTEGER,
  title TEXT NOT NULL,
  categories TEXT NOT NULL,
  tags TEXT NOT NULL);
CREATE INDEX thread_versions_by_thread ON thread_versions(thread_id, id);
CREATE TABLE gone_marks(
  id INTEGER PRIMARY KEY,
  comment_id INTEGER NOT NULL REFERENCES comments(id),
  gone_at INTEGER NOT NULL,
  back_at INTEGER);
CREATE INDEX gone_marks_by_comment ON gone_marks(comment_id, id);
INSERT INTO thread_versions(thread_id, seen_at, title, categories, tags)
  SELECT id, first_seen, title, categories, tags FROM threads ORDER BY id;
ALTER TABLE comments ADD COLUMN page_id INTEGER REFERENCES pages(id);
ALTER TABLE pages ADD COLUMN whole_at INTEGER;
ALTER TABLE threads ADD COLUMN gone_since INTEGER;
CREATE TABLE runs(
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
  outcome TEXT NOT NULL DEFAULT '');
UPDATE meta SET value = '7' WHERE key = 'schema_version';
)sql";

// Version 5 -> 6: entries' words compressed, their URLs relative to their thread's, and
// the index of whole URLs gone (page_entries finds an entry by its page). fora_pack,
// fora_relative_url are registered on every connection (entry_text.h).
constexpr const char* kUpgrade5 = R"sql(
CREATE TABLE text_dictionaries(
  id INTEGER PRIMARY KEY,
  site_id INTEGER NOT NULL REFERENCES sites(id),
  created_at INTEGER NOT NULL,
  dictionary BLOB NOT NULL);
CREATE TABLE comment_versions_v6(
  id INTEGER PRIMARY KEY,
  comment_id INTEGER NOT NULL REFERENCES comments(id),
  seen_at INTEGER NOT NULL,
  dictionary_id INTEGER REFERENCES text_dictionaries(id),
  text BLOB NOT NULL,
  quotes BLOB NOT NULL);
INSERT INTO comment_versions_v6(id, comment_id, seen_at, text, quotes)
  SELECT id, comment_id, seen_at, fora_pack(text), fora_pack(CASE WHEN quotes = '[]' THEN '' ELSE quotes END)
  FROM comment_versions;
DROP TABLE comment_versions;
ALTER TABLE comment_versions_v6 RENAME TO comment_versions;
CREATE INDEX versions_by_comment ON comment_versions(comment_id, id);
DROP INDEX IF EXISTS comments_by_url;
UPDATE comments SET url = fora_relative_url(url, (SELECT t.url FROM threads t WHERE t.id = comments.thread_id));
CREATE INDEX threads_by_url ON threads(url);
CREATE INDEX comments_by_whole_url ON comments(url) WHERE instr(url, '://') > 0;
CREATE VIEW page_entries(url, id) AS
  SELECT t.url, c.id FROM threads t JOIN comments c ON c.thread_id = t.id AND c.url = ''
  UNION ALL
  SELECT c.url, c.id FROM comments c WHERE instr(c.url, '://') > 0;
UPDATE meta SET value = '6' WHERE key = 'schema_version';
)sql";

// Version 4 -> 5: segments and dictionaries have rows; a capture names its segment by id,
// keeps its digest as 32 bytes, and may be a revisit of another. fora_unhex is registered
// by upgrade_catalog().
constexpr const char* kUpgrade4 = R"sql(
CREATE TABLE dictionaries(
  id INTEGER PRIMARY KEY,
  site_id INTEGER NOT NULL REFERENCES sites(id),
  created_at INTEGER NOT NULL,
  dictionary BLOB NOT NULL);
CREATE TABLE segments(
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL UNIQUE,
  dictionary_id INTEGER REFERENCES dictionaries(id),
  level INTEGER NOT NULL DEFAULT 3,
  bytes INTEGER NOT NULL);
INSERT INTO segments(name, bytes)
  SELECT segment, max(offset + length) FROM captures GROUP BY segment ORDER BY segment;
CREATE TABLE captures_v5(
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
  length INTEGER NOT NULL);
INSERT INTO captures_v5(id, page_id, fetched_at, last_checked, status, content_type, payload_sha256,
                        etag, last_modified, segment_id, offset, length)
  SELECT c.id, c.page_id, c.fetched_at, c.last_checked, c.status, c.content_type,
         fora_unhex(c.payload_sha256), c.etag, c.last_modified, s.id, c.offset, c.length
  FROM captures c JOIN segments s ON s.name = c.segment;
DROP TABLE captures;
ALTER TABLE captures_v5 RENAME TO captures;
CREATE INDEX captures_by_page ON captures(page_id, id);
CREATE INDEX captures_by_payload ON captures(payload_sha256) WHERE refers_to IS NULL;
CREATE INDEX captures_by_segment ON captures(segment_id, offset);
UPDATE meta SET value = '5' WHERE key = 'schema_version';
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


// fora_unhex(text): the bytes a hex string spells (SQLite 3.40 has no unhex()).
void unhex_function(sqlite3_context* ctx, int, sqlite3_value** argv) {
  const auto* p = reinterpret_cast<const char*>(sqlite3_value_text(argv[0]));
  const int n = sqlite3_value_bytes(argv[0]);
  std::string out;
  const auto nibble = [](char c) {
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : 0;
  };
  for (int i = 0; p != nullptr && i + 1 < n; i += 2)
    out += static_cast<char>(nibble(p[i]) << 4 | nibble(p[i + 1]));
  sqlite3_result_blob(ctx, out.data(), static_cast<int>(out.size()), SQLITE_TRANSIENT);
}

// Moves the crawl mark of version 9 and older (meta's 'open_crawl': the start URLs one a
// line, then "since T" when known) into open_crawl's rows.
Status move_crawl_mark(sqlite3* db) {
  auto q = Statement::prepare(db, "SELECT value FROM meta WHERE key = 'open_crawl'");
  if (!q) return q.error();
  auto row = q->step();
  if (!row) return row.error();
  if (!*row) return ok();
  const PageQueue::CrawlMark mark = crawl_mark_from_text(q->text(0));
  auto put = Statement::prepare(db, "INSERT INTO open_crawl(position, start_url, since) VALUES(?, ?, ?)");
  if (!put) return put.error();
  for (std::size_t i = 0; i < mark.start_urls.size(); ++i) {
    FORA_TRY(put->reset().bind(1, static_cast<std::int64_t>(i)).bind(2, mark.start_urls[i]).bind(3, mark.since).run());
  }
  return exec(db, "DELETE FROM meta WHERE key = 'open_crawl'");
}

// Brings a catalog of `version` up to kSchemaVersion, in one transaction, after copying it
// to `<catalog>.v<version>-backup` (an upgrade is one way: an older fora cannot read the
// result, and the copy lets the user go back).
}  // namespace

Status upgrade_catalog(sqlite3* db, int version, const std::filesystem::path& catalog) {
  const std::filesystem::path backup = catalog.string() + ".v" + std::to_string(version) + "-backup";
  std::error_code ec;
  if (!std::filesystem::exists(backup, ec)) {
    auto copy = Statement::prepare(db, "VACUUM INTO ?");
    if (!copy) return copy.error();
    if (auto done = copy->bind(1, backup.string()).run(); !done) {
      return make_error(Errc::Io, "backing up the catalog before its upgrade: " + done.error().message);
    }
  }
  if (sqlite3_create_function(db, "fora_unhex", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
                              &unhex_function, nullptr, nullptr) != SQLITE_OK) {
    return sqlite_error(db, "registering fora_unhex");
  }
  FORA_TRY(exec(db, "BEGIN"));
  if (version == 1) FORA_TRY(exec(db, kUpgrade1));
  if (version <= 2) FORA_TRY(exec(db, kUpgrade2));
  if (version <= 3) FORA_TRY(exec(db, kUpgrade3));
  if (version <= 4) FORA_TRY(exec(db, kUpgrade4));
  if (version <= 5) FORA_TRY(exec(db, kUpgrade5));
  if (version <= 6) FORA_TRY(exec(db, kUpgrade6));
  if (version <= 7) FORA_TRY(exec(db, kUpgrade7));
  if (version <= 8) FORA_TRY(exec(db, kUpgrade8));
  FORA_TRY(exec(db, kUpgrade9));
  FORA_TRY(move_crawl_mark(db));
  FORA_TRY(exec(db, "COMMIT"));
  // The raw texts' pages are free now: give them back.
  return version <= 5 ? exec(db, "VACUUM") : ok();
}


}  // namespace fora::archive
