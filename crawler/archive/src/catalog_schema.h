// The catalog's schema (catalog.db), written down once. See catalog_schema.cc.
#pragma once

#include <sqlite3.h>

#include <filesystem>

#include "fora/result.h"

namespace fora::archive {

// The schema version this binary writes. Stored in meta('schema_version').
inline constexpr int kSchemaVersion = 10;

// Today's CREATE statement of each table, index and view of the catalog, one home each
// (catalog_schema.cc says what they hold): a new catalog is made of them, and an upgrade
// step that creates one in its current form runs the same text (catalog_upgrade.cc). A step
// that must create an older form writes that form out itself: so whoever changes one of
// these statements first copies its old text into each upgrade step that names it (the
// upgrade tests from versions 3, 4, 8 and 9 fail until then).
namespace ddl {
extern const char* const kMeta;
extern const char* const kSites;
extern const char* const kPages;
extern const char* const kPagesDue;
extern const char* const kListingRows;
extern const char* const kDictionaries;
extern const char* const kSegments;
extern const char* const kCaptures;
extern const char* const kCapturesByPayload;
extern const char* const kCapturesBySegment;
extern const char* const kPagesQueued;
extern const char* const kCapturesByPage;
extern const char* const kThreads;
extern const char* const kComments;
extern const char* const kCommentsByChange;
extern const char* const kTextDictionaries;
extern const char* const kCommentVersions;
extern const char* const kVersionsByComment;
extern const char* const kThreadVersions;
extern const char* const kThreadVersionsByThread;
extern const char* const kGoneMarks;
extern const char* const kGoneMarksByComment;
extern const char* const kReplyLinks;
extern const char* const kReplyLinksByParent;
extern const char* const kThreadsByUrl;
extern const char* const kCommentsByWholeUrl;
extern const char* const kPageEntries;
extern const char* const kOpenCrawl;
extern const char* const kRuns;
}  // namespace ddl

// Creates the tables in an empty catalog, or checks the stored version of an existing one
// and, when writable, upgrades an older one (backing `catalog`, its path, up first).
// Errors: Corrupt when the catalog is newer than this binary or is not a fora catalog.
Status ensure_schema(sqlite3* db, bool writable, const std::filesystem::path& catalog);

// Brings a catalog of `version` up to kSchemaVersion, in one transaction, after copying it
// to `<catalog>.v<version>-backup` (catalog_upgrade.cc).
Status upgrade_catalog(sqlite3* db, int version, const std::filesystem::path& catalog);

}  // namespace fora::archive
