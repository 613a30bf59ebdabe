#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <random>

#include "fora/archive/archive.h"

namespace fs = std::filesystem;
using fora::Errc;
using fora::archive::Archive;
using fora::archive::Response;
using fora::extract::Entry;
using fora::extract::ThreadPage;

namespace {

class ArchiveTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("fora-archive-test-" + std::to_string(std::random_device{}()));
    fs::remove_all(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::unique_ptr<Archive> open_write() {
    auto a = Archive::open(dir_, Archive::Mode::Write);
    EXPECT_TRUE(a.ok()) << (a ? "" : a.error().message);
    return a ? std::move(*a) : nullptr;
  }

  static Response response(std::string url, std::string body, std::int64_t at = 1000) {
    Response r;
    r.url = std::move(url);
    r.status = 200;
    r.headers = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n";
    r.content_type = "text/html";
    r.body = std::move(body);
    r.fetched_at = at;
    return r;
  }

  static ThreadPage thread_page(std::vector<std::pair<std::string, std::string>> comments) {
    ThreadPage p;
    p.thread_id = "12";
    p.thread_url = "http://example.com/soyuz/";
    p.title = "Soyuz leak";
    p.tags = {"Soyuz"};
    p.post = Entry{"12", "Robert", 100, "", "The post body", {}, p.thread_url, fora::extract::DatePrecision::Exact, {}};
    for (auto& [id, text] : comments) {
      p.comments.push_back(Entry{id, "Edward", 200, "", text, {{"Chris", "a quote"}},
                                 p.thread_url + "#comment-" + id, fora::extract::DatePrecision::Exact, {}});
    }
    return p;
  }

  fs::path dir_;
};

TEST_F(ArchiveTest, CreatesTheDesignLayoutOnFirstWrite) {
  auto a = open_write();
  ASSERT_TRUE(a);
  EXPECT_TRUE(fs::exists(dir_ / "catalog.db"));
  EXPECT_TRUE(fs::is_directory(dir_ / "snapshots"));
  EXPECT_TRUE(fs::is_directory(dir_ / "index"));
}

TEST_F(ArchiveTest, ReadingAMissingArchiveIsNotFound) {
  auto a = Archive::open(dir_, Archive::Mode::Read);
  ASSERT_FALSE(a);
  EXPECT_EQ(a.error().code, Errc::NotFound);
}

TEST_F(ArchiveTest, SecondWriterIsLockedOut) {
  auto first = open_write();
  auto second = Archive::open(dir_, Archive::Mode::Write);
  ASSERT_FALSE(second);
  EXPECT_EQ(second.error().code, Errc::Locked);
  auto reader = Archive::open(dir_, Archive::Mode::Read);
  EXPECT_TRUE(reader.ok());
}

TEST_F(ArchiveTest, AddPageIsIdempotent) {
  auto a = open_write();
  EXPECT_TRUE(*a->add_page("http://example.com/a", 1));
  EXPECT_FALSE(*a->add_page("http://example.com/a", 2));
  auto s = a->stats();
  EXPECT_EQ(s->pages, 1);
  EXPECT_EQ(s->sites, 1);
}

TEST_F(ArchiveTest, CaptureRoundTripsAndIdenticalPayloadIsStoredOnce) {
  auto a = open_write();
  ASSERT_TRUE(a->begin_batch().ok());
  auto id = a->store_capture(response("http://example.com/a", "<p>hello</p>"));
  ASSERT_TRUE(id.ok());
  ASSERT_TRUE(a->commit_batch().ok());
  const auto bytes = a->stats()->snapshot_bytes;
  EXPECT_GT(bytes, 0);

  auto again = a->store_capture(response("http://example.com/a", "<p>hello</p>", 2000));
  EXPECT_EQ(*again, *id);
  EXPECT_EQ(a->stats()->snapshot_bytes, bytes);
  EXPECT_EQ(a->stats()->captures, 1);

  auto back = a->read_capture(*id);
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(back->url, "http://example.com/a");
  EXPECT_EQ(back->status, 200);
  EXPECT_EQ(back->body, "<p>hello</p>");
  EXPECT_EQ(back->content_type, "text/html");
  EXPECT_EQ(back->fetched_at, 1000);

  auto changed = a->store_capture(response("http://example.com/a", "<p>edited</p>", 3000));
  EXPECT_NE(*changed, *id);
  EXPECT_EQ(a->stats()->captures, 2);
}

// Runs `sql` on the catalog of `dir` behind the archive's back (a test's way to damage it).
void poke_catalog(const fs::path& dir, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((dir / "catalog.db").c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
  sqlite3_close(db);
}

TEST_F(ArchiveTest, AFlippedByteInStoredWordsIsRefusedNotReadAsOtherWords) {
  const std::string words(400, 'w');
  {
    auto a = open_write();
    ASSERT_TRUE(a->store_thread_page("example.com", thread_page({{"1", words + " and the end"}}), 10));
  }
  // A byte in the middle of the frame: a literal of the words, which zstd decodes whatever
  // it holds; only the frame's checksum tells.
  poke_catalog(dir_, "UPDATE comment_versions SET text = substr(text, 1, length(text) / 2) ||"
                     " x'5a' || substr(text, length(text) / 2 + 2) WHERE id = 2");
  auto a = open_write();
  auto e = a->entry(2);
  ASSERT_FALSE(e);
  EXPECT_EQ(e.error().code, Errc::Corrupt);
  EXPECT_NE(e.error().message.find("comment 2"), std::string::npos) << e.error().message;
  EXPECT_NE(e.error().hint.find("fora verify --repair"), std::string::npos) << e.error().hint;
  ASSERT_EQ(a->verify(true)->problems.size(), 1u);

  // Repair marks the words lost and queues the page that showed them.
  auto repaired = a->repair();
  ASSERT_TRUE(repaired) << repaired.error().message;
  EXPECT_EQ(repaired->versions_lost, 1);
  EXPECT_TRUE(a->verify(true)->problems.empty());
  auto lost = a->entry(2);
  ASSERT_TRUE(lost) << lost.error().message;
  EXPECT_TRUE(lost->words_lost);
  EXPECT_TRUE(lost->entry.text.empty());
  // Read again, the page gives the entry its words back as a new version.
  ASSERT_TRUE(a->store_thread_page("example.com", thread_page({{"1", words + " and the end"}}), 11));
  auto back = a->entry(2);
  ASSERT_TRUE(back);
  EXPECT_FALSE(back->words_lost);
  EXPECT_EQ(back->entry.text, words + " and the end");
  EXPECT_EQ(back->versions, 2);
}

TEST_F(ArchiveTest, ADamagedRecordCostsOnlyItsCaptureAndRepairSetsItAside) {
  std::vector<std::int64_t> ids;
  {
    auto a = open_write();
    for (const char* page : {"a", "b", "c"})
      ids.push_back(*a->store_capture(response(std::string("http://example.com/") + page, std::string(300, *page))));
  }
  const fs::path seg = dir_ / "snapshots" / "seg-000001.warc.zst";
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open((dir_ / "catalog.db").c_str(), &db), SQLITE_OK);
    sqlite3_stmt* q = nullptr;
    sqlite3_prepare_v2(db, "SELECT offset + length - 10 FROM captures WHERE id = ?", -1, &q, nullptr);
    sqlite3_bind_int64(q, 1, ids[1]);
    ASSERT_EQ(sqlite3_step(q), SQLITE_ROW);
    const auto at = sqlite3_column_int64(q, 0);
    sqlite3_finalize(q);
    sqlite3_close(db);
    std::fstream f(seg, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(at);
    f.put('\x5a');
  }
  auto a = open_write();
  auto damaged = a->read_capture(ids[1]);
  ASSERT_FALSE(damaged);
  EXPECT_EQ(damaged.error().code, Errc::Corrupt);
  EXPECT_NE(damaged.error().message.find("seg-000001.warc.zst at "), std::string::npos) << damaged.error().message;
  std::vector<std::string> read, skipped;
  ASSERT_TRUE(a->for_each_capture({}, [&](std::string_view url, std::int64_t, const std::vector<std::string>&) {
    read.emplace_back(url);
    return fora::ok();
  }, [&](const std::string& line) { skipped.push_back(line); }));
  EXPECT_EQ(read, (std::vector<std::string>{"http://example.com/a", "http://example.com/c"}));
  ASSERT_EQ(skipped.size(), 1u);
  EXPECT_NE(skipped[0].find("http://example.com/b"), std::string::npos) << skipped[0];

  auto repaired = a->repair();
  ASSERT_TRUE(repaired) << repaired.error().message;
  EXPECT_EQ(repaired->captures_lost, 1);
  EXPECT_EQ(repaired->segments_rewritten, 1);
  EXPECT_TRUE(a->verify(true)->problems.empty());
  EXPECT_TRUE(fs::exists(dir_ / "snapshots" / "damaged" / "seg-000001.warc.zst"));
  EXPECT_FALSE(fs::exists(seg));
  EXPECT_EQ(a->read_capture(ids[0])->body, std::string(300, 'a'));
  EXPECT_EQ(a->read_capture(ids[2])->body, std::string(300, 'c'));
  EXPECT_EQ(a->read_capture(ids[1]).error().code, Errc::NotFound);
  EXPECT_EQ(**a->page_state("http://example.com/b"), fora::archive::PageState::Queued);
  // New records still go somewhere whole.
  auto next = a->store_capture(response("http://example.com/b", std::string(300, 'b'), 2000));
  ASSERT_TRUE(next);
  EXPECT_EQ(a->read_capture(*next)->body, std::string(300, 'b'));
  EXPECT_TRUE(a->verify(true)->problems.empty());
}

TEST_F(ArchiveTest, TornSnapshotTailIsCutOnReopen) {
  std::int64_t id = 0;
  {
    auto a = open_write();
    id = *a->store_capture(response("http://example.com/a", "body"));
  }
  const fs::path seg = dir_ / "snapshots" / "seg-000001.warc.zst";
  const auto good = fs::file_size(seg);
  std::ofstream(seg, std::ios::app | std::ios::binary) << "\x28\xb5\x2f\xfd garbage of a torn frame";
  auto a = open_write();
  EXPECT_EQ(fs::file_size(seg), good);
  EXPECT_EQ(a->read_capture(id)->body, "body");
}

TEST_F(ArchiveTest, TornTailAndUnlistedSegmentAreMendedAndReported) {
  std::int64_t id = 0;
  {
    auto a = open_write();
    id = *a->store_capture(response("http://example.com/a", "body"));
    EXPECT_TRUE(a->repairs().empty());
  }
  const fs::path seg = dir_ / "snapshots" / "seg-000001.warc.zst";
  const auto good = fs::file_size(seg);
  std::ofstream(seg, std::ios::app | std::ios::binary) << "\x28\xb5\x2f\xfd torn";
  std::ofstream(dir_ / "snapshots" / "seg-000002.warc.zst", std::ios::binary) << "begun, never committed";
  std::ofstream(dir_ / "snapshots" / "notes.txt") << "the user's own file";
  auto a = open_write();
  ASSERT_EQ(a->repairs().size(), 2u);
  EXPECT_NE(a->repairs()[0].find("seg-000001.warc.zst: cut 9 bytes"), std::string::npos) << a->repairs()[0];
  EXPECT_NE(a->repairs()[1].find("seg-000002.warc.zst"), std::string::npos) << a->repairs()[1];
  EXPECT_EQ(fs::file_size(seg), good);
  EXPECT_TRUE(fs::exists(dir_ / "snapshots" / "seg-000002.warc.zst.orphan"));
  EXPECT_TRUE(fs::exists(dir_ / "snapshots" / "notes.txt"));
  EXPECT_EQ(a->read_capture(id)->body, "body");
  // The next segment is made afresh under the name that was set aside.
  a->set_segment_limit(1);
  const auto next = a->store_capture(response("http://example.com/b", "other body"));
  ASSERT_TRUE(next);
  EXPECT_EQ(a->read_capture(*next)->body, "other body");
  EXPECT_GT(fs::file_size(dir_ / "snapshots" / "seg-000002.warc.zst"), 0u);
}

TEST_F(ArchiveTest, SamePayloadUnderAnotherUrlIsARevisit) {
  auto a = open_write();
  Response first = response("http://example.com/t/1/", "<p>the thread</p>", 1000);
  first.request = "GET /t/1/ HTTP/1.1\r\nHost: example.com\r\n\r\n";
  const auto original = *a->store_capture(first);
  const auto bytes = a->stats()->snapshot_bytes;
  Response copy = response("http://example.com/t/1/comment-page-1/", "<p>the thread</p>", 2000);
  const auto revisit = *a->store_capture(copy);
  EXPECT_NE(revisit, original);
  EXPECT_EQ(a->stats()->captures, 2);
  // A revisit holds headers, not the payload again.
  EXPECT_LT(a->stats()->snapshot_bytes - bytes, 400);
  auto back = a->read_capture(revisit);
  ASSERT_TRUE(back) << back.error().message;
  EXPECT_EQ(back->url, "http://example.com/t/1/comment-page-1/");
  EXPECT_EQ(back->fetched_at, 2000);
  EXPECT_EQ(back->body, "<p>the thread</p>");
  EXPECT_EQ(a->read_capture(original)->request, first.request);
}

TEST_F(ArchiveTest, SegmentsRollOverAtTheirLimit) {
  auto a = open_write();
  a->set_segment_limit(2000);
  std::vector<std::int64_t> ids;
  std::mt19937 rng(7);
  for (int i = 0; i < 20; ++i) {
    std::string body(600, ' ');
    for (char& c : body) c = static_cast<char>('a' + rng() % 26);  // incompressible enough
    ids.push_back(*a->store_capture(response("http://example.com/p" + std::to_string(i), body)));
  }
  std::size_t segments = 0;
  for (const auto& e : fs::directory_iterator(dir_ / "snapshots")) {
    ++segments;
    EXPECT_LE(fs::file_size(e.path()), 2000u + 1000u) << e.path();
  }
  EXPECT_GE(segments, 5u);
  for (auto id : ids) EXPECT_TRUE(a->read_capture(id)) << id;
  // The catalog knows where each segment ends, the rolled ones too.
  a.reset();
  a = open_write();
  EXPECT_TRUE(a->repairs().empty()) << a->repairs().front();
  auto report = a->verify(true);
  ASSERT_TRUE(report);
  EXPECT_TRUE(report->problems.empty()) << report->problems.front();
  EXPECT_EQ(report->captures, 20);
  EXPECT_EQ(report->records, 20 + static_cast<std::int64_t>(segments));
  // A record larger than the limit gets a segment of its own, with no empty one before it.
  a->set_segment_limit(100);
  EXPECT_TRUE(a->store_capture(response("http://example.com/big", std::string(5000, 'x'))));
  EXPECT_TRUE(a->store_capture(response("http://example.com/big2", std::string(5000, 'y'))));
  std::size_t now = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir_ / "snapshots")) ++now;
  EXPECT_EQ(now, segments + 2);
}

TEST_F(ArchiveTest, ASiteGetsADictionaryItsLaterRecordsUse) {
  // Pages alike in their template, as a site's are.
  const auto page = [](int i) {
    std::string body = "<html><head><style>.comment{margin:0 0 1em}.author{font-weight:700}</style></head><body>";
    for (int c = 0; c < 20; ++c)
      body += "<div class=\"comment\" id=\"comment-" + std::to_string(i * 100 + c) +
              "\"><span class=\"author\">Edward</span><p>About Soyuz, number " + std::to_string(i * c) + "</p></div>";
    return body + "</body></html>";
  };
  {
    auto a = open_write();
    a->set_dictionary_policy(30, 4096);
    for (int i = 0; i < 40; ++i) ASSERT_TRUE(a->store_capture(response("http://example.com/t/" + std::to_string(i), page(i))));
    EXPECT_EQ(a->dictionary_for("http://other.example/"), nullptr);
  }  // closing waits for the training and keeps its dictionary
  auto a = open_write();
  auto dict = a->dictionary_for("http://example.com/t/99");
  ASSERT_NE(dict, nullptr);
  std::vector<std::int64_t> ids;
  for (int i = 40; i < 50; ++i) {
    auto prepared = fora::archive::prepare_capture(response("http://example.com/t/" + std::to_string(i), page(i)), dict);
    ASSERT_TRUE(prepared);
    ids.push_back(*a->store_capture(*prepared));
  }
  for (std::size_t k = 0; k < ids.size(); ++k) EXPECT_EQ(a->read_capture(ids[k])->body, page(40 + static_cast<int>(k)));
  // Its records went to a segment of their own that opens with the dictionary frame.
  std::size_t with_dictionary = 0;
  for (const auto& e : fs::directory_iterator(dir_ / "snapshots")) {
    std::ifstream in(e.path(), std::ios::binary);
    char magic[4] = {};
    in.read(magic, 4);
    if (std::string(magic, 4) == std::string("\x5d\x2a\x4d\x18", 4)) ++with_dictionary;
  }
  EXPECT_EQ(with_dictionary, 1u);
  auto report = a->verify(true);
  ASSERT_TRUE(report);
  EXPECT_TRUE(report->problems.empty()) << report->problems.front();
  EXPECT_EQ(report->captures, 50);
  // Readers see it too.
  a.reset();
  auto reader = Archive::open(dir_, Archive::Mode::Read);
  ASSERT_TRUE(reader);
  EXPECT_EQ((*reader)->read_capture(ids.back())->body, page(49));
}

TEST_F(ArchiveTest, CompactRecompressesWithTheSitesDictionaryAndRemovesEmptiedSegments) {
  const auto page = [](int i) {
    std::string body = "<html><head><style>.comment{margin:0 0 1em}.author{font-weight:700}</style></head><body>";
    for (int c = 0; c < 30; ++c)
      body += "<div class=\"comment\" id=\"comment-" + std::to_string(i * 100 + c) +
              "\"><span class=\"author\">Edward</span><p>About Soyuz, number " + std::to_string(i * c) + "</p></div>";
    return body + "</body></html>";
  };
  std::vector<std::int64_t> ids;
  {
    auto a = open_write();
    a->set_dictionary_policy(0);  // none while crawling
    for (int i = 0; i < 60; ++i)
      ids.push_back(*a->store_capture(response("http://example.com/t/" + std::to_string(i), page(i))));
    ids.push_back(*a->store_capture(response("http://small.example/", "<p>one page</p>")));
  }
  auto a = open_write();
  a->set_dictionary_policy(50, 8192);
  const auto before = a->stats()->snapshot_bytes;
  auto report = a->compact(19);
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_TRUE(report->problems.empty());
  EXPECT_EQ(report->captures_moved, 61);  // the small site's page too, at level 19 without one
  EXPECT_EQ(report->segments_removed, 1);
  EXPECT_LT(report->bytes_after, before / 2) << before;
  EXPECT_FALSE(fs::exists(dir_ / "snapshots" / "seg-000001.warc.zst"));
  EXPECT_NE(a->dictionary_for("http://example.com/"), nullptr);
  for (int i = 0; i < 60; ++i) EXPECT_EQ(a->read_capture(ids[static_cast<std::size_t>(i)])->body, page(i));
  auto check = a->verify(true);
  ASSERT_TRUE(check);
  EXPECT_TRUE(check->problems.empty()) << check->problems.front();
  // Done once: a second run has nothing to do.
  auto again = a->compact(19);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->captures_moved, 0);
}

TEST_F(ArchiveTest, ThreadPagesMergeAndEditsAddVersions) {
  auto a = open_write();
  ASSERT_TRUE(a->store_thread_page("example.com", thread_page({{"1", "first"}, {"2", "second"}}), 10).ok());
  // The next comment page of the same thread, and a re-read of page one.
  ASSERT_TRUE(a->store_thread_page("example.com", thread_page({{"3", "third"}}), 11).ok());
  ASSERT_TRUE(a->store_thread_page("example.com", thread_page({{"1", "first"}, {"2", "second"}}), 12).ok());
  auto s = *a->stats();
  EXPECT_EQ(s.threads, 1);
  EXPECT_EQ(s.posts, 1);
  EXPECT_EQ(s.comments, 3);
  EXPECT_EQ(s.comment_versions, 4);

  const auto seq = *a->max_change_seq();
  ASSERT_TRUE(a->store_thread_page("example.com", thread_page({{"2", "second, edited"}}), 13).ok());
  EXPECT_EQ(a->stats()->comment_versions, 5);
  std::vector<fora::archive::StoredEntry> changed;
  ASSERT_TRUE(a->for_each_entry(seq, [&](const auto& e) {
                 changed.push_back(e);
                 return fora::ok();
               }).ok());
  ASSERT_EQ(changed.size(), 1u);
  EXPECT_EQ(changed[0].entry.native_id, "2");
  EXPECT_EQ(changed[0].entry.text, "second, edited");
  EXPECT_EQ(changed[0].thread_title, "Soyuz leak");
  EXPECT_EQ(changed[0].tags, std::vector<std::string>{"Soyuz"});
  ASSERT_EQ(changed[0].entry.quotes.size(), 1u);
  EXPECT_EQ(changed[0].entry.quotes[0].author, "Chris");
  EXPECT_EQ(changed[0].first_seen, 10);
  EXPECT_EQ(changed[0].last_seen, 13);
}

TEST_F(ArchiveTest, RetitledThreadReindexesAllItsEntries) {
  auto a = open_write();
  ASSERT_TRUE(a->store_thread_page("example.com", thread_page({{"1", "x"}, {"2", "y"}}), 10).ok());
  const auto seq = *a->max_change_seq();
  auto page = thread_page({});
  page.title = "Soyuz leak, updated";
  ASSERT_TRUE(a->store_thread_page("example.com", page, 11).ok());
  int n = 0;
  ASSERT_TRUE(a->for_each_entry(seq, [&](const auto& e) {
                 EXPECT_EQ(e.thread_title, "Soyuz leak, updated");
                 ++n;
                 return fora::ok();
               }).ok());
  EXPECT_EQ(n, 3);
}

TEST_F(ArchiveTest, ThreadedReplyKnowsItsParentAuthor) {
  auto a = open_write();
  auto page = thread_page({{"1", "question"}, {"2", "answer"}});
  page.comments[0].author = "Chris";
  page.comments[1].parent_id = "1";
  ASSERT_TRUE(a->store_thread_page("example.com", page, 10).ok());
  auto entries = a->thread_entries(1);
  ASSERT_EQ(entries->size(), 3u);
  EXPECT_EQ((*entries)[0].kind, "post");
  EXPECT_EQ((*entries)[2].parent_author, "Chris");
  auto missing = a->entry(999);
  EXPECT_EQ(missing.error().code, Errc::NotFound);
}

// Comments of a thread, in words of a small vocabulary, as a forum's talk repeats itself.
ThreadPage talk_page(int thread, int comments, std::mt19937& rng) {
  static const char* words[] = {"Soyuz", "launch", "orbit", "capsule", "leak", "crew", "docking", "station",
                                "the", "a", "is", "was", "after", "before", "engine", "valve", "pressure",
                                "Baikonur", "rocket", "stage", "booster", "landing", "hatch", "coolant"};
  ThreadPage p;
  p.thread_id = std::to_string(thread);
  p.thread_url = "http://example.com/t/" + p.thread_id + "/";
  p.title = "Thread " + p.thread_id;
  for (int c = 0; c < comments; ++c) {
    std::string text;
    for (int w = 0; w < 70; ++w) text += std::string(words[rng() % std::size(words)]) + (w % 12 == 11 ? ". " : " ");
    const std::string id = std::to_string(thread * 1000 + c);
    p.comments.push_back(Entry{id, c % 2 ? "Edward" : "Chris", 200, "", text, {},
                               p.thread_url + "#comment-" + id, fora::extract::DatePrecision::Exact, {}});
  }
  return p;
}

// What the catalog holds of each version: whether a dictionary compressed it, and its size.
std::vector<std::pair<bool, std::int64_t>> stored_versions(const fs::path& dir) {
  sqlite3* db = nullptr;
  sqlite3_open((dir / "catalog.db").c_str(), &db);
  sqlite3_stmt* q = nullptr;
  sqlite3_prepare_v2(db, "SELECT dictionary_id IS NOT NULL, length(text) FROM comment_versions ORDER BY id", -1, &q, nullptr);
  std::vector<std::pair<bool, std::int64_t>> out;
  while (sqlite3_step(q) == SQLITE_ROW) out.emplace_back(sqlite3_column_int(q, 0) != 0, sqlite3_column_int64(q, 1));
  sqlite3_finalize(q);
  sqlite3_close(db);
  return out;
}

TEST_F(ArchiveTest, ASiteGetsATextDictionaryItsLaterVersionsUse) {
  std::mt19937 rng(7);
  std::vector<ThreadPage> pages;
  for (int t = 0; t < 40; ++t) pages.push_back(talk_page(t, 50, rng));
  {
    auto a = open_write();
    a->set_text_dictionary_policy(1500);
    ASSERT_TRUE(a->begin_batch());
    for (const auto& p : pages) ASSERT_TRUE(a->store_thread_page("example.com", p, 10));
    ASSERT_TRUE(a->commit_batch());
  }
  const auto stored = stored_versions(dir_);
  ASSERT_EQ(stored.size(), 2000u);
  // Those before the 1,500th go without; those after use it, and are smaller.
  std::int64_t without = 0, with = 0;
  for (std::size_t i = 0; i < stored.size(); ++i) {
    EXPECT_EQ(stored[i].first, i >= 1499) << i;
    (stored[i].first ? with : without) += stored[i].second;
  }
  EXPECT_LT(with / 501, without / 1499 * 3 / 4);
  // Every entry reads back as written, through a reader that loads the dictionary itself.
  auto r = Archive::open(dir_, Archive::Mode::Read);
  ASSERT_TRUE(r);
  for (std::int64_t thread = 1; thread <= 40; ++thread) {
    auto entries = (*r)->thread_entries(thread);
    ASSERT_TRUE(entries) << entries.error().message;
    const auto& page = pages[static_cast<std::size_t>(thread - 1)];
    ASSERT_EQ(entries->size(), page.comments.size());
    for (std::size_t c = 0; c < entries->size(); ++c) {
      EXPECT_EQ((*entries)[c].entry.text, page.comments[c].text);
      EXPECT_EQ((*entries)[c].entry.url, page.comments[c].url);
    }
  }
  // The same pages again add nothing: the stored words compare equal once decoded.
  auto a = open_write();
  for (const auto& p : pages) ASSERT_TRUE(a->store_thread_page("example.com", p, 11));
  EXPECT_EQ(a->stats()->comment_versions, 2000);
}

TEST_F(ArchiveTest, CompactCompressesTheWordsAgainWithTheSitesTextDictionary) {
  std::mt19937 rng(11);
  std::vector<ThreadPage> pages;
  for (int t = 0; t < 30; ++t) pages.push_back(talk_page(t, 50, rng));
  pages[3].comments[2].quotes = {{"Chris", "the valve was open"}};
  {
    auto a = open_write();
    a->set_text_dictionary_policy(0);  // none while crawling
    for (const auto& p : pages) ASSERT_TRUE(a->store_thread_page("example.com", p, 10));
  }
  const auto before = stored_versions(dir_);
  auto a = open_write();
  auto report = a->compact(19);
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_TRUE(report->problems.empty());
  EXPECT_EQ(report->versions_moved, 1500);
  EXPECT_LT(report->catalog_after, report->catalog_before);
  const auto after = stored_versions(dir_);
  ASSERT_EQ(after.size(), before.size());
  std::int64_t bytes_before = 0, bytes_after = 0;
  for (std::size_t i = 0; i < after.size(); ++i) {
    EXPECT_TRUE(after[i].first);
    bytes_before += before[i].second;
    bytes_after += after[i].second;
  }
  EXPECT_LT(bytes_after, bytes_before * 3 / 4);
  auto entries = a->thread_entries(4);
  ASSERT_TRUE(entries);
  EXPECT_EQ((*entries)[2].entry.text, pages[3].comments[2].text);
  ASSERT_EQ((*entries)[2].entry.quotes.size(), 1u);
  EXPECT_EQ((*entries)[2].entry.quotes[0].text, "the valve was open");
  auto check = a->verify(true);
  ASSERT_TRUE(check);
  EXPECT_TRUE(check->problems.empty()) << check->problems.front();
  // Done once; a version added later is the only one the next run compresses.
  EXPECT_EQ(a->compact(19)->versions_moved, 0);
  pages[0].comments[0].text = "edited after the compaction";
  ASSERT_TRUE(a->store_thread_page("example.com", pages[0], 12));
  EXPECT_EQ(a->compact(19)->versions_moved, 1);
  EXPECT_EQ(a->thread_entries(1)->front().entry.text, "edited after the compaction");
}

TEST_F(ArchiveTest, DamagedWordsAreReportedByVerifyAndByTheReader) {
  {
    auto a = open_write();
    ASSERT_TRUE(a->store_thread_page("example.com", thread_page({{"1", "first words"}, {"2", "second"}}), 10));
  }
  sqlite3* db = nullptr;
  sqlite3_open((dir_ / "catalog.db").c_str(), &db);
  ASSERT_EQ(sqlite3_exec(db, "UPDATE comment_versions SET text = x'28b52ffd0000' WHERE id = 2", nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  auto a = open_write();
  auto check = a->verify(true);
  ASSERT_TRUE(check);
  ASSERT_EQ(check->problems.size(), 1u);
  EXPECT_NE(check->problems[0].find("version 2 "), std::string::npos) << check->problems[0];
  auto e = a->entry(2);
  ASSERT_FALSE(e);
  EXPECT_EQ(e.error().code, Errc::Corrupt);
  EXPECT_EQ(a->entry(3)->entry.text, "second");
}

TEST_F(ArchiveTest, AThreadThatMovesKeepsItsEntriesUrls) {
  auto a = open_write();
  ASSERT_TRUE(a->store_thread_page("example.com", thread_page({{"1", "first"}, {"2", "second"}}), 10));
  // The thread moves; its post and comment 2 are seen at the new place, comment 1 is not.
  auto moved = thread_page({{"2", "second"}});
  moved.thread_url = "http://example.com/soyuz-leak/";
  moved.post->url = moved.thread_url;
  moved.comments[0].url = moved.thread_url + "#comment-2";
  ASSERT_TRUE(a->store_thread_page("example.com", moved, 11));
  auto entries = a->thread_entries(1);
  ASSERT_TRUE(entries);
  ASSERT_EQ(entries->size(), 3u);
  EXPECT_EQ((*entries)[0].entry.url, "http://example.com/soyuz-leak/");
  EXPECT_EQ((*entries)[1].entry.url, "http://example.com/soyuz/#comment-1");
  EXPECT_EQ((*entries)[2].entry.url, "http://example.com/soyuz-leak/#comment-2");
  EXPECT_EQ((*entries)[2].thread_url, "http://example.com/soyuz-leak/");
}

TEST_F(ArchiveTest, AnEntryShownUnderTwoUrlsSettlesOnTheShorter) {
  auto a = open_write();
  // WordPress shows a post's first comments on its page and on comment-page-1/ again.
  auto copy = thread_page({{"1", "first"}});
  copy.comments[0].url = copy.thread_url + "comment-page-1/#comment-1";
  ASSERT_TRUE(a->store_thread_page("example.com", copy, 10));
  ASSERT_TRUE(a->store_thread_page("example.com", thread_page({{"1", "first"}}), 11));
  EXPECT_EQ(a->entry(2)->entry.url, "http://example.com/soyuz/#comment-1");
  // Read in the other order again, nothing changes.
  const auto seq = *a->max_change_seq();
  ASSERT_TRUE(a->store_thread_page("example.com", copy, 12));
  ASSERT_TRUE(a->store_thread_page("example.com", thread_page({{"1", "first"}}), 13));
  EXPECT_EQ(*a->max_change_seq(), seq);
  EXPECT_EQ(a->entry(2)->entry.url, "http://example.com/soyuz/#comment-1");
}

TEST_F(ArchiveTest, ARunCountsThePostsAndCommentsItAddedAndEdited) {
  auto a = open_write();
  ASSERT_TRUE(a->start_run("crawl http://example.com/", 100));
  ASSERT_TRUE(a->store_thread_page("example.com", thread_page({{"1", "first"}, {"2", "second"}}), 101));
  ASSERT_TRUE(a->store_thread_page("example.com", thread_page({{"1", "first"}, {"2", "second, edited"}}), 102));
  // A page that fails to merge counts nothing.
  auto bad = thread_page({{"3", "third"}});
  bad.thread_id.clear();
  ASSERT_FALSE(a->store_thread_page("example.com", bad, 103));
  ASSERT_TRUE(a->finish_run(7, 1, 0, "ok", 104));
  ASSERT_TRUE(a->start_run("crawl http://example.com/ again", 200));  // killed: never finished
  auto runs = a->runs(10);
  ASSERT_TRUE(runs);
  ASSERT_EQ(runs->size(), 2u);
  EXPECT_FALSE((*runs)[0].ended_at);
  const auto& r = (*runs)[1];
  EXPECT_EQ(r.command, "crawl http://example.com/");
  EXPECT_EQ(r.started_at, 100);
  EXPECT_EQ(r.ended_at, 104);
  EXPECT_EQ(r.pages_fetched, 7);
  EXPECT_EQ(r.errors, 1);
  EXPECT_EQ(r.entries_new, 3);  // the post and two comments
  EXPECT_EQ(r.entries_edited, 1);
  EXPECT_EQ(r.outcome, "ok");
}

TEST_F(ArchiveTest, WhatAPageShowedIsKeptPerVersionNeverOverwritten) {
  auto a = open_write();
  ASSERT_TRUE(a->store_thread_page("example.com", thread_page({{"1", "first"}}), 10));
  ASSERT_TRUE(a->store_thread_page("example.com", thread_page({{"1", "first"}}), 11));
  // The author renames themselves and the date is shown again with its zone: a version.
  auto renamed = thread_page({{"1", "first"}});
  renamed.comments[0].author = "Edward S.";
  renamed.comments[0].published = 260;
  renamed.title = "Soyuz leak (solved)";
  ASSERT_TRUE(a->store_thread_page("example.com", renamed, 20));
  ASSERT_TRUE(a->store_thread_page("example.com", renamed, 21));
  auto versions = a->entry_versions(2);
  ASSERT_TRUE(versions) << versions.error().message;
  ASSERT_EQ(versions->size(), 2u);
  EXPECT_EQ((*versions)[0].author, "Edward");
  EXPECT_EQ((*versions)[0].published, 200);
  EXPECT_EQ((*versions)[0].seen_at, 10);
  EXPECT_EQ((*versions)[0].last_seen, 11);
  EXPECT_EQ((*versions)[1].author, "Edward S.");
  EXPECT_EQ((*versions)[1].published, 260);
  EXPECT_EQ((*versions)[1].seen_at, 20);
  EXPECT_EQ((*versions)[1].last_seen, 21);
  EXPECT_EQ((*versions)[1].text, "first");
  EXPECT_EQ(a->entry(2)->entry.author, "Edward S.");
  // A date read from "2 hours ago", then "3 hours ago" an hour later, is the same date.
  auto relative = renamed;
  relative.comments[0].precision = fora::extract::DatePrecision::Approximate;
  relative.comments[0].published = 1000;
  ASSERT_TRUE(a->store_thread_page("example.com", relative, 30));
  relative.comments[0].published = 1060;
  ASSERT_TRUE(a->store_thread_page("example.com", relative, 31));
  EXPECT_EQ(a->entry_versions(2)->size(), 3u);
  EXPECT_EQ(a->entry(2)->entry.published, 1000);
  renamed = relative;
  // The post did not change: one version, seen throughout.
  EXPECT_EQ(a->entry_versions(1)->size(), 1u);
  EXPECT_EQ(a->entry_versions(1)->front().last_seen, 31);
  auto thread = a->thread_versions(1);
  ASSERT_TRUE(thread);
  ASSERT_EQ(thread->size(), 2u);
  EXPECT_EQ((*thread)[0].title, "Soyuz leak");
  EXPECT_EQ((*thread)[0].last_seen, 11);
  EXPECT_EQ((*thread)[1].title, "Soyuz leak (solved)");
  EXPECT_EQ((*thread)[1].seen_at, 20);
  EXPECT_EQ((*thread)[1].last_seen, 31);
  EXPECT_EQ((*thread)[1].tags, std::vector<std::string>{"Soyuz"});
}

// Engines that print no comment ids get a content hash as id ("h" + 16 hex digits), which
// an edit changes: matched by author and words to the entry missing from the same page, the
// edit is a version of it, not a new entry beside a gone one.
TEST_F(ArchiveTest, AnEntryWithoutAnEngineIdIsMatchedAcrossAnEdit) {
  auto a = open_write();
  const std::string page = "http://example.com/soyuz/";
  const std::string first = "h00000000000000a1", second = "h00000000000000b2";
  auto before = thread_page({{first, "The radiator was hit by a micrometeoroid, I think."},
                             {second, "Rockets are hard and a rescue flight may be needed."}});
  ASSERT_TRUE(a->store_thread_page("example.com", before, 10, page));
  // The first is edited (so its hash is another), the second is deleted, and a new one by
  // the same author with other words arrives.
  auto after = thread_page({{"h00000000000000c3", "The radiator was hit by a micrometeoroid, I think. Edit: NASA agrees."},
                            {"h00000000000000d4", "Completely different words about launch schedules."}});
  ASSERT_TRUE(a->start_run("crawl", 19));
  ASSERT_TRUE(a->store_thread_page("example.com", after, 20, page));
  EXPECT_EQ(*a->mark_missing_gone(20, 21), 1);
  ASSERT_TRUE(a->finish_run(1, 0, 0, "ok", 22));
  const auto run = a->runs(1)->front();
  EXPECT_EQ(run.entries_new, 1);
  EXPECT_EQ(run.entries_edited, 1);
  auto edited = a->entry(2);
  ASSERT_TRUE(edited);
  EXPECT_EQ(edited->entry.native_id, first);
  EXPECT_EQ(edited->versions, 2);
  EXPECT_NE(edited->entry.text.find("NASA agrees"), std::string::npos);
  EXPECT_FALSE(edited->gone_since);
  EXPECT_TRUE(a->entry(3)->gone_since) << "the deleted one";
  EXPECT_EQ(a->entry(4)->entry.native_id, "h00000000000000d4");
  // Someone else's words are never taken for an edit; an engine's own ids are left alone.
  auto other = thread_page({{"h00000000000000e5", "The radiator was hit by a micrometeoroid, I think. Edit: NASA agrees."}});
  other.comments[0].author = "Chris";
  ASSERT_TRUE(a->store_thread_page("example.com", other, 30, page));
  EXPECT_EQ(a->entry(5)->entry.native_id, "h00000000000000e5");
  EXPECT_EQ(a->entry(2)->versions, 2);
}

TEST_F(ArchiveTest, AnEntryMissingFromAPageReadWholeIsGoneUntilSeenAgain) {
  auto a = open_write();
  const std::string page1 = "http://example.com/soyuz/", page2 = "http://example.com/soyuz/page-2/";
  ASSERT_TRUE(a->store_thread_page("example.com", thread_page({{"1", "one"}, {"2", "two"}, {"3", "three"}}), 10, page1));
  EXPECT_EQ(*a->mark_missing_gone(10, 11), 0);
  // Comment 2 is deleted; comment 3 moves to the next page; a page that failed is not
  // stored at all, and one stored without its URL (not known to be whole) marks nothing.
  ASSERT_TRUE(a->start_run("crawl", 19));
  ASSERT_TRUE(a->store_thread_page("example.com", thread_page({{"1", "one"}}), 20, page1));
  ASSERT_TRUE(a->store_thread_page("example.com", thread_page({{"3", "three"}}), 20, page2));
  ASSERT_TRUE(a->store_thread_page("example.com", thread_page({}), 20));
  EXPECT_EQ(*a->mark_missing_gone(20, 21), 1);
  ASSERT_TRUE(a->finish_run(2, 0, 0, "ok", 22));
  EXPECT_EQ(a->runs(1)->front().entries_gone, 1);
  auto two = a->entry(3);
  ASSERT_TRUE(two);
  EXPECT_EQ(two->entry.native_id, "2");
  EXPECT_EQ(two->gone_since, 21);
  EXPECT_EQ(two->last_seen, 10);
  EXPECT_FALSE(a->entry(4)->gone_since);
  EXPECT_FALSE(a->entry(2)->gone_since);
  // The index learns it: the gone entry is a change.
  std::vector<std::int64_t> changed;
  ASSERT_TRUE(a->for_each_entry(0, [&](const auto& e) {
    changed.push_back(e.id);
    return fora::ok();
  }));
  EXPECT_EQ(changed.back(), 3);
  // Marking again finds nothing new; seen again, it is back.
  EXPECT_EQ(*a->mark_missing_gone(20, 23), 0);
  ASSERT_TRUE(a->store_thread_page("example.com", thread_page({{"1", "one"}, {"2", "two"}}), 30, page1));
  EXPECT_FALSE(a->entry(3)->gone_since);
  EXPECT_EQ(a->entry(3)->last_seen, 30);
  EXPECT_EQ(*a->mark_missing_gone(30, 31), 0);  // comment 3 was last seen on page 2
  // A page that shows the thread but none of its entries (an error page served with 200)
  // is not read whole.
  auto empty = thread_page({});
  empty.post.reset();
  ASSERT_TRUE(a->store_thread_page("example.com", empty, 40, page1));
  EXPECT_EQ(*a->mark_missing_gone(40, 41), 0);
}

// A version 3 catalog (before pages.depth) is upgraded in place on its first write-open:
// its pages keep their state, and the frontier reads them with depth 0.
TEST_F(ArchiveTest, NewerSchemaIsRefused) {
  { open_write(); }
  sqlite3* db = nullptr;
  sqlite3_open((dir_ / "catalog.db").c_str(), &db);
  sqlite3_exec(db, "UPDATE meta SET value = '99' WHERE key = 'schema_version'", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  auto a = Archive::open(dir_, Archive::Mode::Read);
  ASSERT_FALSE(a);
  EXPECT_EQ(a.error().code, Errc::Corrupt);
}

}  // namespace
