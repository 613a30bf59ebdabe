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

  // Forwarders kept while crawler/src is reshaped (issue 21); the lead removes them.
  using QueuedPage = PageQueue::QueuedPage;
  using Schedule = PageQueue::Schedule;
  using SiteCrawl = PageQueue::SiteCrawl;
  using LastCapture = Captures::LastCapture;
  Result<bool> add_page(std::string_view url, std::int64_t now, int depth = 0, int hops = 0) { return queue_->add_page(url, now, depth, hops); }
  Status set_page_state(std::string_view url, PageState state, std::string_view reason, std::int64_t now) { return queue_->set_page_state(url, state, reason, now); }
  Result<std::optional<PageState>> page_state(std::string_view url) const { return queue_->page_state(url); }
  Result<std::vector<QueuedPage>> queued_pages(std::string_view origin, std::size_t limit) const { return queue_->queued_pages(origin, limit); }
  Result<std::vector<std::string>> sites_with_queued_pages() const { return queue_->sites_with_queued_pages(); }
  Result<std::int64_t> count_queued() const { return queue_->count_queued(); }
  Result<std::optional<Schedule>> page_schedule(std::string_view url) const { return queue_->page_schedule(url); }
  Status set_page_schedule(std::string_view url, const Schedule& schedule) { return queue_->set_page_schedule(url, schedule); }
  Result<std::int64_t> queue_due_pages(std::string_view origin, std::int64_t until, std::int64_t min_interval, std::int64_t max_interval) { return queue_->queue_due_pages(origin, until, min_interval, max_interval); }
  Result<bool> requeue_page(std::string_view url, std::int64_t before, std::int64_t now) { return queue_->requeue_page(url, before, now); }
  Result<bool> page_queued_out_of_turn(std::string_view url) const { return queue_->page_queued_out_of_turn(url); }
  Result<std::vector<bool>> remember_listing_rows(const std::vector<std::uint64_t>& hashes) { return queue_->remember_listing_rows(hashes); }
  Result<std::vector<bool>> note_listed(std::string_view listing, const std::vector<std::string>& urls, std::int64_t now) { return queue_->note_listed(listing, urls, now); }
  Status keep_listed(std::string_view listing, std::int64_t now) { return queue_->keep_listed(listing, now); }
  Result<std::vector<std::string>> requeue_unlisted(std::string_view origin, std::int64_t since, std::int64_t now) { return queue_->requeue_unlisted(origin, since, now); }
  Result<std::vector<SiteCrawl>> site_crawls() const { return queue_->site_crawls(); }
  Result<std::string> open_crawl() const;  // the crawl mark in schema 9's text form, both ways (archive.cc)
  Status set_open_crawl(std::string_view key);
  Result<std::int64_t> store_capture(const Response& response) { return captures_->store_capture(response); }
  Result<std::int64_t> store_capture(const PreparedCapture& capture) { return captures_->store_capture(capture); }
  Result<Response> read_capture(std::int64_t capture_id) const { return captures_->read_capture(capture_id); }
  Status for_each_first_payload(const std::function<void(std::string_view, std::string_view)>& fn) const { return captures_->for_each_first_payload(fn); }
  Result<std::optional<LastCapture>> last_capture(std::string_view url) const { return captures_->last_capture(url); }
  Result<std::optional<std::int64_t>> find_capture(std::string_view url, std::int64_t fetched_at) const { return captures_->find_capture(url, fetched_at); }
  Result<std::vector<std::int64_t>> latest_captures(const std::string& site) const { return captures_->latest_captures(site); }
  Status touch_capture(std::int64_t capture_id, std::int64_t checked_at) { return captures_->touch_capture(capture_id, checked_at); }
  std::shared_ptr<const Dictionary> dictionary_for(std::string_view url) const { return captures_->dictionary_for(url); }
  Result<bool> store_thread_page(std::string_view site, const extract::ThreadPage& page, std::int64_t seen_at, std::string_view page_url = {}) { return threads_->store_thread_page(site, page, seen_at, page_url); }
  Result<std::vector<std::string>> thread_pages(std::string_view site, std::string_view thread_native_id, std::string_view except) const { return threads_->thread_pages(site, thread_native_id, except); }
  Result<std::int64_t> mark_missing_gone(std::int64_t since, std::int64_t now) { return threads_->mark_missing_gone(since, now); }
  Result<std::int64_t> mark_thread_gone(std::string_view url, std::int64_t now) { return threads_->mark_thread_gone(url, now); }
  Status store_reply_links(const std::vector<extract::ReplyLink>& links, std::int64_t seen_at) { return threads_->store_reply_links(links, seen_at); }
  Status for_each_entry(std::int64_t since, const std::function<Status(const StoredEntry&)>& fn) const { return threads_->for_each_entry(since, fn); }
  Result<std::int64_t> max_change_seq() const { return threads_->max_change_seq(); }

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
