// RAII wrappers for sqlite3* and sqlite3_stmt*, and the translation of SQLite errors into
// fora::Error. Private to fora::archive. Not thread-safe: one connection per thread.
#pragma once

#include <fmt/format.h>
#include <sqlite3.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "fora/result.h"

namespace fora::archive {

struct SqliteCloser {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using SqliteDb = std::unique_ptr<sqlite3, SqliteCloser>;

// `what` failed on `db`: a damaged catalog says so and what to try, never the SQL.
inline Error sqlite_error(sqlite3* db, std::string_view what) {
  const int code = sqlite3_extended_errcode(db);
  // A catalog whose schema version checked out but lacks a table or column fora made has
  // damage in its schema text.
  const std::string_view said = sqlite3_errmsg(db);
  const bool schema_damaged = said.starts_with("no such column") || said.starts_with("no such table");
  if ((code & 0xff) == SQLITE_CORRUPT || (code & 0xff) == SQLITE_NOTADB || schema_damaged) {
    return make_error(Errc::Corrupt, fmt::format("{}: the catalog is damaged ({})", what, sqlite3_errmsg(db)),
                      "`fora verify --repair` mends what it can (damaged SQL indexes); else restore catalog.db"
                      " from a backup");
  }
  Errc errc = Errc::Io;
  if ((code & 0xff) == SQLITE_BUSY || (code & 0xff) == SQLITE_LOCKED) errc = Errc::Locked;
  return make_error(errc, fmt::format("{}: {}", what, sqlite3_errmsg(db)));
}

// What a statement does, in a few words ("reading the catalog's captures"), for its errors:
// a whole statement says nothing to the user.
inline std::string statement_purpose(std::string_view sql) {
  const auto starts = [&](std::string_view w) {
    return sql.size() >= w.size() && std::equal(w.begin(), w.end(), sql.begin(), [](char a, char b) {
             return std::toupper(static_cast<unsigned char>(a)) == b;
           });
  };
  while (!sql.empty() && std::isspace(static_cast<unsigned char>(sql.front()))) sql.remove_prefix(1);
  std::string_view verb = "running a statement on", key = " FROM ";
  if (starts("SELECT") || starts("WITH")) verb = "reading";
  else if (starts("INSERT") || starts("REPLACE")) verb = "writing", key = " INTO ";
  else if (starts("UPDATE")) verb = "updating", key = "UPDATE ";
  else if (starts("DELETE")) verb = "deleting from";
  else if (starts("BEGIN") || starts("COMMIT") || starts("ROLLBACK")) return "starting or ending a transaction on the catalog";
  else if (starts("PRAGMA") || starts("VACUUM")) return "maintaining the catalog";
  else return "changing the catalog";
  std::string table;
  if (const auto at = sql.find(key); at != std::string_view::npos) {
    for (std::size_t i = at + key.size(); i < sql.size(); ++i) {
      const char c = sql[i];
      if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_')) break;
      table += c;
    }
  }
  return fmt::format("{} the catalog's {}", verb, table.empty() ? std::string("rows") : table);
}

// A prepared statement. bind() takes 1-based positions like SQLite; step() returns true
// while a row is available. Reset automatically by the next bind after a finished step.
class Statement {
 public:
  static Result<Statement> prepare(sqlite3* db, std::string_view sql) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                           &stmt, nullptr) != SQLITE_OK) {
      return sqlite_error(db, statement_purpose(sql));
    }
    return Statement(db, stmt);
  }
  Statement(Statement&& o) noexcept : db_(o.db_), stmt_(o.stmt_) { o.stmt_ = nullptr; }
  Statement& operator=(Statement&& o) noexcept {
    std::swap(db_, o.db_);
    std::swap(stmt_, o.stmt_);
    return *this;
  }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement() { sqlite3_finalize(stmt_); }

  // Clears previous bindings and results; call before binding a new execution.
  Statement& reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    return *this;
  }
  Statement& bind(int i, std::int64_t v) {
    sqlite3_bind_int64(stmt_, i, v);
    return *this;
  }
  Statement& bind(int i, int v) { return bind(i, static_cast<std::int64_t>(v)); }
  Statement& bind(int i, std::string_view v) {
    sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Statement& bind(int i, const char* v) { return bind(i, std::string_view(v)); }
  Statement& bind(int i, const std::string& v) { return bind(i, std::string_view(v)); }
  // An empty `v` binds a zero-length blob, never NULL.
  Statement& bind_blob(int i, std::string_view v) {
    sqlite3_bind_blob(stmt_, i, v.empty() ? "" : v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Statement& bind(int i, std::optional<std::int64_t> v) {
    if (v) return bind(i, *v);
    sqlite3_bind_null(stmt_, i);
    return *this;
  }

  // true: a row is ready; false: done. Errors are translated with the statement's SQL.
  Result<bool> step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    return sqlite_error(db_, statement_purpose(sqlite3_sql(stmt_)));
  }
  // Calls `on_row(*this)` for each row left, reading its columns; stops at the first error,
  // the statement's or one `on_row` returns (when it returns a Status rather than nothing).
  template <class OnRow>
  Status each(OnRow&& on_row) {
    for (;;) {
      auto row = step();
      if (!row) return row.error();
      if (!*row) return ok();
      if constexpr (std::is_void_v<std::invoke_result_t<OnRow&, const Statement&>>) {
        on_row(std::as_const(*this));
      } else {
        FORA_TRY(on_row(std::as_const(*this)));
      }
    }
  }
  // Column `col`'s text of each row left.
  Result<std::vector<std::string>> texts(int col) {
    std::vector<std::string> out;
    FORA_TRY(each([&](const Statement& r) { out.push_back(r.text(col)); }));
    return out;
  }
  // Runs a statement that returns no rows.
  Status run() {
    auto r = step();
    if (!r) return r.error();
    sqlite3_reset(stmt_);
    return ok();
  }

  std::int64_t int64(int col) const { return sqlite3_column_int64(stmt_, col); }
  bool is_null(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
  std::optional<std::int64_t> opt_int64(int col) const {
    if (is_null(col)) return std::nullopt;
    return int64(col);
  }
  std::string text(int col) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
    return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col))) : std::string();
  }
  std::string blob(int col) const {
    const auto* p = static_cast<const char*>(sqlite3_column_blob(stmt_, col));
    return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col))) : std::string();
  }

 private:
  Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  sqlite3* db_;
  sqlite3_stmt* stmt_;
};

// Runs one or more SQL statements with no results (schema, pragmas, BEGIN/COMMIT).
inline Status exec(sqlite3* db, const char* sql) {
  char* msg = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &msg) != SQLITE_OK) {
    Error e = sqlite_error(db, statement_purpose(sql));
    sqlite3_free(msg);
    return e;
  }
  return ok();
}

// Runs each of `sql` in turn (each may hold several statements); stops at the first error.
inline Status exec_each(sqlite3* db, std::span<const char* const> sql) {
  for (const char* one : sql) FORA_TRY(exec(db, one));
  return ok();
}

}  // namespace fora::archive
