// The catalog's schema (catalog.db), written down once. See catalog_schema.cc.
#pragma once

#include <sqlite3.h>

#include <filesystem>

#include "fora/result.h"

namespace fora::archive {

// The schema version this binary writes. Stored in meta('schema_version').
inline constexpr int kSchemaVersion = 9;

// Creates the tables in an empty catalog, or checks the stored version of an existing one
// and, when writable, upgrades an older one (backing `catalog`, its path, up first).
// Errors: Corrupt when the catalog is newer than this binary or is not a fora catalog.
Status ensure_schema(sqlite3* db, bool writable, const std::filesystem::path& catalog);

}  // namespace fora::archive
