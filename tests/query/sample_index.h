// Writes stored entries straight into an index generation (no catalog), the way
// update_index() lays it out, and stands in for the catalog a Searcher reads hits from, so
// the query tests need nothing but the indexer.
#pragma once

#include <filesystem>
#include <vector>

#include <fmt/format.h>

#include <xapian.h>

#include "entry_document.h"
#include "fora/indexer/fields.h"
#include "fora/indexer/generation.h"
#include "fora/query/searcher.h"

namespace fora::testing {

inline void write_index(const std::filesystem::path& index_dir,
                        const std::vector<archive::StoredEntry>& entries) {
  const std::filesystem::path generation = index_dir / indexer::generation_name(1);
  std::filesystem::create_directories(generation);
  // Every entry in main, none in delta: what a whole build writes.
  for (const auto& db_path : {indexer::main_database(generation), indexer::delta_database(generation)}) {
    Xapian::WritableDatabase db(db_path.string(), Xapian::DB_CREATE_OR_OVERWRITE);
    if (db_path == indexer::main_database(generation))
      for (const auto& e : entries) db.replace_document(indexer::unique_term(e), indexer::make_document(e));
    db.set_metadata(std::string(indexer::kSchemaKey), std::to_string(indexer::kIndexSchemaVersion));
    db.set_metadata(std::string(indexer::kLastSeqKey), std::to_string(entries.size()));
    db.commit();
    db.close();
  }
  ASSERT_TRUE(indexer::write_generation_stub(generation));
  ASSERT_TRUE(indexer::switch_current(index_dir, 1));
}

// The catalog's part in a search: each entry by its id, NotFound for any other id.
inline query::Searcher::EntryLookup lookup_in(std::vector<archive::StoredEntry> entries) {
  return [entries = std::move(entries)](std::int64_t id) -> Result<archive::StoredEntry> {
    for (const auto& e : entries)
      if (e.id == id) return e;
    return make_error(Errc::NotFound, fmt::format("no post or comment with ID {}", id));
  };
}

}  // namespace fora::testing
