// Tests of Captures: storing and reading responses, segments, dictionaries. Compaction,
// verify and repair have their own (compact_test.cc, verify_test.cc, repair_test.cc).
#include "archive_test_support.h"
#include "fora/archive/verify.h"

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
  auto report = verify(a->captures(), true);
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
  const auto page = [](int i) { return templated_page(i, 20); };
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
  auto report = verify(a->captures(), true);
  ASSERT_TRUE(report);
  EXPECT_TRUE(report->problems.empty()) << report->problems.front();
  EXPECT_EQ(report->captures, 50);
  // Readers see it too.
  a.reset();
  auto reader = Archive::open(dir_, Archive::Mode::Read);
  ASSERT_TRUE(reader);
  EXPECT_EQ((*reader)->captures().read_capture(ids.back())->body, page(49));
}

}  // namespace
