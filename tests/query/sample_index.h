// Writes stored entries straight into an index generation (no catalog), the way
// update_index() lays it out, so the query tests need nothing but the indexer.
#pragma once

#include <filesystem>
#include <vector>

#include <xapian.h>

#include "entry_document.h"
#include "fora/indexer/fields.h"
#include "fora/indexer/generation.h"

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

}  // namespace fora::testing
