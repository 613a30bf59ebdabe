// The catalog's upgrades: each older schema version brought up to kSchemaVersion in place
// (catalog_schema.cc has today's schema and its description).
#include <fmt/format.h>

#include <charconv>
#include <filesystem>
#include <span>
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


// Each step below brings a catalog one version up; upgrade_catalog() runs them in order from
// the catalog's version, then stores kSchemaVersion. What a step creates in its current form
// is catalog_schema.cc's statement (ddl::); an older form, since changed again, is written
// out here.

// Version 9 -> 10: the crawl mark as columns (upgrade_catalog() moves meta's 'open_crawl' text
// into them).
const char* const kUpgrade9[] = {ddl::kOpenCrawl};

// Version 8 -> 9: the redirects in a row that led to a page, so a resumed crawl stops an
// endless chain where the interrupted one would have. Pages queued before count none.
const char* const kUpgrade8[] = {"ALTER TABLE pages ADD COLUMN hops INTEGER NOT NULL DEFAULT 0"};

// Version 7 -> 8: a revisit schedule per page, the listing that last showed it, the listing
// rows seen, each site's crawl settings. Pages fetched before have no schedule: the first update visits them.
const char* const kUpgrade7[] = {
    R"sql(
ALTER TABLE sites ADD COLUMN crawl TEXT NOT NULL DEFAULT '';
ALTER TABLE pages ADD COLUMN revisit_interval INTEGER;
ALTER TABLE pages ADD COLUMN next_visit INTEGER;
ALTER TABLE pages ADD COLUMN listed_on INTEGER;
ALTER TABLE pages ADD COLUMN listed_at INTEGER;
)sql",
    ddl::kPagesDue,
    ddl::kListingRows,
};

// Version 6 -> 7: the runs, the history of what pages showed, and what went missing. The versions kept so far
// knew only their words: each older one takes its entry's author and date (the only ones
// known) and is last seen when the next was first seen.
const char* const kUpgrade6[] = {
    R"sql(
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
)sql",
    ddl::kThreadVersions,
    ddl::kThreadVersionsByThread,
    ddl::kGoneMarks,
    ddl::kGoneMarksByComment,
    R"sql(
INSERT INTO thread_versions(thread_id, seen_at, title, categories, tags)
  SELECT id, first_seen, title, categories, tags FROM threads ORDER BY id;
ALTER TABLE comments ADD COLUMN page_id INTEGER REFERENCES pages(id);
ALTER TABLE pages ADD COLUMN whole_at INTEGER;
ALTER TABLE threads ADD COLUMN gone_since INTEGER;
)sql",
    ddl::kRuns,
};

// Version 5 -> 6: entries' words compressed, their URLs relative to their thread's, and
// the index of whole URLs gone (page_entries finds an entry by its page). fora_pack,
// fora_relative_url are registered on every connection (entry_text.h). comment_versions is
// rebuilt in its version 6 form (version 7 added the columns after quotes).
const char* const kUpgrade5[] = {
    ddl::kTextDictionaries,
    R"sql(
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
)sql",
    ddl::kVersionsByComment,
    R"sql(
DROP INDEX IF EXISTS comments_by_url;
UPDATE comments SET url = fora_relative_url(url, (SELECT t.url FROM threads t WHERE t.id = comments.thread_id));
)sql",
    ddl::kThreadsByUrl,
    ddl::kCommentsByWholeUrl,
    ddl::kPageEntries,
};

// Version 4 -> 5: segments and dictionaries have rows; a capture names its segment by id,
// keeps its digest as 32 bytes, and may be a revisit of another. fora_unhex is registered
// by upgrade_catalog(). The old captures table steps aside for today's, which takes its rows
// (nothing refers to captures at version 4, so renaming it rewrites no other table).
const char* const kUpgrade4[] = {
    ddl::kDictionaries,
    ddl::kSegments,
    R"sql(
ALTER TABLE captures RENAME TO captures_v4;
INSERT INTO segments(name, bytes)
  SELECT segment, max(offset + length) FROM captures_v4 GROUP BY segment ORDER BY segment;
)sql",
    ddl::kCaptures,
    R"sql(
INSERT INTO captures(id, page_id, fetched_at, last_checked, status, content_type, payload_sha256,
                     etag, last_modified, segment_id, offset, length)
  SELECT c.id, c.page_id, c.fetched_at, c.last_checked, c.status, c.content_type,
         fora_unhex(c.payload_sha256), c.etag, c.last_modified, s.id, c.offset, c.length
  FROM captures_v4 c JOIN segments s ON s.name = c.segment;
DROP TABLE captures_v4;
)sql",
    ddl::kCapturesByPage,
    ddl::kCapturesByPayload,
    ddl::kCapturesBySegment,
};

// Version 3 -> 4: how deep in the crawl each page was found, the index the frontier window
// reads the queue by, and each capture's validators for conditional GET. Some version 3
// catalogs have pages_queued already (fora made it on open then), hence IF NOT EXISTS.
const char* const kUpgrade3[] = {R"sql(
ALTER TABLE pages ADD COLUMN depth INTEGER NOT NULL DEFAULT 0;
ALTER TABLE captures ADD COLUMN etag TEXT NOT NULL DEFAULT '';
ALTER TABLE captures ADD COLUMN last_modified TEXT NOT NULL DEFAULT '';
CREATE INDEX IF NOT EXISTS pages_queued ON pages(site_id, state, id);
)sql"};

// Version 2 -> 3: replies known from elsewhere than the entry's page (and an index of
// entries by URL, dropped again at version 6).
const char* const kUpgrade2[] = {
    ddl::kReplyLinks,
    ddl::kReplyLinksByParent,
    "CREATE INDEX comments_by_url ON comments(url)",
};

// Version 1 -> 2: the date's precision and the edit time.
const char* const kUpgrade1[] = {R"sql(
ALTER TABLE comments ADD COLUMN date_precision TEXT NOT NULL DEFAULT 'exact';
ALTER TABLE comments ADD COLUMN edited INTEGER;
)sql"};

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
  if (version < 1) {
    return make_error(Errc::Corrupt, fmt::format("the catalog is damaged: schema version {} was never written", version),
                      "restore catalog.db from a backup");
  }
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
  const std::span<const char* const> steps[] = {kUpgrade1, kUpgrade2, kUpgrade3, kUpgrade4, kUpgrade5,
                                                kUpgrade6, kUpgrade7, kUpgrade8, kUpgrade9};
  static_assert(std::size(steps) == kSchemaVersion - 1, "one upgrade step per version");
  for (int from = version; from < kSchemaVersion; ++from) FORA_TRY(exec_each(db, steps[from - 1]));
  FORA_TRY(move_crawl_mark(db));
  auto put = Statement::prepare(db, "UPDATE meta SET value = ? WHERE key = 'schema_version'");
  if (!put) return put.error();
  FORA_TRY(put->bind(1, std::to_string(kSchemaVersion)).run());
  FORA_TRY(exec(db, "COMMIT"));
  // The raw texts' pages are free now: give them back.
  return version <= 5 ? exec(db, "VACUUM") : ok();
}


}  // namespace fora::archive
