// Tests of Archive: opening, locking, what opening mends, the schema check.
#include "archive_test_support.h"

using namespace fora::archive::test_support;

namespace {

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

TEST_F(ArchiveTest, TornSnapshotTailIsCutOnReopen) {
  std::int64_t id = 0;
  {
    auto a = open_write();
    id = *a->captures().store_capture(response("http://example.com/a", "body"));
  }
  const fs::path seg = dir_ / "snapshots" / "seg-000001.warc.zst";
  const auto good = fs::file_size(seg);
  std::ofstream(seg, std::ios::app | std::ios::binary) << "\x28\xb5\x2f\xfd garbage of a torn frame";
  auto a = open_write();
  EXPECT_EQ(fs::file_size(seg), good);
  EXPECT_EQ(a->captures().read_capture(id)->body, "body");
}

TEST_F(ArchiveTest, TornTailAndUnlistedSegmentAreMendedAndReported) {
  std::int64_t id = 0;
  {
    auto a = open_write();
    id = *a->captures().store_capture(response("http://example.com/a", "body"));
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
  EXPECT_EQ(a->captures().read_capture(id)->body, "body");
  // The next segment is made afresh under the name that was set aside.
  a->captures().set_segment_limit(1);
  const auto next = a->captures().store_capture(response("http://example.com/b", "other body"));
  ASSERT_TRUE(next);
  EXPECT_EQ(a->captures().read_capture(*next)->body, "other body");
  EXPECT_GT(fs::file_size(dir_ / "snapshots" / "seg-000002.warc.zst"), 0u);
}

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
