// Catalog: the shared SQLite connection, its statement cache and the writer's batches.
#include "catalog.h"

#include <unistd.h>

#include <fmt/format.h>

#include "catalog_schema.h"
#include "entry_text.h"

namespace fora::archive {

namespace fs = std::filesystem;

Catalog::Catalog(fs::path dir, bool writable, int lock_fd, Clock clock)
    : dir_(std::move(dir)), writable_(writable), lock_fd_(lock_fd), clock_(std::move(clock)) {}

Catalog::~Catalog() {
  statements_.clear();  // finalize before the connection closes
  db_.reset();
  if (lock_fd_ >= 0) ::close(lock_fd_);
}

Result<std::unique_ptr<Catalog>> Catalog::open(const fs::path& dir, bool writable, int lock_fd, Clock clock) {
  std::unique_ptr<Catalog> c(new Catalog(dir, writable, lock_fd, std::move(clock)));
  const fs::path catalog = dir / "catalog.db";
  sqlite3* raw = nullptr;
  const int flags = writable ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READONLY;
  const int rc = sqlite3_open_v2(catalog.c_str(), &raw, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  c->db_.reset(raw);
  if (rc != SQLITE_OK) return sqlite_error(raw, fmt::format("opening {}", catalog.string()));
  sqlite3_busy_timeout(raw, 5000);
  if (writable) {
    // WAL: readers (search, show, stats) never block the writer, nor it them.
    FORA_TRY(exec(raw, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON"));
  }
  FORA_TRY(register_catalog_functions(raw));
  FORA_TRY(ensure_schema(raw, writable, catalog));
  return c;
}

std::int64_t Catalog::bytes() const {
  std::int64_t total = 0;
  std::error_code ec;
  for (const char* f : {"catalog.db", "catalog.db-wal"}) {
    const auto n = fs::file_size(dir_ / f, ec);
    if (!ec) total += static_cast<std::int64_t>(n);
  }
  return total;
}

Result<Statement*> Catalog::sql(const char* sql) const {
  auto& slot = statements_[sql];
  if (!slot) {
    auto s = Statement::prepare(db_.get(), sql);
    if (!s) return s.error();
    slot = std::make_unique<Statement>(std::move(*s));
  }
  return &slot->reset();
}

void Catalog::reset_statements() {
  for (auto& [sql, statement] : statements_) statement->reset();
}

Status Catalog::begin_batch() {
  if (batch_depth_++ == 0) return exec(db_.get(), "BEGIN IMMEDIATE");
  return ok();
}

Status Catalog::commit_batch() {
  if (batch_depth_ == 0) return make_error(Errc::Internal, "commit_batch without begin_batch");
  if (--batch_depth_ > 0) return ok();
  if (before_commit_) FORA_TRY(before_commit_());
  return exec(db_.get(), "COMMIT");
}

void Catalog::rollback_batch() {
  --batch_depth_;
  (void)exec(db_.get(), "ROLLBACK");
}

Status Catalog::commit_left_open() {
  if (batch_depth_ == 0) return ok();
  batch_depth_ = 1;
  return commit_batch();
}

}  // namespace fora::archive
