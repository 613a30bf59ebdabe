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
// An Archive object is used from one thread at a time (dictionary_for() excepted).
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fora/extract/thread.h"
#include "fora/result.h"

namespace fora::archive {

// Where the archive lives: `explicit_dir` (--archive) if given, else $FORA_ARCHIVE, else
// $XDG_DATA_HOME/fora, else ~/.local/share/fora.
std::filesystem::path default_location(const std::optional<std::filesystem::path>& explicit_dir);

// One HTTP exchange as it went over the wire.
struct Response {
  std::string url;           // final absolute URL
  int status = 0;            // HTTP status code
  std::string headers;       // raw response header block, status line first, CRLF separated
  std::string body;          // entity body (transfer-decoded: de-chunked, content coding kept)
  std::string content_type;  // Content-Type header value, may be empty
  std::int64_t fetched_at = 0;  // Unix seconds UTC
  // The body as received when it came with a transfer coding (chunked), so the archive
  // keeps the bytes as they were; empty when they are `body`.
  std::string body_as_received;
  // The request as sent (request line and header lines, ending with the empty line); empty
  // when unknown (an import that had no request record).
  std::string request;
  // The body was cut short on purpose (robots.txt past what is read of it): the record says
  // WARC-Truncated: length.
  bool truncated = false;
};

// Unix seconds -> "2022-12-16T17:05:00Z" (ISO 8601, UTC): how fora writes every time it
// stored (WARC-Date, --json output).
std::string format_utc(std::int64_t unix_seconds);

// The value of header `name` (any case) in a raw header block ("Name: value" lines, CRLF or
// LF), without surrounding blanks; empty when absent. The first occurrence wins.
std::string header_value(std::string_view block, std::string_view name);

// A zstd dictionary trained for a site (zstd_frames.h); opaque outside the archive.
class Dictionary;

// A response made ready to store on any thread (the costly part of store_capture(): the
// digest, the WARC records and their compression), so a crawl's workers do it, not its
// writer.
struct PreparedCapture {
  std::string url;
  int status = 0;
  std::string content_type;
  std::int64_t fetched_at = 0;
  std::string payload_sha256;       // the 32 bytes of SHA-256 over the body (de-chunked)
  std::size_t payload_size = 0;
  std::string etag, last_modified;  // the response's validators (ETag, Last-Modified)
  std::string headers;              // the HTTP header block (a revisit record repeats it)
  std::string record_id;            // of the response record (a revisit takes it over)
  std::string request_frame;        // the request record, compressed ("" when not known)
  std::string response_frame;       // the response record, compressed
  std::shared_ptr<const Dictionary> dictionary;  // the frames' dictionary (null: none)
};
// Thread-safe. `dictionary`: the site's (Archive::dictionary_for), or null.
// Errors: Internal (the compressor refused).
Result<PreparedCapture> prepare_capture(const Response& response,
                                        std::shared_ptr<const Dictionary> dictionary = nullptr);

// The state of a URL in the crawl frontier.
enum class PageState { Queued, Fetched, Failed, Skipped };

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

// A post or comment as stored, with its thread's metadata: what the indexer and `show` read.
struct StoredEntry {
  std::int64_t id = 0;            // catalog id: the public ID of the post/comment
  std::int64_t change_seq = 0;    // bumps whenever the entry or its thread changes
  std::string kind;               // "post" or "comment"
  std::string site;               // site origin, e.g. "127.0.0.1:8080" or "example.com"
  std::int64_t thread_id = 0;     // catalog id of the thread
  std::string thread_native_id;
  std::string thread_url;
  std::string thread_title;
  std::vector<std::string> categories, tags;
  extract::Entry entry;           // native_id, author, published, parent_id, text, quotes, url
  std::string parent_author;      // author of the parent comment, when threaded
  std::int64_t first_seen = 0, last_seen = 0;
  std::optional<std::int64_t> gone_since;  // set when the entry vanished from its thread
  std::optional<std::int64_t> thread_gone_since;  // set when its thread's URL answered 404 or 410
  std::int64_t versions = 1;                       // how many versions fora has seen of it
  // The catalog's copy of its words was damaged (text and quotes are empty): set aside by
  // `fora verify --repair`, which queued its page to be read again.
  bool words_lost = false;
};

// What Archive::verify() found.
struct VerifyReport {
  std::int64_t segments = 0, records = 0, captures = 0;
  std::int64_t bytes = 0;              // compressed bytes read
  std::vector<std::string> problems;   // one line each, naming the segment and offset
};

// What Archive::repair() did.
struct RepairReport {
  std::vector<std::string> found;    // the damage verify saw, one line each
  std::vector<std::string> actions;  // what was done about it, one line each
  std::int64_t segments_rewritten = 0, captures_lost = 0, versions_lost = 0, pages_queued = 0;
};

// What an export takes: one site (its origin, "" for all) and what was seen since a time.
struct ExportFilter {
  std::string site;
  std::int64_t since = 0;  // Unix seconds; 0: everything
};

// One version of a post or comment: what its page showed from `seen_at` to `last_seen`.
struct EntryVersion {
  std::int64_t seen_at = 0, last_seen = 0;
  std::string author;
  std::optional<std::int64_t> published;  // the date shown
  extract::DatePrecision precision = extract::DatePrecision::Exact;
  std::optional<std::int64_t> edited;     // the edit time shown
  std::string text;
  std::vector<extract::Quote> quotes;
  bool words_lost = false;  // damaged, and set aside by `fora verify --repair` (text empty)
};

// One version of a thread's title, categories and tags.
struct ThreadVersion {
  std::int64_t seen_at = 0, last_seen = 0;
  std::string title;
  std::vector<std::string> categories, tags;
};

// What Archive::compact() did.
struct CompactReport {
  std::int64_t captures_moved = 0, segments_removed = 0;
  std::int64_t bytes_before = 0, bytes_after = 0, bytes_freed = 0;  // of snapshots/
  std::int64_t versions_moved = 0;                       // entries' words compressed again
  std::int64_t catalog_before = 0, catalog_after = 0;    // catalog.db's bytes
  std::vector<std::string> problems;  // captures left as they were, and why
};

// One run of a command that wrote to the archive (`fora log`).
struct RunRecord {
  std::int64_t id = 0;
  std::string command;                   // the command line, as typed after `fora`
  std::int64_t started_at = 0;
  std::optional<std::int64_t> ended_at;  // none: still running, or killed
  std::int64_t pages_fetched = 0, errors = 0;
  std::int64_t entries_new = 0, entries_edited = 0, entries_gone = 0;  // posts and comments
  int exit_code = 0;
  std::string outcome;  // "ok", or the error it ended with
};

class Archive {
 public:
  enum class Mode { Read, Write };

  // Opens (Write: creates when missing) the archive in `dir`; checks the schema version.
  // Errors: NotFound (Read and no archive), Locked (another writer), Corrupt (schema newer
  // than this binary, or not a fora catalog), Io.
  static Result<std::unique_ptr<Archive>> open(const std::filesystem::path& dir, Mode mode);
  ~Archive();
  Archive(const Archive&) = delete;
  Archive& operator=(const Archive&) = delete;

  const std::filesystem::path& dir() const;
  std::filesystem::path index_dir() const;  // <dir>/index

  // --- frontier (Write) ---
  // Records `url` as known (found `depth` links from a start URL, the last `hops` of them
  // redirects in a row); returns true when it is new. Idempotent: a known page keeps its
  // depth and hops.
  Result<bool> add_page(std::string_view url, std::int64_t now, int depth = 0, int hops = 0);
  Status set_page_state(std::string_view url, PageState state, std::string_view reason,
                        std::int64_t now);
  // The state the catalog holds for `url`; nullopt when it was never seen.
  Result<std::optional<PageState>> page_state(std::string_view url) const;
  // The queued URLs (found by a crawl, not yet fetched) of the site `origin`, oldest first,
  // at most `limit` of them, with their depth and hops.
  struct QueuedPage {
    std::string url;
    int depth = 0;
    std::string etag, last_modified;  // of its latest stored copy (a refresh asks with them)
    int hops = 0;                     // redirects in a row that led to it
  };
  Result<std::vector<QueuedPage>> queued_pages(std::string_view origin, std::size_t limit) const;
  // The sites with queued pages, and how many pages are queued in all.
  Result<std::vector<std::string>> sites_with_queued_pages() const;
  Result<std::int64_t> count_queued() const;

  // --- revisits, for `fora update` (Write) ---
  // When a page is to be visited again: every `interval` seconds, next at `next_visit`.
  struct Schedule {
    std::int64_t interval = 0;
    std::int64_t next_visit = 0;
  };
  // nullopt before its first visit (or for a page fetched before schedules were kept).
  Result<std::optional<Schedule>> page_schedule(std::string_view url) const;
  Status set_page_schedule(std::string_view url, const Schedule& schedule);
  // Queues every page of the site `origin` that is due before `until`: whose next visit
  // comes by then, or whose last visit is `max_interval` old by then (the bounds may have
  // been lowered since), or that was fetched or failed without a schedule; none visited
  // less than `min_interval` before `until`, but those whose interval is 0 (read at every
  // update: sitemaps, feeds). Pages robots.txt refused stay as they are.
  // Returns how many were queued.
  Result<std::int64_t> queue_due_pages(std::string_view origin, std::int64_t until, std::int64_t min_interval,
                                       std::int64_t max_interval);
  // Queues `url` out of turn, when it is known and was not visited since `before` (in this
  // run, or since the time a sitemap says it changed). Returns whether it is queued now.
  Result<bool> requeue_page(std::string_view url, std::int64_t before, std::int64_t now);
  // Whether `url` waits in the queue because requeue_page() put it there.
  Result<bool> page_queued_out_of_turn(std::string_view url) const;
  // Of `hashes` (listing rows, listing_rows.h), which the catalog never saw before; from
  // now on it knows them all.
  Result<std::vector<bool>> remember_listing_rows(const std::vector<std::uint64_t>& hashes);
  // Notes that the listing page `listing` showed links to `urls` (known pages) at `now`.
  // Returns, for each, whether it is a known page that `listing` did not show before.
  Result<std::vector<bool>> note_listed(std::string_view listing, const std::vector<std::string>& urls, std::int64_t now);
  // Notes the pages `listing` showed before and shows no more as listed still at `now`: they
  // moved on to its next page (see crawl.cc, store()).
  Status keep_listed(std::string_view listing, std::int64_t now);
  // Queues the pages of `origin` whose listing was fetched since `since` without showing
  // them, and that were not visited since then either, unless their last answer was 404 or
  // 410 (they are known to be gone); returns their URLs.
  Result<std::vector<std::string>> requeue_unlisted(std::string_view origin, std::int64_t since, std::int64_t now);
  // The pages other than `except` where the entries of the thread `thread_native_id` of
  // `site` were last seen.
  Result<std::vector<std::string>> thread_pages(std::string_view site, std::string_view thread_native_id,
                                                std::string_view except) const;
  // What `fora update` crawls a site with again: the settings of the crawl that took it in
  // (the CLI's JSON; "" when unknown, for sites crawled before they were kept).
  Status set_site_crawl(std::string_view origin, std::string_view settings, std::int64_t now);
  struct SiteCrawl {
    std::string origin;
    std::string settings;
    std::vector<std::string> start_urls;  // its pages found at depth 0, in id order
  };
  Result<std::vector<SiteCrawl>> site_crawls() const;

  // A crawl marks itself open when it starts (`key` names it: its start URLs) and closed
  // (empty key) when its frontier runs dry, each durably at once. A crawl that finds its own
  // key still open follows one that was killed or stopped, and resumes it instead of
  // fetching everything again.
  Result<std::string> open_crawl() const;
  Status set_open_crawl(std::string_view key);

  // --- captures (Write) ---
  // Stores the response as a request and a response record, unless its payload is
  // identical to the latest capture of the same URL (then only the capture's last_checked
  // moves) or to a capture under another URL (then the response becomes a revisit record
  // that refers to it). Returns the capture id.
  Result<std::int64_t> store_capture(const Response& response);
  // The same for a capture prepared by prepare_capture().
  Result<std::int64_t> store_capture(const PreparedCapture& capture);
  // The response of a capture, decompressed (a revisit's body is the one it refers to).
  Result<Response> read_capture(std::int64_t capture_id) const;
  // Calls `fn` with the SHA-256 of each payload stored whole (not as a revisit) from a 200
  // answer, and the URL of the page that answered it first: what a crawl knows as seen, so
  // the same bytes under another URL are a copy in every run, not only in the one that
  // fetched them first.
  Status for_each_first_payload(const std::function<void(std::string_view sha256, std::string_view url)>& fn) const;
  // The latest capture of `url` that answered 200, with its validators; nullopt when none.
  struct LastCapture {
    std::int64_t id = 0;
    std::string etag, last_modified;
    std::int64_t fetched_at = 0;  // when these bytes were fetched (a 304 since does not move it)
  };
  Result<std::optional<LastCapture>> last_capture(std::string_view url) const;
  // The capture of `url` fetched at `fetched_at`, else its latest, whatever it answered;
  // nullopt when there is none (what a revisit record refers to).
  Result<std::optional<std::int64_t>> find_capture(std::string_view url, std::int64_t fetched_at) const;
  // The latest capture that answered 200 of each page of `site` (an origin; "" for all),
  // in page order: what re-extraction reads.
  Result<std::vector<std::int64_t>> latest_captures(const std::string& site) const;
  // Records a visit that found capture `capture_id` unchanged (a 304): its last_checked moves.
  Status touch_capture(std::int64_t capture_id, std::int64_t checked_at);

  // --- threads (Write) ---
  // Merges one page of a thread into the catalog: creates the site/thread on first sight,
  // adds new entries, adds a version when an entry's text changed, and records last_seen.
  // Call it for every page of the thread; entries are matched by (thread, native_id).
  // `page_url`, when given, is the page it was read from whole: its entries are noted as
  // last seen there, for mark_missing_gone().
  // Returns whether the page showed anything new: an entry, a version, a thread version.
  Result<bool> store_thread_page(std::string_view site, const extract::ThreadPage& page,
                                 std::int64_t seen_at, std::string_view page_url = {});

  // Marks gone, at `now`, every entry last seen on a page that was read whole since `since`
  // (store_thread_page with its URL) but not itself seen since then; returns how many.
  // A page that failed, or that no reader took a thread from, marks nothing. An entry seen
  // again is no longer gone, and gone_marks keeps both times.
  Result<std::int64_t> mark_missing_gone(std::int64_t since, std::int64_t now);
  // Marks gone the threads at `url`, which answered 404 or 410 (none when no thread is
  // there); a thread read again is no longer gone. Returns how many.
  Result<std::int64_t> mark_thread_gone(std::string_view url, std::int64_t now);

  // Records which page replies to which (a mail archive's thread index). An entry found on
  // a child page whose page named no parent reads with the entry of the parent page as its
  // parent (entry(), for_each_entry()); the entries concerned are marked changed so the
  // index learns it. A later link for the same child replaces the earlier one.
  Status store_reply_links(const std::vector<extract::ReplyLink>& links, std::int64_t seen_at);

  // Reads every segment: every frame decodes (its checksum holds), every capture the
  // catalog lists starts and ends on a record of its segment, every record but a segment's
  // warcinfo belongs to a capture, no segment has bytes past what the catalog committed.
  // `deep` also recomputes every payload digest (against the record's
  // WARC-Payload-Digest and the catalog's), checks each revisit's original, each segment's
  // dictionary against the catalog's, and SQLite's integrity_check. Damage is reported, not
  // an error; errors are for what stops the reading (Io).
  Result<VerifyReport> verify(bool deep) const;
  // Mends what verify(true) finds: a damaged segment is written again with the captures
  // that still read back whole, and the old file is moved to snapshots/damaged/ (never
  // deleted); the captures lost, and the revisits of them, leave the catalog and their
  // pages are queued to be fetched again; words of posts and comments that no longer decode
  // are marked lost (StoredEntry::words_lost) and their pages queued; damaged SQL indexes
  // are rebuilt. Damage to the catalog's own tables is reported, not mended (restore
  // catalog.db). (Write)
  Result<RepairReport> repair();

  // --- per-site dictionaries ---
  // The dictionary new records of the site of `url` are compressed with (give it to
  // prepare_capture), or null while it has none (always null when opened for reading).
  // Thread-safe: a crawl's loop calls it while its writer stores.
  std::shared_ptr<const Dictionary> dictionary_for(std::string_view url) const;
  // Once a site has stored `train_after` records without a dictionary (0: never), one of at
  // most `bytes` is trained from them on another thread and used for its later records.
  void set_dictionary_policy(std::int64_t train_after, std::size_t bytes = 256 << 10);
  // Once a site has stored `train_after` versions of posts and comments without a text
  // dictionary (0: never; default 2000), one is trained from them for its later versions.
  void set_text_dictionary_policy(std::int64_t train_after);

  // Compresses again, with their site's latest dictionary (trained now for a site that has
  // enough records and none) at `level`, the records stored without it or at a lower
  // level, into new segments, and removes the segments left empty. `progress` (may be
  // empty) hears (done, total) after each batch. (Write)
  Result<CompactReport> compact(int level,
                                const std::function<void(std::int64_t, std::int64_t)>& progress = {});

  // Segments roll over to a new file once they hold this many bytes (default 1 GiB).
  void set_segment_limit(std::int64_t bytes);
  // What opening the archive for writing mended, one line each (a torn frame cut off after
  // a crash, a segment file no committed record was in removed); empty when nothing.
  const std::vector<std::string>& repairs() const;

  // Groups writes into one transaction (crawls call these around batches). Nestable.
  Status begin_batch();
  Status commit_batch();

  // --- reading ---
  // Calls `fn` for every entry whose change_seq > `since`, in change_seq order.
  Status for_each_entry(std::int64_t since, const std::function<Status(const StoredEntry&)>& fn) const;
  Result<StoredEntry> entry(std::int64_t id) const;            // NotFound when absent
  Result<std::vector<StoredEntry>> thread_entries(std::int64_t thread_id) const;
  Result<std::int64_t> max_change_seq() const;

  // --- export ---
  // Calls `fn` with each capture's URL, time and WARC records (request, response or
  // revisit; each record's bytes as stored), oldest first, of captures fetched at or
  // after filter.since. A capture whose records are damaged is passed over, and
  // `skipped` hears a line naming it, its segment and offset (without `skipped`: Corrupt).
  Status for_each_capture(const ExportFilter& filter,
                          const std::function<Status(std::string_view url, std::int64_t fetched_at,
                                                     const std::vector<std::string>& records)>& fn,
                          const std::function<void(const std::string&)>& skipped = {}) const;
  // Calls `fn` with each thread that has an entry seen at or after filter.since: its
  // entries (thread_entries()) and, for each, every version, oldest first. A thread with
  // words damaged in the catalog is passed over, and `skipped` hears why (without: Corrupt).
  Status for_each_thread(const ExportFilter& filter,
                         const std::function<Status(const std::vector<StoredEntry>& entries,
                                                    const std::vector<std::vector<EntryVersion>>& versions)>& fn,
                         const std::function<void(const std::string&)>& skipped = {}) const;
  Result<Stats> stats() const;
  // Every version of entry `id`, and of thread `thread_id`, oldest first.
  Result<std::vector<EntryVersion>> entry_versions(std::int64_t id) const;
  Result<std::vector<ThreadVersion>> thread_versions(std::int64_t thread_id) const;
  // When entry `id` went missing from its page, and when it was seen again (none: not yet).
  struct GoneMark {
    std::int64_t gone_at = 0;
    std::optional<std::int64_t> back_at;
  };
  Result<std::vector<GoneMark>> gone_marks(std::int64_t id) const;

  // Runs (writer): start_run() records a command as started, at once, so that one killed
  // shows as never ended; the posts and comments stored until finish_run() are counted as
  // new or edited; finish_run() records how it ended. runs(): the latest `limit`, newest
  // first.
  Status start_run(std::string_view command, std::int64_t now);
  Status finish_run(std::int64_t pages_fetched, std::int64_t errors, int exit_code, std::string_view outcome,
                    std::int64_t now);
  Result<std::vector<RunRecord>> runs(std::size_t limit) const;
  // The posts and comments the run under way stored new, edited (a new version) and marked gone.
  struct RunCounts {
    std::int64_t entries_new = 0, entries_edited = 0, entries_gone = 0;
  };
  RunCounts run_counts() const;

  // The implementation (SQLite, zstd); named here only so the archive's own sources can.
  struct Impl;

 private:
  explicit Archive(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace fora::archive
