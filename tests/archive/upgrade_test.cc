// An archive written by an older fora (schema version 4, and 3) opens, is backed up, and
// upgrades in place with its snapshots and its posts and comments still readable.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <zstd.h>

#include <filesystem>
#include <fstream>
#include <random>

#include "archive_test_support.h"
#include "digest.h"
#include "fora/archive/archive.h"
#include "fora/archive/thread_export.h"

namespace fs = std::filesystem;
using fora::archive::Archive;
using fora::archive::test_support::poke_catalog;

namespace {

// catalog_schema.cc's kCreate as of schema version 4 (commit 8c7b2e3).
constexpr const char* kVersion4 = R"sql(
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
INSERT INTO meta VALUES('schema_version', '4');
)sql";

class UpgradeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("fora-upgrade-test-" + std::to_string(std::random_device{}()));
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "snapshots");
  }
  void TearDown() override { fs::remove_all(dir_); }

  // A version-4 archive with one page, captured once, as fora 8c7b2e3 wrote it: the
  // response record alone in one frame, the digest in hex.
  void write_version4() {
    const std::string body = "<p>hello</p>";
    const std::string http = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body;
    const std::string record = "WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:1>\r\n"
                               "WARC-Date: 2022-12-16T17:05:00Z\r\nWARC-Target-URI: http://example.com/a\r\n"
                               "Content-Type: application/http;msgtype=response\r\nContent-Length: " +
                               std::to_string(http.size()) + "\r\n\r\n" + http + "\r\n\r\n";
    std::string frame(ZSTD_compressBound(record.size()), '\0');
    frame.resize(ZSTD_compress(frame.data(), frame.size(), record.data(), record.size(), 3));
    std::ofstream(dir_ / "snapshots" / "seg-000001.warc.zst", std::ios::binary) << frame;
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open((dir_ / "catalog.db").c_str(), &db), SQLITE_OK);
    const std::string rows =
        std::string(kVersion4) +
        "INSERT INTO sites VALUES(1, 'example.com', 1);"
        "INSERT INTO pages VALUES(1, 1, 'http://example.com/a', 'fetched', '200', 0, 1, 1);"
        "INSERT INTO pages VALUES(2, 1, 'http://example.com/b', 'queued', '', 2, 1, 1);"
        "INSERT INTO captures VALUES(1, 1, 1671210300, 1671210300, 200, 'text/html', '" +
        fora::archive::sha256_hex(body) + "', 'W/\"e1\"', '', 'seg-000001.warc.zst', 0, " +
        std::to_string(frame.size()) + ");"
        // A thread whose post lives at its URL, a comment with an anchor below it, one kept
        // elsewhere, and an edited comment with a quote, as version 4 stored them (raw).
        "INSERT INTO threads VALUES(1, 1, 't1', 'http://example.com/a', 'Soyuz', '[]', '[]', 1, 1);"
        "INSERT INTO comments VALUES(1, 1, 'post', 'p1', 'Ann', 100, 'exact', NULL, '', 'http://example.com/a', 1, 1, NULL, 1);"
        "INSERT INTO comments VALUES(2, 1, 'comment', 'c1', 'Edward', 200, 'exact', NULL, '', 'http://example.com/a#c1', 1, 1, NULL, 2);"
        "INSERT INTO comments VALUES(3, 1, 'comment', 'c2', 'Bo', 300, 'day', NULL, 'c1', 'http://mirror.example.org/a#c2', 1, 1, NULL, 3);"
        "INSERT INTO comment_versions VALUES(1, 1, 1, 'The launch went well.', '[]');"
        "INSERT INTO comment_versions VALUES(2, 2, 1, 'Soyuz is old.', '[]');"
        "INSERT INTO comment_versions VALUES(3, 2, 2, 'Soyuz is reliable.', '[{\"author\":\"Ann\",\"text\":\"went well\"}]');"
        "INSERT INTO comment_versions VALUES(4, 3, 1, '', '[]');";
    ASSERT_EQ(sqlite3_exec(db, rows.c_str(), nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
    sqlite3_close(db);
  }

  void expect_upgraded(const std::string& backup_name) {
    auto read = Archive::open(dir_, Archive::Mode::Read);
    ASSERT_FALSE(read);  // a reader does not upgrade
    auto a = Archive::open(dir_, Archive::Mode::Write);
    ASSERT_TRUE(a) << a.error().message;
    EXPECT_TRUE(fs::exists(dir_ / backup_name));
    auto back = (*a)->captures().read_capture(1);
    ASSERT_TRUE(back) << back.error().message;
    EXPECT_EQ(back->body, "<p>hello</p>");
    EXPECT_EQ(back->fetched_at, 1671210300);
    // The same payload again under the same URL is still known as the same.
    fora::archive::Response same = *back;
    same.fetched_at += 100;
    EXPECT_EQ(*(*a)->captures().store_capture(same), 1);
    auto queued = (*a)->queue().queued_pages("example.com", 10);
    ASSERT_TRUE(queued);
    ASSERT_EQ(queued->size(), 1u);
    EXPECT_EQ((*queued)[0].url, "http://example.com/b");
    EXPECT_EQ((*queued)[0].hops, 0);  // queued before redirects were counted: none
    ASSERT_TRUE((*a)->queue().add_page("http://example.com/c", 1700000000, 1, 3));
    queued = (*a)->queue().queued_pages("example.com", 10);
    ASSERT_TRUE(queued);
    ASSERT_EQ(queued->size(), 2u);
    EXPECT_EQ((*queued)[1].hops, 3);
    // New captures are appended after the old one.
    same.body = "<p>edited</p>";
    EXPECT_EQ(*(*a)->captures().store_capture(same), 2);
    EXPECT_EQ((*a)->captures().read_capture(2)->body, "<p>edited</p>");
    EXPECT_EQ((*a)->captures().read_capture(1)->body, "<p>hello</p>");

    // Runs are recorded from now on.
    ASSERT_TRUE((*a)->runs().start_run("import x.warc", 1700000000));
    ASSERT_TRUE((*a)->runs().finish_run(3, 0, 0, "ok", 1700000060));
    auto runs = (*a)->runs().latest(10);
    ASSERT_TRUE(runs);
    ASSERT_EQ(runs->size(), 1u);
    EXPECT_EQ((*runs)[0].command, "import x.warc");
    EXPECT_EQ((*runs)[0].ended_at, 1700000060);

    // Posts and comments read as they were written, each at its latest version.
    auto entries = (*a)->threads().thread_entries(1);
    ASSERT_TRUE(entries) << entries.error().message;
    ASSERT_EQ(entries->size(), 3u);
    EXPECT_EQ((*entries)[0].entry.text, "The launch went well.");
    EXPECT_EQ((*entries)[0].entry.url, "http://example.com/a");
    EXPECT_EQ((*entries)[1].entry.author, "Edward");
    EXPECT_EQ((*entries)[1].entry.text, "Soyuz is reliable.");
    ASSERT_EQ((*entries)[1].entry.quotes.size(), 1u);
    EXPECT_EQ((*entries)[1].entry.quotes[0].author, "Ann");
    EXPECT_EQ((*entries)[1].entry.quotes[0].text, "went well");
    EXPECT_EQ((*entries)[1].entry.url, "http://example.com/a#c1");
    EXPECT_EQ((*entries)[2].entry.text, "");
    EXPECT_EQ((*entries)[2].entry.url, "http://mirror.example.org/a#c2");
    EXPECT_EQ((*entries)[2].parent_author, "Edward");
    auto versions = std::vector<std::vector<fora::archive::EntryVersion>>();
    ASSERT_TRUE(for_each_thread((*a)->threads(), {}, [&](const auto&, const auto& v) {
      versions = v;
      return fora::ok();
    }));
    ASSERT_EQ(versions.size(), 3u);
    ASSERT_EQ(versions[1].size(), 2u);
    EXPECT_EQ(versions[1][0].text, "Soyuz is old.");
    EXPECT_TRUE(versions[1][0].quotes.empty());
    EXPECT_EQ(versions[1][1].text, "Soyuz is reliable.");
    // The older version takes its entry's author and date, and is last seen when the next
    // was first seen; the thread has its one version.
    auto history = (*a)->threads().entry_versions(2);
    ASSERT_TRUE(history) << history.error().message;
    ASSERT_EQ(history->size(), 2u);
    EXPECT_EQ((*history)[0].author, "Edward");
    EXPECT_EQ((*history)[0].published, 200);
    EXPECT_EQ((*history)[0].last_seen, 2);
    EXPECT_EQ((*history)[1].author, "Edward");
    auto thread = (*a)->threads().thread_versions(1);
    ASSERT_TRUE(thread);
    ASSERT_EQ(thread->size(), 1u);
    EXPECT_EQ((*thread)[0].title, "Soyuz");
    // The words are kept compressed now, and the URLs under their thread's as a suffix.
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open((dir_ / "catalog.db").c_str(), &db), SQLITE_OK);
    sqlite3_stmt* q = nullptr;
    ASSERT_EQ(sqlite3_prepare_v2(db, "SELECT group_concat(url, ' ') FROM (SELECT url FROM comments ORDER BY id)", -1, &q, nullptr), SQLITE_OK);
    ASSERT_EQ(sqlite3_step(q), SQLITE_ROW);
    EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(q, 0)), " #c1 http://mirror.example.org/a#c2");
    sqlite3_finalize(q);
    ASSERT_EQ(sqlite3_prepare_v2(db, "SELECT text FROM comment_versions WHERE id = 2", -1, &q, nullptr), SQLITE_OK);
    ASSERT_EQ(sqlite3_step(q), SQLITE_ROW);
    EXPECT_EQ(sqlite3_column_type(q, 0), SQLITE_BLOB);
    const std::string blob(static_cast<const char*>(sqlite3_column_blob(q, 0)), static_cast<std::size_t>(sqlite3_column_bytes(q, 0)));
    EXPECT_EQ(blob.substr(0, 4), std::string("\x28\xb5\x2f\xfd"));  // a zstd frame
    sqlite3_finalize(q);
    sqlite3_close(db);
  }

  // The catalog of write_version4() upgraded to today's version, without its backup.
  void write_current() {
    write_version4();
    ASSERT_TRUE(Archive::open(dir_, Archive::Mode::Write));
    fs::remove(dir_ / "catalog.db.v4-backup");
  }

  fs::path dir_;
};

TEST_F(UpgradeTest, Version4CatalogIsBackedUpAndUpgraded) {
  write_version4();
  expect_upgraded("catalog.db.v4-backup");
}

TEST_F(UpgradeTest, Version3CatalogIsUpgradedToo) {
  write_version4();
  ASSERT_NO_FATAL_FAILURE(poke_catalog(
      dir_, "DROP INDEX pages_queued; ALTER TABLE pages DROP COLUMN depth;"
            " ALTER TABLE captures DROP COLUMN etag; ALTER TABLE captures DROP COLUMN last_modified;"
            " UPDATE meta SET value = '3' WHERE key = 'schema_version'"));
  expect_upgraded("catalog.db.v3-backup");
}

// Version 8 had no pages.hops (redirects in a row to a page), nor open_crawl: the column is added, 0 for
// the pages queued before.
TEST_F(UpgradeTest, Version8CatalogGainsRedirectHops) {
  ASSERT_NO_FATAL_FAILURE(write_current());
  ASSERT_NO_FATAL_FAILURE(poke_catalog(
      dir_, "DROP TABLE open_crawl; ALTER TABLE pages DROP COLUMN hops;"
            " UPDATE meta SET value = '8' WHERE key = 'schema_version'"));
  expect_upgraded("catalog.db.v8-backup");
}

// Version 9 kept the crawl mark as text in meta ("URL\n...since T"): it moves into
// open_crawl's columns, and a crawl killed before the upgrade resumes after it.
TEST_F(UpgradeTest, Version9CatalogKeepsItsCrawlMarkAsColumns) {
  ASSERT_NO_FATAL_FAILURE(write_current());
  ASSERT_NO_FATAL_FAILURE(poke_catalog(
      dir_, "DROP TABLE open_crawl; UPDATE meta SET value = '9' WHERE key = 'schema_version';"
            " INSERT INTO meta(key, value) VALUES('open_crawl',"
            " 'http://example.com/' || char(10) || 'http://example.com/b' || char(10) || 'since 1700000000')"));
  auto a = Archive::open(dir_, Archive::Mode::Write);
  ASSERT_TRUE(a) << a.error().message;
  EXPECT_TRUE(fs::exists(dir_ / "catalog.db.v9-backup"));
  auto mark = (*a)->queue().crawl_mark();
  ASSERT_TRUE(mark) << mark.error().message;
  ASSERT_TRUE(*mark);
  EXPECT_EQ((*mark)->start_urls, (std::vector<std::string>{"http://example.com/", "http://example.com/b"}));
  EXPECT_EQ((*mark)->since, 1700000000);
  a->reset();
  sqlite3* db = nullptr;
  sqlite3_open((dir_ / "catalog.db").c_str(), &db);
  sqlite3_stmt* q = nullptr;
  sqlite3_prepare_v2(db, "SELECT count(*) FROM meta WHERE key = 'open_crawl'", -1, &q, nullptr);
  ASSERT_EQ(sqlite3_step(q), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(q, 0), 0);  // moved, not copied
  sqlite3_finalize(q);
  sqlite3_close(db);
}

}  // namespace
