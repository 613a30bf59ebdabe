// Archive: one directory holding everything fora keeps (DESIGN.md, "The archive"):
//   catalog.db   SQLite (WAL): sites, pages, captures, threads, comments, comment_versions
//   snapshots/   append-only segments of WARC/1.1 records (warcinfo, request, response,
//                revisit), a zstd frame each with its checksum, a site's compressed with
//                its dictionary
//   snapshots/damaged/  segments `fora verify --repair` found damaged, moved here whole
//                (never deleted) after their readable captures were copied into a new
//                segment; no catalog row points here
//   index/       Xapian generations (owned by fora::indexer; the archive only makes the folder)
// One writer at a time (flock on <dir>/lock, taken by open(Write)); any number of readers.
// Archive opens, locks and batches; the rest is in the parts it owns and hands out, each
// with its own header naming the catalog tables it owns: queue() (page_queue.h: the
// frontier, revisits, listings, the crawl mark), captures() (captures.h: segments,
// dictionaries, compaction, verify, repair), threads() (thread_store.h: entries, versions,
// gone marks, reply links, reading, export) and runs() (run_log.h).
// An Archive object and its parts are used from one thread at a time
// (Captures::dictionary_for() excepted).
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fora/archive/captures.h"
#include "fora/archive/http_response.h"
#include "fora/archive/page_queue.h"
#include "fora/archive/run_log.h"
#include "fora/archive/thread_store.h"
#include "fora/result.h"

namespace fora::archive {

class Catalog;

// The folder of an archive that holds the search index (Archive::index_dir()); named once,
// for those that find it without opening the archive (search).
inline constexpr std::string_view kIndexFolder = "index";

// Where the archive reads "now" from when it stamps what it makes by itself (dictionaries,
// segments): Unix seconds. Tests give a fixed one; the default reads the system clock.
using Clock = std::function<std::int64_t()>;

// How much the archive holds (`fora stats`), over all its parts and folders.
struct Stats {
  std::int64_t sites = 0, pages = 0, captures = 0, threads = 0, posts = 0, comments = 0,
               comment_versions = 0, authors = 0;
  std::int64_t snapshot_bytes = 0;  // compressed bytes in snapshots/
  std::int64_t catalog_bytes = 0;   // catalog.db (+ -wal)
  std::int64_t index_bytes = 0;     // index/
  std::int64_t edited = 0, gone = 0;  // posts and comments with more than one version; gone now
  // The same, per site.
  struct Site {
    std::string origin;
    std::int64_t threads = 0, entries = 0, edited = 0, gone = 0;
  };
  std::vector<Site> per_site;
};

// One site as `fora serve`'s site page shows it: its forums, and what was found there since a
// time (the page's: the last crawl or update's start).
struct SiteOverview {
  // The threads' categories as their pages named them (a board's forum with its parents, a
  // blog's category), with the threads and the posts and comments under each.
  struct Forum {
    std::vector<std::string> path;
    std::int64_t threads = 0, entries = 0;
  };
  std::vector<Forum> forums;  // the most threads first
  // What was stored of this site from the `since` site_overview() was given: posts and
  // comments new, edited (a new version) and gone, counted from that second on (the
  // catalog's times are seconds).
  std::int64_t found_new = 0, found_edited = 0, found_gone = 0;
};

class Archive {
 public:
  enum class Mode { Read, Write };

  // Opens (Write: creates when missing) the archive in `dir`; checks the schema version.
  // `clock` (empty: the system's) is what the archive reads "now" from.
  // Errors: NotFound (Read and no archive), Locked (another writer), Corrupt (schema newer
  // than this binary, or not a fora catalog), Io.
  static Result<std::unique_ptr<Archive>> open(const std::filesystem::path& dir, Mode mode, Clock clock = {});
  ~Archive();
  Archive(const Archive&) = delete;
  Archive& operator=(const Archive&) = delete;

  const std::filesystem::path& dir() const;
  std::filesystem::path index_dir() const;  // <dir>/index
  // What opening the archive for writing mended, one line each (a torn frame cut off after
  // a crash, a segment file no committed record was in removed); empty when nothing.
  const std::vector<std::string>& repairs() const;

  // Groups writes into one transaction (crawls call these around batches). Nestable.
  Status begin_batch();
  Status commit_batch();

  // The parts. Writing through them needs an archive opened for Write.
  PageQueue& queue() { return *queue_; }
  const PageQueue& queue() const { return *queue_; }
  Captures& captures() { return *captures_; }
  const Captures& captures() const { return *captures_; }
  ThreadStore& threads() { return *threads_; }
  const ThreadStore& threads() const { return *threads_; }
  RunLog& runs() { return *runs_; }
  const RunLog& runs() const { return *runs_; }

  // Counts over every part's tables and the archive's folders (archive_stats.cc).
  Result<Stats> stats() const;
  // The site `origin` ("host" or "host:port"), with what was found there from `since` on
  // (Unix seconds); NotFound when the archive has no such site.
  Result<SiteOverview> site_overview(std::string_view origin, std::int64_t since) const;

 private:
  Archive() = default;
  // Declared in the order they are made; destroyed in reverse, the catalog last.
  std::unique_ptr<Catalog> catalog_;
  std::unique_ptr<RunLog> runs_;
  std::unique_ptr<PageQueue> queue_;
  std::unique_ptr<ThreadStore> threads_;
  std::unique_ptr<Captures> captures_;
};

}  // namespace fora::archive
