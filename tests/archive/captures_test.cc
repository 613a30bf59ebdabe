// Tests of Captures: storing and reading responses, segments, dictionaries, compaction, verify and repair.
#include "archive_test_support.h"

using namespace fora::archive::test_support;

namespace {

class CapturesTest : public ArchiveTest {};

TEST_F(CapturesTest, CaptureRoundTripsAndIdenticalPayloadIsStoredOnce) {
  auto a = open_write();
  ASSERT_TRUE(a->begin_batch().ok());
  auto id = a->captures().store_capture(response("http://example.com/a", "<p>hello</p>"));
  ASSERT_TRUE(id.ok());
  ASSERT_TRUE(a->commit_batch().ok());
  const auto bytes = a->stats()->snapshot_bytes;
  EXPECT_GT(bytes, 0);

  auto again = a->captures().store_capture(response("http://example.com/a", "<p>hello</p>", 2000));
  EXPECT_EQ(*again, *id);
  EXPECT_EQ(a->stats()->snapshot_bytes, bytes);
  EXPECT_EQ(a->stats()->captures, 1);

  auto back = a->captures().read_capture(*id);
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(back->url, "http://example.com/a");
  EXPECT_EQ(back->status, 200);
  EXPECT_EQ(back->body, "<p>hello</p>");
  EXPECT_EQ(back->content_type, "text/html");
  EXPECT_EQ(back->fetched_at, 1000);

  auto changed = a->captures().store_capture(response("http://example.com/a", "<p>edited</p>", 3000));
  EXPECT_NE(*changed, *id);
  EXPECT_EQ(a->stats()->captures, 2);
}

TEST_F(CapturesTest, ADamagedRecordCostsOnlyItsCaptureAndRepairSetsItAside) {
  std::vector<std::int64_t> ids;
  {
    auto a = open_write();
    for (const char* page : {"a", "b", "c"})
      ids.push_back(*a->captures().store_capture(response(std::string("http://example.com/") + page, std::string(300, *page))));
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
  auto damaged = a->captures().read_capture(ids[1]);
  ASSERT_FALSE(damaged);
  EXPECT_EQ(damaged.error().code, Errc::Corrupt);
  EXPECT_NE(damaged.error().message.find("seg-000001.warc.zst at "), std::string::npos) << damaged.error().message;
  std::vector<std::string> read, skipped;
  ASSERT_TRUE(a->captures().for_each_capture({}, [&](std::string_view url, std::int64_t, const std::vector<std::string>&) {
    read.emplace_back(url);
    return fora::ok();
  }, [&](const std::string& line) { skipped.push_back(line); }));
  EXPECT_EQ(read, (std::vector<std::string>{"http://example.com/a", "http://example.com/c"}));
  ASSERT_EQ(skipped.size(), 1u);
  EXPECT_NE(skipped[0].find("http://example.com/b"), std::string::npos) << skipped[0];

  auto repaired = a->captures().repair();
  ASSERT_TRUE(repaired) << repaired.error().message;
  EXPECT_EQ(repaired->captures_lost, 1);
  EXPECT_EQ(repaired->segments_rewritten, 1);
  EXPECT_TRUE(a->captures().verify(true)->problems.empty());
  EXPECT_TRUE(fs::exists(dir_ / "snapshots" / "damaged" / "seg-000001.warc.zst"));
  EXPECT_FALSE(fs::exists(seg));
  EXPECT_EQ(a->captures().read_capture(ids[0])->body, std::string(300, 'a'));
  EXPECT_EQ(a->captures().read_capture(ids[2])->body, std::string(300, 'c'));
  EXPECT_EQ(a->captures().read_capture(ids[1]).error().code, Errc::NotFound);
  EXPECT_EQ(**a->queue().page_state("http://example.com/b"), fora::archive::PageState::Queued);
  // New records still go somewhere whole.
  auto next = a->captures().store_capture(response("http://example.com/b", std::string(300, 'b'), 2000));
  ASSERT_TRUE(next);
  EXPECT_EQ(a->captures().read_capture(*next)->body, std::string(300, 'b'));
  EXPECT_TRUE(a->captures().verify(true)->problems.empty());
}

TEST_F(CapturesTest, SamePayloadUnderAnotherUrlIsARevisit) {
  auto a = open_write();
  Response first = response("http://example.com/t/1/", "<p>the thread</p>", 1000);
  first.request = "GET /t/1/ HTTP/1.1\r\nHost: example.com\r\n\r\n";
  const auto original = *a->captures().store_capture(first);
  const auto bytes = a->stats()->snapshot_bytes;
  Response copy = response("http://example.com/t/1/comment-page-1/", "<p>the thread</p>", 2000);
  const auto revisit = *a->captures().store_capture(copy);
  EXPECT_NE(revisit, original);
  EXPECT_EQ(a->stats()->captures, 2);
  // A revisit holds headers, not the payload again.
  EXPECT_LT(a->stats()->snapshot_bytes - bytes, 400);
  auto back = a->captures().read_capture(revisit);
  ASSERT_TRUE(back) << back.error().message;
  EXPECT_EQ(back->url, "http://example.com/t/1/comment-page-1/");
  EXPECT_EQ(back->fetched_at, 2000);
  EXPECT_EQ(back->body, "<p>the thread</p>");
  EXPECT_EQ(a->captures().read_capture(original)->request, first.request);
}

TEST_F(CapturesTest, SegmentsRollOverAtTheirLimit) {
  auto a = open_write();
  a->captures().set_segment_limit(2000);
  std::vector<std::int64_t> ids;
  std::mt19937 rng(7);
  for (int i = 0; i < 20; ++i) {
    std::string body(600, ' ');
    for (char& c : body) c = static_cast<char>('a' + rng() % 26);  // incompressible enough
    ids.push_back(*a->captures().store_capture(response("http://example.com/p" + std::to_string(i), body)));
  }
  std::size_t segments = 0;
  for (const auto& e : fs::directory_iterator(dir_ / "snapshots")) {
    ++segments;
    EXPECT_LE(fs::file_size(e.path()), 2000u + 1000u) << e.path();
  }
  EXPECT_GE(segments, 5u);
  for (auto id : ids) EXPECT_TRUE(a->captures().read_capture(id)) << id;
  // The catalog knows where each segment ends, the rolled ones too.
  a.reset();
  a = open_write();
  EXPECT_TRUE(a->repairs().empty()) << a->repairs().front();
  auto report = a->captures().verify(true);
  ASSERT_TRUE(report);
  EXPECT_TRUE(report->problems.empty()) << report->problems.front();
  EXPECT_EQ(report->captures, 20);
  EXPECT_EQ(report->records, 20 + static_cast<std::int64_t>(segments));
  // A record larger than the limit gets a segment of its own, with no empty one before it.
  a->captures().set_segment_limit(100);
  EXPECT_TRUE(a->captures().store_capture(response("http://example.com/big", std::string(5000, 'x'))));
  EXPECT_TRUE(a->captures().store_capture(response("http://example.com/big2", std::string(5000, 'y'))));
  std::size_t now = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir_ / "snapshots")) ++now;
  EXPECT_EQ(now, segments + 2);
}

TEST_F(CapturesTest, ASiteGetsADictionaryItsLaterRecordsUse) {
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
    a->captures().set_dictionary_policy(30, 4096);
    for (int i = 0; i < 40; ++i) ASSERT_TRUE(a->captures().store_capture(response("http://example.com/t/" + std::to_string(i), page(i))));
    EXPECT_EQ(a->captures().dictionary_for("http://other.example/"), nullptr);
  }  // closing waits for the training and keeps its dictionary
  auto a = open_write();
  auto dict = a->captures().dictionary_for("http://example.com/t/99");
  ASSERT_NE(dict, nullptr);
  std::vector<std::int64_t> ids;
  for (int i = 40; i < 50; ++i) {
    auto prepared = fora::archive::prepare_capture(response("http://example.com/t/" + std::to_string(i), page(i)), dict);
    ASSERT_TRUE(prepared);
    ids.push_back(*a->captures().store_capture(*prepared));
  }
  for (std::size_t k = 0; k < ids.size(); ++k) EXPECT_EQ(a->captures().read_capture(ids[k])->body, page(40 + static_cast<int>(k)));
  // Its records went to a segment of their own that opens with the dictionary frame.
  std::size_t with_dictionary = 0;
  for (const auto& e : fs::directory_iterator(dir_ / "snapshots")) {
    std::ifstream in(e.path(), std::ios::binary);
    char magic[4] = {};
    in.read(magic, 4);
    if (std::string(magic, 4) == std::string("\x5d\x2a\x4d\x18", 4)) ++with_dictionary;
  }
  EXPECT_EQ(with_dictionary, 1u);
  auto report = a->captures().verify(true);
  ASSERT_TRUE(report);
  EXPECT_TRUE(report->problems.empty()) << report->problems.front();
  EXPECT_EQ(report->captures, 50);
  // Readers see it too.
  a.reset();
  auto reader = Archive::open(dir_, Archive::Mode::Read);
  ASSERT_TRUE(reader);
  EXPECT_EQ((*reader)->captures().read_capture(ids.back())->body, page(49));
}

TEST_F(CapturesTest, CompactRecompressesWithTheSitesDictionaryAndRemovesEmptiedSegments) {
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
    a->captures().set_dictionary_policy(0);  // none while crawling
    for (int i = 0; i < 60; ++i)
      ids.push_back(*a->captures().store_capture(response("http://example.com/t/" + std::to_string(i), page(i))));
    ids.push_back(*a->captures().store_capture(response("http://small.example/", "<p>one page</p>")));
  }
  auto a = open_write();
  a->captures().set_dictionary_policy(50, 8192);
  const auto before = a->stats()->snapshot_bytes;
  auto report = a->captures().compact(19);
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_TRUE(report->problems.empty());
  EXPECT_EQ(report->captures_moved, 61);  // the small site's page too, at level 19 without one
  EXPECT_EQ(report->segments_removed, 1);
  EXPECT_LT(report->bytes_after, before / 2) << before;
  EXPECT_FALSE(fs::exists(dir_ / "snapshots" / "seg-000001.warc.zst"));
  EXPECT_NE(a->captures().dictionary_for("http://example.com/"), nullptr);
  for (int i = 0; i < 60; ++i) EXPECT_EQ(a->captures().read_capture(ids[static_cast<std::size_t>(i)])->body, page(i));
  auto check = a->captures().verify(true);
  ASSERT_TRUE(check);
  EXPECT_TRUE(check->problems.empty()) << check->problems.front();
  // Done once: a second run has nothing to do.
  auto again = a->captures().compact(19);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->captures_moved, 0);
}

TEST_F(CapturesTest, CompactCompressesTheWordsAgainWithTheSitesTextDictionary) {
  std::mt19937 rng(11);
  std::vector<ThreadPage> pages;
  for (int t = 0; t < 30; ++t) pages.push_back(talk_page(t, 50, rng));
  pages[3].comments[2].quotes = {{"Chris", "the valve was open"}};
  {
    auto a = open_write();
    a->captures().set_text_dictionary_policy(0);  // none while crawling
    for (const auto& p : pages) ASSERT_TRUE(a->threads().store_thread_page("example.com", p, 10));
  }
  const auto before = stored_versions(dir_);
  auto a = open_write();
  auto report = a->captures().compact(19);
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
  auto entries = a->threads().thread_entries(4);
  ASSERT_TRUE(entries);
  EXPECT_EQ((*entries)[2].entry.text, pages[3].comments[2].text);
  ASSERT_EQ((*entries)[2].entry.quotes.size(), 1u);
  EXPECT_EQ((*entries)[2].entry.quotes[0].text, "the valve was open");
  auto check = a->captures().verify(true);
  ASSERT_TRUE(check);
  EXPECT_TRUE(check->problems.empty()) << check->problems.front();
  // Done once; a version added later is the only one the next run compresses.
  EXPECT_EQ(a->captures().compact(19)->versions_moved, 0);
  pages[0].comments[0].text = "edited after the compaction";
  ASSERT_TRUE(a->threads().store_thread_page("example.com", pages[0], 12));
  EXPECT_EQ(a->captures().compact(19)->versions_moved, 1);
  EXPECT_EQ(a->threads().thread_entries(1)->front().entry.text, "edited after the compaction");
}

TEST_F(CapturesTest, DamagedWordsAreReportedByVerifyAndByTheReader) {
  {
    auto a = open_write();
    ASSERT_TRUE(a->threads().store_thread_page("example.com", thread_page({{"1", "first words"}, {"2", "second"}}), 10));
  }
  sqlite3* db = nullptr;
  sqlite3_open((dir_ / "catalog.db").c_str(), &db);
  ASSERT_EQ(sqlite3_exec(db, "UPDATE comment_versions SET text = x'28b52ffd0000' WHERE id = 2", nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  auto a = open_write();
  auto check = a->captures().verify(true);
  ASSERT_TRUE(check);
  ASSERT_EQ(check->problems.size(), 1u);
  EXPECT_NE(check->problems[0].find("version 2 "), std::string::npos) << check->problems[0];
  auto e = a->threads().entry(2);
  ASSERT_FALSE(e);
  EXPECT_EQ(e.error().code, Errc::Corrupt);
  EXPECT_EQ(a->threads().entry(3)->entry.text, "second");
}

}  // namespace
