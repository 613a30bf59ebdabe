// fora-indexbench-fts: the SQLite FTS5 peer of `fora index`. Reads every post and comment
// from the archive's catalog as the indexer does (ThreadStore::for_each_entry) and writes
// them to an FTS5 table, contentless (content='') or with its content, tokenized
// 'porter unicode61', with the columns fora's query forms need:
//   e(body, quotes, author, topic, replyto)  body: own words; quotes: quoted words; topic:
//                                             title, categories, tags; replyto: the parent's
//                                             author and the quoted authors
//   m(id, date, kind, author, v)             what FTS5 does not index: date (with an index,
//                                             for date ranges), kind (0 post, 1 comment), the
//                                             exact author (for exact matches and counts by
//                                             author) and how many versions were indexed
// `update` adds what changed since the build (new entries; edited ones deleted with the
// words they were indexed with, which a contentless table needs, and added again). `read`
// reads the catalog alone, as the builds do, to tell its share of their time.
//
// Usage: fora-indexbench-fts build --archive DIR --db FILE [--contentless]
//        fora-indexbench-fts update --archive DIR --db FILE
//        fora-indexbench-fts read --archive DIR
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "bench_args.h"
#include "sqlite_db.h"
#include "fora/archive/archive.h"
#include "fora/archive/thread_store.h"

namespace {

using fora::archive::StoredEntry;
using fora::bench::Db;
using fora::bench::Stmt;

std::string joined(const std::vector<std::string>& parts, const char* between) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : between) + p;
  return out;
}

std::string topic_of(const StoredEntry& e) {
  return e.thread_title + "\n" + joined(e.categories, " ") + "\n" + joined(e.tags, " ");
}

std::string quotes_of(const std::vector<fora::extract::Quote>& quotes) {
  std::string out;
  for (const auto& q : quotes) out += (out.empty() ? "" : "\n") + q.text;
  return out;
}

std::string replyto_of(const StoredEntry& e, const std::vector<fora::extract::Quote>& quotes) {
  std::string out = e.parent_author;
  for (const auto& q : quotes)
    if (!q.author.empty()) out += (out.empty() ? "" : "\n") + q.author;
  return out;
}

// The statements that write one entry to both tables.
class EntryWriter {
 public:
  explicit EntryWriter(const Db& db)
      : text_(db, "INSERT INTO e(rowid, body, quotes, author, topic, replyto) VALUES (?, ?, ?, ?, ?, ?)"),
        side_(db, "INSERT OR REPLACE INTO m(id, date, kind, author, v) VALUES (?, ?, ?, ?, ?)") {}
  void add(const StoredEntry& e) {
    text_.bind(1, e.id).bind(2, e.entry.text).bind(3, quotes_of(e.entry.quotes)).bind(4, e.entry.author)
        .bind(5, topic_of(e)).bind(6, replyto_of(e, e.entry.quotes)).run();
    side_.bind(1, e.id);
    if (e.entry.published) side_.bind(2, *e.entry.published); else side_.bind_null(2);
    side_.bind(3, e.kind == "post" ? 0 : 1).bind(4, e.entry.author).bind(5, e.versions).run();
  }

 private:
  Stmt text_, side_;
};

void build(const fora::archive::Archive& a, const std::string& path, bool contentless) {
  std::filesystem::remove(path);
  Db db(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  // As fora's rebuild: no journal and no sync while a new index is written.
  db.exec("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;");
  db.exec(std::string("CREATE VIRTUAL TABLE e USING fts5(body, quotes, author, topic, replyto, ") +
          (contentless ? "content='', " : "") + "tokenize='porter unicode61');"
          "CREATE TABLE m(id INTEGER PRIMARY KEY, date INTEGER, kind INTEGER, author TEXT, v INTEGER);"
          "CREATE TABLE state(key TEXT PRIMARY KEY, value INTEGER);");
  db.exec("BEGIN");
  EntryWriter writer(db);
  std::int64_t n = 0;
  auto read = a.threads().for_each_entry(0, [&](const StoredEntry& e) -> fora::Status {
    writer.add(e);
    ++n;
    return fora::ok();
  });
  if (!read) throw std::runtime_error("reading the catalog: " + read.error().message);
  auto high = a.threads().max_change_seq();
  if (!high) throw std::runtime_error("reading the catalog: " + high.error().message);
  db.exec("CREATE INDEX m_date ON m(date);"
          "INSERT INTO e(e) VALUES('optimize');"  // one segment, as a compacted index
          "INSERT INTO state VALUES('change_seq', " + std::to_string(*high) + ");"
          "INSERT INTO state VALUES('contentless', " + (contentless ? "1" : "0") + ");"
          "COMMIT");
  std::printf("indexed %lld entries\n", static_cast<long long>(n));
}

// Deletes entry `e` from e as it was indexed: a contentless table must be told the words.
void delete_indexed(const Db& db, const fora::archive::Archive& a, const StoredEntry& e, std::int64_t indexed_v,
                    bool contentless) {
  if (!contentless) {
    Stmt(db, "DELETE FROM e WHERE rowid = ?").bind(1, e.id).run();
    return;
  }
  auto versions = a.threads().entry_versions(e.id);
  if (!versions || versions->size() < static_cast<std::size_t>(indexed_v))
    throw std::runtime_error("entry " + std::to_string(e.id) + ": its indexed version is not in the catalog");
  const auto& old = (*versions)[static_cast<std::size_t>(indexed_v - 1)];
  Stmt(db, "INSERT INTO e(e, rowid, body, quotes, author, topic, replyto) VALUES('delete', ?, ?, ?, ?, ?, ?)")
      .bind(1, e.id).bind(2, old.text).bind(3, quotes_of(old.quotes)).bind(4, old.author).bind(5, topic_of(e))
      .bind(6, replyto_of(e, old.quotes)).run();
}

void read_catalog(const fora::archive::Archive& a) {
  std::int64_t n = 0;
  std::size_t bytes = 0;
  auto read = a.threads().for_each_entry(0, [&](const StoredEntry& e) -> fora::Status {
    ++n;
    bytes += e.entry.text.size() + quotes_of(e.entry.quotes).size() + topic_of(e).size();
    return fora::ok();
  });
  if (!read) throw std::runtime_error("reading the catalog: " + read.error().message);
  std::printf("read %lld entries, %.1f MB of words\n", static_cast<long long>(n), static_cast<double>(bytes) / 1048576);
}

void update(const fora::archive::Archive& a, const std::string& path) {
  Db db(path, SQLITE_OPEN_READWRITE);
  Stmt state(db, "SELECT (SELECT value FROM state WHERE key = 'change_seq'), "
                 "(SELECT value FROM state WHERE key = 'contentless')");
  if (!state.step()) throw std::runtime_error(path + " has no state: build it first");
  const std::int64_t since = state.int64(0);
  const bool contentless = state.int64(1) != 0;
  state.reset();
  std::vector<StoredEntry> changed;  // read first: the catalog is read once, then written here
  auto read = a.threads().for_each_entry(since, [&](const StoredEntry& e) -> fora::Status {
    changed.push_back(e);
    return fora::ok();
  });
  if (!read) throw std::runtime_error("reading the catalog: " + read.error().message);
  auto high = a.threads().max_change_seq();
  if (!high) throw std::runtime_error("reading the catalog: " + high.error().message);
  db.exec("BEGIN");
  EntryWriter writer(db);
  Stmt indexed(db, "SELECT v FROM m WHERE id = ?");
  std::int64_t added = 0, replaced = 0;
  for (const auto& e : changed) {
    indexed.bind(1, e.id);
    const bool known = indexed.step();
    const std::int64_t v = known ? indexed.int64(0) : 0;
    indexed.reset();
    if (known && v == e.versions) continue;  // seen again, or gone: the words are the same
    if (known) delete_indexed(db, a, e, v, contentless);
    writer.add(e);
    ++(known ? replaced : added);
  }
  db.exec("UPDATE state SET value = " + std::to_string(*high) + " WHERE key = 'change_seq'; COMMIT");
  std::printf("read %zu changed entries: %lld new, %lld edited\n", changed.size(), static_cast<long long>(added),
              static_cast<long long>(replaced));
}

}  // namespace

int main(int argc, char** argv) {
  const std::string command = argc > 1 ? argv[1] : "";
  const fora::bench::BenchArgs args(argc, argv, 2, {"--archive", "--db"}, {"--contentless"},
                                    "usage: fora-indexbench-fts build --archive DIR --db FILE [--contentless]\n"
                                    "       fora-indexbench-fts update --archive DIR --db FILE\n"
                                    "       fora-indexbench-fts read --archive DIR");
  const std::string archive = args.text("--archive"), db = args.text("--db");
  const bool contentless = args.has("--contentless");
  if (command != "build" && command != "update" && command != "read") args.fail("build, update or read?");
  if (archive.empty() || (db.empty() && command != "read")) args.fail("--archive and --db are required");
  auto a = fora::archive::Archive::open(archive, fora::archive::Archive::Mode::Read);
  if (!a) {
    std::fprintf(stderr, "fora-indexbench-fts: %s\n", a.error().message.c_str());
    return 1;
  }
  try {
    const auto start = std::chrono::steady_clock::now();
    if (command == "build") build(**a, db, contentless);
    else if (command == "update") update(**a, db);
    else read_catalog(**a);
    std::printf("%s in %.2f s\n", command.c_str(),
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "fora-indexbench-fts: %s\n", e.what());
    return 1;
  }
  return 0;
}
