// Tests of repair(): damaged segments set aside, their captures lost and queued again.
#include "archive_test_support.h"
#include "fora/archive/repair.h"
#include "fora/archive/verify.h"

using namespace fora::archive::test_support;

namespace {

class RepairTest : public ArchiveTest {};

TEST_F(RepairTest, ADamagedRecordCostsOnlyItsCaptureAndRepairSetsItAside) {
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

  auto repaired = repair(a->captures());
  ASSERT_TRUE(repaired) << repaired.error().message;
  EXPECT_EQ(repaired->captures_lost, 1);
  EXPECT_EQ(repaired->segments_rewritten, 1);
  EXPECT_TRUE(verify(a->captures(), true)->problems.empty());
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
  EXPECT_TRUE(verify(a->captures(), true)->problems.empty());
}

}  // namespace
