// The state behind fora::archive::Archive, shared by its .cc files. Private.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <unordered_map>

#include "fora/archive/archive.h"
#include "snapshot_store.h"
#include "sqlite.h"

namespace fora::archive {

struct Archive::Impl {
  std::filesystem::path dir;
  bool writable = false;
  int lock_fd = -1;             // flock'ed <dir>/lock while writable
  SqliteDb db;
  std::optional<SnapshotStore> snapshots;
  int batch_depth = 0;
  std::int64_t change_seq = 0;  // last change_seq handed out (writer only)
  // Whether reply_links holds a row: only mail archives write any, and until one does, a
  // new entry has no children to look for (writer only).
  bool any_reply_links = true;

  ~Impl();
  // Statements prepared once per connection, keyed by their SQL literal's address.
  mutable std::unordered_map<const char*, std::unique_ptr<Statement>> statements;

  // The cached statement for `sql` (a string literal), reset and ready to bind.
  Result<Statement*> sql(const char* sql) const {
    auto& slot = statements[sql];
    if (!slot) {
      auto s = Statement::prepare(db.get(), sql);
      if (!s) return s.error();
      slot = std::make_unique<Statement>(std::move(*s));
    }
    return &slot->reset();
  }
};

}  // namespace fora::archive
