// Tests of verify(): damage found and reported.
#include "archive_test_support.h"
#include "fora/archive/verify.h"

using namespace fora::archive::test_support;

namespace {

class VerifyTest : public ArchiveTest {};

TEST_F(VerifyTest, DamagedWordsAreReportedByVerifyAndByTheReader) {
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
  auto check = verify(a->captures(), true);
  ASSERT_TRUE(check);
  ASSERT_EQ(check->problems.size(), 1u);
  EXPECT_NE(check->problems[0].find("version 2 "), std::string::npos) << check->problems[0];
  auto e = a->threads().entry(2);
  ASSERT_FALSE(e);
  EXPECT_EQ(e.error().code, Errc::Corrupt);
  EXPECT_EQ(a->threads().entry(3)->entry.text, "second");
}

}  // namespace
