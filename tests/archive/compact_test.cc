// Tests of compact(): records and words compressed again with the sites' dictionaries.
#include "archive_test_support.h"
#include "fora/archive/compact.h"
#include "fora/archive/verify.h"

using namespace fora::archive::test_support;

namespace {

class CompactTest : public ArchiveTest {};

TEST_F(CompactTest, CompactRecompressesWithTheSitesDictionaryAndRemovesEmptiedSegments) {
  const auto page = [](int i) { return templated_page(i, 30); };
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
  auto report = compact(a->captures(), 19);
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_TRUE(report->problems.empty());
  EXPECT_EQ(report->captures_moved, 61);  // the small site's page too, at level 19 without one
  EXPECT_EQ(report->segments_removed, 1);
  EXPECT_LT(report->bytes_after, before / 2) << before;
  EXPECT_FALSE(fs::exists(dir_ / "snapshots" / "seg-000001.warc.zst"));
  EXPECT_NE(a->captures().dictionary_for("http://example.com/"), nullptr);
  for (int i = 0; i < 60; ++i) EXPECT_EQ(a->captures().read_capture(ids[static_cast<std::size_t>(i)])->body, page(i));
  auto check = verify(a->captures(), true);
  ASSERT_TRUE(check);
  EXPECT_TRUE(check->problems.empty()) << check->problems.front();
  // Done once: a second run has nothing to do.
  auto again = compact(a->captures(), 19);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->captures_moved, 0);
}

TEST_F(CompactTest, CompactCompressesTheWordsAgainWithTheSitesTextDictionary) {
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
  auto report = compact(a->captures(), 19);
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
  auto check = verify(a->captures(), true);
  ASSERT_TRUE(check);
  EXPECT_TRUE(check->problems.empty()) << check->problems.front();
  // Done once; a version added later is the only one the next run compresses.
  EXPECT_EQ(compact(a->captures(), 19)->versions_moved, 0);
  pages[0].comments[0].text = "edited after the compaction";
  ASSERT_TRUE(a->threads().store_thread_page("example.com", pages[0], 12));
  EXPECT_EQ(compact(a->captures(), 19)->versions_moved, 1);
  EXPECT_EQ(a->threads().thread_entries(1)->front().entry.text, "edited after the compaction");
}

}  // namespace
