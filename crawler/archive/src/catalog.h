// Catalog: the one SQLite connection to catalog.db that the archive's parts share, with its
// statement cache, the writer's batch (one transaction around many writes) and the clock
// the parts read "now" from. Private to fora::archive. It owns no table: each part owns
// its own (see the top comment of page_queue.h, captures.h, thread_store.h, run_log.h)
// and holds a reference to this core. Used from one thread at a time.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <unordered_map>

#include "fora/archive/archive.h"
#include "sqlite.h"

namespace fora::archive {

class Catalog {
 public:
  // Opens catalog.db in `dir` (created when `writable`) and checks, or upgrades, its schema.
  // `lock_fd` (the writer's flock, -1 for a reader) is closed after the connection.
  static Result<std::unique_ptr<Catalog>> open(const std::filesystem::path& dir, bool writable, int lock_fd,
                                               Clock clock);
  ~Catalog();
  Catalog(const Catalog&) = delete;
  Catalog& operator=(const Catalog&) = delete;

  const std::filesystem::path& dir() const { return dir_; }
  bool writable() const { return writable_; }
  sqlite3* db() const { return db_.get(); }
  // catalog.db's bytes on disk, its WAL included.
  std::int64_t bytes() const;
  // Unix seconds from the clock the archive was opened with.
  std::int64_t now() const { return clock_(); }

  // The cached statement for `sql` (a string literal: keyed by its address), reset and
  // ready to bind.
  Result<Statement*> sql(const char* sql) const;
  // Resets every cached statement (VACUUM and checkpoints want no read halfway through).
  void reset_statements();

  // Nestable; the outermost commit runs `before_commit` (the captures' segments reach the
  // disk before the rows that point at them) and then COMMIT.
  Status begin_batch();
  Status commit_batch();
  // Drops the outermost batch's writes (repair, when mending fails halfway).
  void rollback_batch();
  // On close: commits a batch left open, however deep.
  Status commit_left_open();
  bool in_batch() const { return batch_depth_ > 0; }
  void set_before_commit(std::function<Status()> fn) { before_commit_ = std::move(fn); }

 private:
  Catalog(std::filesystem::path dir, bool writable, int lock_fd, Clock clock);
  std::filesystem::path dir_;
  bool writable_ = false;
  int lock_fd_ = -1;
  Clock clock_;
  SqliteDb db_;
  int batch_depth_ = 0;
  std::function<Status()> before_commit_;
  mutable std::unordered_map<const char*, std::unique_ptr<Statement>> statements_;
};

// What a part's private state starts from: the shared connection, and the two calls its
// code makes on it most.
struct OnCatalog {
  Catalog& catalog;
  Result<Statement*> sql(const char* s) const { return catalog.sql(s); }
  sqlite3* db() const { return catalog.db(); }
};

// An ORDER BY term that shuffles rows by their id, the same way every time: LIMIT then
// takes a sample drawn from all of them (dictionaries' training samples).
inline std::string spread_order(std::string_view id) {
  return "(" + std::string(id) + " * 2654435761) % 1000003";
}

}  // namespace fora::archive
