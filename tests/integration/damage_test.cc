// Damage stays local (DESIGN.md): the sample site crawled once by the real binary, then,
// on a fresh copy each time, bytes flipped or cut at offsets spread through its segments,
// its catalog and its index, and every command asked what it makes of it: no crash, no
// garbage, a clear message and the exit code context.h documents; `fora verify --repair`
// makes the archive whole (`verify --deep` clean), and a later crawl fetches what was lost.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <fstream>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "fora_run.h"
#include "support/temp_dir.h"
#include "support/test_server.h"
#include "zstd_cli.h"

namespace fora::test {
namespace {

namespace fs = std::filesystem;

const fs::path kSite = fs::path(FORA_SOURCE_DIR) / "data" / "sample-site";

void flip(const fs::path& file, std::uint64_t at) {
  std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
  f.seekg(static_cast<std::streamoff>(at));
  const char c = static_cast<char>(f.get());
  f.seekp(static_cast<std::streamoff>(at));
  f.put(static_cast<char>(c ^ 0x5a));
}

// Whether the zstd command reads `segment` as `whole` (what it read before a flip). A few
// bits of a zstd frame can change without changing what it decodes to, above all those
// left over in the last byte of an entropy table's description (RFC 8878 4.1.1), which no
// decoder reads: often the byte 17 bytes into a record's frame. A flip there changes no
// byte of any record, so there is no damage to find.
bool zstd_reads_as(const fs::path& segment, const std::string& whole, const fs::path& scratch) {
  const RunResult r = zstd_read(segment, scratch);
  return r.exit_code == 0 && r.out == whole;
}

// Whether `text` holds an SQL statement (what a damaged catalog once printed).
bool holds_sql(const std::string& text) {
  for (const char* w : {"SELECT ", "INSERT ", "UPDATE ", " FROM ", "WHERE "})
    if (text.find(w) != std::string::npos) return true;
  return false;
}

// The URLs of the response and revisit records of a .warc.gz, read with gzip and split
// here, not by fora.
std::set<std::string> exported_urls(const fs::path& warc_gz) {
  const RunResult r = run({"gzip", "-dc", warc_gz.string()}, {});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::set<std::string> out;
  std::istringstream in(r.out);
  std::string line, type;
  for (; std::getline(in, line);) {
    if (line.ends_with('\r')) line.pop_back();
    if (line.starts_with("WARC-Type: ")) type = line.substr(11);
    if (line.starts_with("WARC-Target-URI: ") && (type == "response" || type == "revisit")) out.insert(line.substr(17));
  }
  return out;
}

class Damage : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new TestServer(kSite);
    other_ = new TestServer(kSite);
    archive_ = new TempDir();
    // The sample site as two sites (two ports): the first compacted into one segment with a
    // dictionary frame, the second in small segments without, its payloads revisits of the
    // first's. Damage meets dictionary frames, warcinfo records, records with and without a
    // dictionary, and revisits whose original is elsewhere.
    const RunResult crawl = fora(archive_->path(), {"crawl", "--delay", "0", server_->base_url() + "/"});
    ASSERT_EQ(crawl.exit_code, 0) << crawl.err;
    const RunResult compact = fora(archive_->path(), {"compact", "--dictionary-after", "20"});
    ASSERT_EQ(compact.exit_code, 0) << compact.err;
    const RunResult crawl2 =
        fora(archive_->path(), {"crawl", "--delay", "0", "--segment-size", "64KB", other_->base_url() + "/"});
    ASSERT_EQ(crawl2.exit_code, 0) << crawl2.err;
    const RunResult index = fora(archive_->path(), {"index"});
    ASSERT_EQ(index.exit_code, 0) << index.err;
    fs::remove(archive_->path() / "lock");
    TempDir scratch;
    const fs::path out = scratch.path() / "whole.warc.gz";
    const RunResult exported = fora(archive_->path(), {"export", "--warc", out.string()});
    ASSERT_EQ(exported.exit_code, 0) << exported.err;
    urls_ = new std::set<std::string>(exported_urls(out));
  }
  static void TearDownTestSuite() {
    delete urls_;
    delete archive_;
    delete other_;
    delete server_;
  }
  // A crawl of both sites again.
  static RunResult crawl_again(const fs::path& dir) {
    return fora(dir, {"crawl", "--delay", "0", server_->base_url() + "/", other_->base_url() + "/"});
  }
  // A copy of the crawled archive to damage.
  static fs::path copy_archive(const TempDir& into) { return fora::test::copy_archive(archive_->path(), into.path()); }
  // `n` offsets spread through `size` bytes, the first and the last among them.
  static std::vector<std::uint64_t> spread(std::uint64_t size, int n) {
    std::vector<std::uint64_t> out;
    for (int i = 0; i < n; ++i) out.push_back(size * static_cast<std::uint64_t>(i) / static_cast<std::uint64_t>(n - 1) - (i == n - 1));
    return out;
  }
  // Repair, then a deep check: clean.
  static void expect_repaired(const fs::path& dir, const std::string& what) {
    const RunResult repair = fora(dir, {"verify", "--repair", "--json"});
    ASSERT_EQ(repair.exit_code, 0) << what << "\n" << repair.out << repair.err;
    const RunResult deep = fora(dir, {"verify", "--deep"});
    EXPECT_EQ(deep.exit_code, 0) << what << "\n" << deep.out << deep.err;
    EXPECT_NE(deep.out.find("no damage"), std::string::npos) << what << "\n" << deep.out;
  }

  static TestServer* server_;
  static TestServer* other_;
  static TempDir* archive_;
  static std::set<std::string>* urls_;  // every page the whole archive holds a capture of
};
TestServer* Damage::server_ = nullptr;
TestServer* Damage::other_ = nullptr;
TempDir* Damage::archive_ = nullptr;
std::set<std::string>* Damage::urls_ = nullptr;

// One byte flipped anywhere in the snapshots: export passes over what it spoils and says
// so, verify names it, repair sets it aside, and verify --deep is clean after.
TEST_F(Damage, AFlippedSegmentByteCostsOnlyItsCaptures) {
  std::vector<std::pair<fs::path, std::uint64_t>> spots;  // (segment name, offset)
  std::uint64_t total = 0;
  const auto segs = segments(archive_->path());
  ASSERT_GE(segs.size(), 2u);
  for (const auto& s : segs) total += fs::file_size(s);
  for (std::uint64_t at : spread(total, 14)) {
    for (const auto& s : segs) {
      if (at < fs::file_size(s)) {
        spots.emplace_back(s.filename(), at);
        break;
      }
      at -= fs::file_size(s);
    }
  }
  for (auto [name, at] : spots) {
    TempDir scratch;
    const fs::path dir = copy_archive(scratch);
    const fs::path seg = dir / "snapshots" / name;
    // The byte flipped is one that changes what a reader reads: the next one on while it
    // is not (zstd_reads_as).
    const RunResult whole = zstd_read(seg, scratch.path());
    ASSERT_EQ(whole.exit_code, 0) << whole.err;
    for (flip(seg, at); zstd_reads_as(seg, whole.out, scratch.path()); flip(seg, ++at)) {
      flip(seg, at);  // back as it was
      ASSERT_LT(at + 1, fs::file_size(seg)) << name << ": no byte from here on changes what zstd reads";
    }
    const std::string what = fmt::format("{} at {}", name.string(), at);

    const RunResult verify = fora(dir, {"verify"});
    EXPECT_EQ(verify.exit_code, 1) << what << "\n" << verify.out << verify.err;
    EXPECT_NE(verify.out.find(name.string()), std::string::npos) << what << "\n" << verify.out;

    const fs::path out = scratch.path() / "out.warc.gz";
    const RunResult exported = fora(dir, {"export", "--warc", out.string()});
    EXPECT_EQ(exported.exit_code, 0) << what << "\n" << exported.err;
    const std::set<std::string> got = exported_urls(out);
    EXPECT_LE(got.size(), urls_->size()) << what;
    if (got.size() < urls_->size()) {
      EXPECT_NE(exported.err.find("skipped, damaged: capture"), std::string::npos) << what << "\n" << exported.err;
      EXPECT_NE(exported.err.find(name.string() + " at "), std::string::npos) << what << "\n" << exported.err;
      EXPECT_NE(exported.out.find("damaged captures skipped"), std::string::npos) << what << "\n" << exported.out;
    }
    const RunResult stats = fora(dir, {"stats"});
    EXPECT_EQ(stats.exit_code, 0) << what << "\n" << stats.err;

    expect_repaired(dir, what);
    EXPECT_TRUE(fs::exists(dir / "snapshots" / "damaged" / name)) << what << ": the damaged segment is kept aside";
  }
}

// A flip in bits no zstd decoder reads changes no record: verify finds no damage, even
// --deep, and export loses nothing. (Verify reads records, not bytes: see zstd_reads_as.)
TEST_F(Damage, AFlipInBitsZstdDoesNotReadIsNoDamage) {
  const fs::path name = segments(archive_->path()).back().filename();
  TempDir scratch;
  const fs::path dir = copy_archive(scratch);
  const fs::path seg = dir / "snapshots" / name;
  const RunResult whole = zstd_read(seg, scratch.path());
  ASSERT_EQ(whole.exit_code, 0) << whole.err;
  // The first such byte, found by the zstd command (the first frames hold some).
  std::uint64_t at = 0;
  for (flip(seg, at); !zstd_reads_as(seg, whole.out, scratch.path()); flip(seg, ++at)) {
    flip(seg, at);
    ASSERT_LT(at, 4096u) << name << ": no byte of its first 4 KiB can be flipped unread";
  }
  const std::string what = fmt::format("{} at {}", name.string(), at);

  const RunResult verify = fora(dir, {"verify"});
  EXPECT_EQ(verify.exit_code, 0) << what << "\n" << verify.out << verify.err;
  EXPECT_NE(verify.out.find("no damage"), std::string::npos) << what << "\n" << verify.out;
  const RunResult deep = fora(dir, {"verify", "--deep"});
  EXPECT_EQ(deep.exit_code, 0) << what << "\n" << deep.out << deep.err;
  const fs::path out = scratch.path() / "out.warc.gz";
  const RunResult exported = fora(dir, {"export", "--warc", out.string()});
  EXPECT_EQ(exported.exit_code, 0) << what << "\n" << exported.err;
  EXPECT_EQ(exported_urls(out), *urls_) << what;
}

// A crawl on a damaged archive goes on (a damaged copy behind a 304 is asked for again),
// and after a repair the next crawl fetches every page that was lost.
TEST_F(Damage, ACrawlGoesOnPastDamageAndFetchesWhatRepairLost) {
  const auto segs = segments(archive_->path());
  for (const std::size_t k : {std::size_t{0}, segs.size() - 1}) {
    const fs::path name = segs[k].filename();
    const std::string what = name.string();
    TempDir scratch;
    const fs::path dir = copy_archive(scratch);
    flip(dir / "snapshots" / name, fs::file_size(segs[k]) * 2 / 3);

    const RunResult crawl = crawl_again(dir);
    EXPECT_EQ(crawl.exit_code, 0) << what << "\n" << crawl.out << crawl.err;
    EXPECT_FALSE(holds_sql(crawl.err)) << crawl.err;

    const RunResult repair = fora(dir, {"verify", "--repair", "--json"});
    ASSERT_EQ(repair.exit_code, 0) << what << "\n" << repair.out << repair.err;
    const auto report = nlohmann::json::parse(repair.out);
    EXPECT_GT(report["repair"]["segments_rewritten"].get<int>(), 0) << repair.out;

    const RunResult again = crawl_again(dir);
    EXPECT_EQ(again.exit_code, 0) << what << "\n" << again.out << again.err;
    const fs::path out = scratch.path() / "out.warc.gz";
    const RunResult exported = fora(dir, {"export", "--warc", out.string()});
    EXPECT_EQ(exported.exit_code, 0) << what << "\n" << exported.err;
    EXPECT_EQ(exported_urls(out), *urls_) << what << ": every page has a capture again";
    const RunResult deep = fora(dir, {"verify", "--deep"});
    EXPECT_EQ(deep.exit_code, 0) << what << "\n" << deep.out;
  }
}

// The captures a cut at `keep` in segment `name` spoils: those that end past it, and the
// revisits of them (their payload is there), counted in the catalog.
std::int64_t spoiled_by_cut(const fs::path& catalog, const std::string& name, std::uint64_t keep) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open_v2(catalog.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  sqlite3_stmt* q = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db,
                               "WITH cut AS (SELECT c.id FROM captures c JOIN segments s ON s.id = c.segment_id"
                               "  WHERE s.name = ?1 AND c.offset + c.length > ?2)"
                               " SELECT count(*) FROM captures WHERE id IN cut OR refers_to IN cut",
                               -1, &q, nullptr), SQLITE_OK);
  sqlite3_bind_text(q, 1, name.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64(q, 2, static_cast<sqlite3_int64>(keep));
  EXPECT_EQ(sqlite3_step(q), SQLITE_ROW);
  const std::int64_t n = sqlite3_column_int64(q, 0);
  sqlite3_finalize(q);
  sqlite3_close(db);
  return n;
}

// A segment cut short loses only its last records: writing goes on (into a new segment),
// and repair drops what was cut, after which an update fetches it again.
TEST_F(Damage, ATruncatedSegmentLosesOnlyItsTail) {
  const auto segs = segments(archive_->path());
  for (const fs::path& seg : {segs[segs.size() / 2], segs.back()}) {
    for (const std::uint64_t keep : spread(fs::file_size(seg), 3)) {
      const std::string what = fmt::format("{} cut to {}", seg.filename().string(), keep);
      TempDir scratch;
      const fs::path dir = copy_archive(scratch);
      fs::resize_file(dir / "snapshots" / seg.filename(), keep);

      const std::int64_t spoiled = spoiled_by_cut(dir / "catalog.db", seg.filename().string(), keep);
      const RunResult stats = fora(dir, {"stats"});
      EXPECT_EQ(stats.exit_code, 0) << what << "\n" << stats.err;
      const fs::path out = scratch.path() / "out.warc.gz";
      const RunResult exported = fora(dir, {"export", "--warc", out.string()});
      EXPECT_EQ(exported.exit_code, 0) << what << "\n" << exported.err;
      if (keep == 0 && seg == segs.back()) {
        // The segment crawls append to: a crawl still writes (into a new segment).
        const RunResult update = fora(dir, {"update", "--no-index"});
        EXPECT_EQ(update.exit_code, 0) << what << "\n" << update.out << update.err;
        EXPECT_NE(update.err.find("new records go to a new segment"), std::string::npos) << update.err;
      }

      const RunResult repair = fora(dir, {"verify", "--repair", "--json"});
      ASSERT_EQ(repair.exit_code, 0) << what << "\n" << repair.out << repair.err;
      const auto report = nlohmann::json::parse(repair.out);
      // Whatever was whole before the cut is kept: only captures past it are lost.
      EXPECT_EQ(report["repair"]["captures_lost"].get<std::int64_t>(), spoiled) << what << "\n" << repair.out;
      const RunResult deep = fora(dir, {"verify", "--deep"});
      EXPECT_EQ(deep.exit_code, 0) << what << "\n" << deep.out;

      const RunResult update = fora(dir, {"update", "--no-index"});
      EXPECT_EQ(update.exit_code, 0) << what << "\n" << update.out << update.err;
      const RunResult exported2 = fora(dir, {"export", "--warc", out.string()});
      EXPECT_EQ(exported_urls(out), *urls_) << what << ": the update fetched the lost pages again";
    }
  }
}

// The words of one comment, damaged inside the catalog: show refuses them (naming the entry
// and what to run), verify --deep finds them, repair marks them lost and queues the page.
TEST_F(Damage, DamagedWordsInTheCatalogAreRefusedThenMarkedLost) {
  TempDir scratch;
  const fs::path dir = copy_archive(scratch);
  // The longest text of a comment, and its entry: found by SQLite, then in the file.
  std::string blob;
  std::int64_t entry = 0;
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open_v2((dir / "catalog.db").c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
    sqlite3_stmt* q = nullptr;
    ASSERT_EQ(sqlite3_prepare_v2(db, "SELECT comment_id, text FROM comment_versions ORDER BY length(text) DESC LIMIT 1",
                                 -1, &q, nullptr), SQLITE_OK);
    ASSERT_EQ(sqlite3_step(q), SQLITE_ROW);
    entry = sqlite3_column_int64(q, 0);
    blob.assign(static_cast<const char*>(sqlite3_column_blob(q, 1)), static_cast<std::size_t>(sqlite3_column_bytes(q, 1)));
    sqlite3_finalize(q);
    sqlite3_close(db);
  }
  ASSERT_FALSE(fs::exists(dir / "catalog.db-wal") && fs::file_size(dir / "catalog.db-wal") > 0);
  const std::string bytes = slurp(dir / "catalog.db");
  const auto at = bytes.find(blob);
  ASSERT_NE(at, std::string::npos);
  flip(dir / "catalog.db", at + blob.size() / 2);
  const std::string id = std::to_string(entry);

  const RunResult show = fora(dir, {"show", id});
  EXPECT_EQ(show.exit_code, 1) << show.out << show.err;
  EXPECT_NE(show.err.find("damaged"), std::string::npos) << show.err;
  EXPECT_NE(show.err.find(id), std::string::npos) << show.err;
  EXPECT_NE(show.err.find("fora verify --repair"), std::string::npos) << show.err;
  EXPECT_TRUE(show.out.empty()) << "nothing of a damaged entry is printed: " << show.out;
  const RunResult verify = fora(dir, {"verify", "--deep"});
  EXPECT_EQ(verify.exit_code, 1) << verify.out;
  EXPECT_NE(verify.out.find("version"), std::string::npos) << verify.out;

  expect_repaired(dir, "catalog words");
  const RunResult lost = fora(dir, {"show", id, "--history"});
  EXPECT_EQ(lost.exit_code, 0) << lost.err;
  EXPECT_NE(lost.out.find("words lost"), std::string::npos) << lost.out;
  // Its page is queued: the update reads it again and the entry has words again.
  const RunResult update = fora(dir, {"update", "--no-index"});
  EXPECT_EQ(update.exit_code, 0) << update.out << update.err;
  const RunResult back = fora(dir, {"show", id, "--json"});
  ASSERT_EQ(back.exit_code, 0) << back.err;
  const auto j = nlohmann::json::parse(back.out);
  EXPECT_EQ(j["words_lost"], false) << back.out;
  EXPECT_FALSE(j["text"].get<std::string>().empty()) << back.out;
}

// Bytes flipped anywhere in catalog.db: every reading command either answers or says the
// catalog is damaged and what to try; none crashes or prints an SQL statement.
TEST_F(Damage, AFlippedCatalogByteIsAShortClearError) {
  const auto size = fs::file_size(archive_->path() / "catalog.db");
  for (const std::uint64_t at : spread(size, 20)) {
    const std::string what = fmt::format("catalog.db at {}", at);
    TempDir scratch;
    const fs::path dir = copy_archive(scratch);
    flip(dir / "catalog.db", at);
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"show", "3", "--history"}, {"stats"}, {"log"}, {"verify", "--deep"}}) {
      const RunResult r = fora(dir, args);
      const std::string cmd = what + ": fora " + args[0];
      EXPECT_LT(r.exit_code, 128) << cmd << " crashed\n" << r.err;
      EXPECT_FALSE(holds_sql(r.err)) << cmd << "\n" << r.err;
      if (r.exit_code != 0 && args[0] != "verify" && r.err.find("no post or comment") == std::string::npos) {
        EXPECT_NE(r.err.find("damaged"), std::string::npos) << cmd << "\n" << r.err;
      }
    }
    // Repair mends what it can (then a deep check is clean), or says to restore the catalog.
    const RunResult repair = fora(dir, {"verify", "--repair"});
    EXPECT_LT(repair.exit_code, 128) << what << "\n" << repair.err;
    EXPECT_FALSE(holds_sql(repair.err)) << what << "\n" << repair.err;
    if (repair.exit_code == 0) {
      EXPECT_EQ(fora(dir, {"verify", "--deep"}).exit_code, 0) << what << "\n" << repair.out;
    } else {
      EXPECT_NE(repair.err.find("restore catalog.db"), std::string::npos) << what << "\n" << repair.out << repair.err;
    }
  }
}

// A record dictionary damaged in the catalog: the records read as damaged, and repair takes
// the dictionary back from the segment that carries it, losing nothing.
TEST_F(Damage, ADamagedDictionaryInTheCatalogIsTakenBackFromItsSegment) {
  TempDir scratch;
  const fs::path dir = copy_archive(scratch);
  std::string blob;
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open_v2((dir / "catalog.db").c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
    sqlite3_stmt* q = nullptr;
    ASSERT_EQ(sqlite3_prepare_v2(db, "SELECT dictionary FROM dictionaries ORDER BY id DESC LIMIT 1", -1, &q, nullptr),
              SQLITE_OK);
    ASSERT_EQ(sqlite3_step(q), SQLITE_ROW) << "compact trained a dictionary";
    blob.assign(static_cast<const char*>(sqlite3_column_blob(q, 0)), static_cast<std::size_t>(sqlite3_column_bytes(q, 0)));
    sqlite3_finalize(q);
    sqlite3_close(db);
  }
  const std::string bytes = slurp(dir / "catalog.db");
  // Its last bytes (the dictionary's content, past its header), wherever SQLite put them.
  const std::string tail = blob.substr(blob.size() - 64);
  const auto at = bytes.find(tail);
  ASSERT_NE(at, std::string::npos);
  flip(dir / "catalog.db", at + 32);

  const RunResult verify = fora(dir, {"verify", "--deep"});
  EXPECT_EQ(verify.exit_code, 1) << verify.out;
  const RunResult repair = fora(dir, {"verify", "--repair", "--json"});
  ASSERT_EQ(repair.exit_code, 0) << repair.out << repair.err;
  const auto report = nlohmann::json::parse(repair.out);
  EXPECT_EQ(report["repair"]["captures_lost"].get<int>(), 0) << repair.out;
  EXPECT_NE(repair.out.find("restored from the copy in"), std::string::npos) << repair.out;
  const fs::path out = scratch.path() / "out.warc.gz";
  const RunResult exported = fora(dir, {"export", "--warc", out.string()});
  EXPECT_EQ(exported.exit_code, 0) << exported.err;
  EXPECT_EQ(exported_urls(out), *urls_);
}

// Bytes flipped in the index: search says the index is damaged and to rebuild it, or
// answers; `fora index --rebuild` then makes it whole.
TEST_F(Damage, AFlippedIndexByteAsksForARebuild) {
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(archive_->path() / "index"))
    if (e.is_regular_file() && fs::file_size(e.path()) > 0) files.push_back(fs::relative(e.path(), archive_->path()));
  ASSERT_FALSE(files.empty());
  int refused = 0;
  for (const fs::path& file : files) {
    for (const std::uint64_t at : spread(fs::file_size(archive_->path() / file), 3)) {
      const std::string what = fmt::format("{} at {}", file.string(), at);
      TempDir scratch;
      const fs::path dir = copy_archive(scratch);
      flip(dir / file, at);
      const RunResult r = fora(dir, {"search", "soyuz"});
      EXPECT_LT(r.exit_code, 128) << what << " crashed\n" << r.err;
      if (r.exit_code != 0) {
        ++refused;
        EXPECT_EQ(r.exit_code, 1) << what << "\n" << r.err;
        EXPECT_NE(r.err.find("fora index --rebuild"), std::string::npos) << what << "\n" << r.err;
        const RunResult rebuild = fora(dir, {"index", "--rebuild"});
        EXPECT_EQ(rebuild.exit_code, 0) << what << "\n" << rebuild.err;
        const RunResult again = fora(dir, {"search", "soyuz"});
        EXPECT_EQ(again.exit_code, 0) << what << "\n" << again.err;
      }
    }
  }
  EXPECT_GT(refused, 0) << "some flips in the index are found";
}

}  // namespace
}  // namespace fora::test
