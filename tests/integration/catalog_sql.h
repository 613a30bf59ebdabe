// One SQL statement run on an archive's catalog.db, for tests that put into the catalog what a
// crawl would never store (terminal tricks, markup) to see that no output passes it on.
#pragma once

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <string>
#include <vector>

namespace fora::test {

// `sql` with ?1, ?2, … bound to `values` as text; expects it to run to completion.
inline void exec_sql(const std::filesystem::path& catalog, const std::string& sql, const std::vector<std::string>& values) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(catalog.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
  for (std::size_t k = 0; k < values.size(); ++k)
    sqlite3_bind_text(st, static_cast<int>(k + 1), values[k].c_str(), -1, SQLITE_TRANSIENT);
  EXPECT_EQ(sqlite3_step(st), SQLITE_DONE) << sqlite3_errmsg(db);
  sqlite3_finalize(st);
  sqlite3_close(db);
}

}  // namespace fora::test
