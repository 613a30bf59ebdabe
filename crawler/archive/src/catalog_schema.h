// The catalog's schema (catalog.db), written down once. See catalog_schema.cc.
#pragma once

#include <sqlite3.h>

#include <filesystem>

#include "fora/result.h"

namespace fora::archive {

// The schema version this binary writes. Stored in meta('schema_version').
inline constexpr int kSchemaVersion = 10;

// Creates the tables in an empty catalog, or checks the stored version of an existing one
// and, when writable, upgrades an older one (backing `catalog`, its path, up first).
// Errors: Corrupt when the catalog is newer than this binary or is not a fora catalog.
Status ensure_schema(sqlite3* db, bool writable, const std::filesystem::path& catalog);

// Brings a catalog of `version` up to kSchemaVersion, in one transaction, after copying it
// to `<catalog>.v<version>-backup` (catalog_upgrade.cc).
Status upgrade_catalog(sqlite3* db, int version, const std::filesystem::path& catalog);

}  // namespace fora::archive
