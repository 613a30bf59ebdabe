// ThreadStore: the threads the archive read from pages, a part of Archive
// (archive.threads()). A thread's posts and comments ("entries") with every version of what
// their page showed, matched across pages and edits; the marks of what went missing; the
// reply links of mail archives; reading them back (indexer, `show`). Exporting them is a
// job over it (thread_export.h).
// Catalog tables it owns: threads, thread_versions, comments (the entries), comment_versions,
// gone_marks, reply_links, text_dictionaries, the page_entries view, and meta's
// 'text_compaction' and 'text_checksums' keys. It notes in pages which page it read whole
// (through the page queue's rows) and counts what it stores into the run log's run.
// Used from one thread at a time, like its Archive; storing needs an archive opened for Write.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "fora/archive/export_filter.h"
#include "fora/archive/run_log.h"
#include "fora/extract/thread.h"
#include "fora/result.h"

namespace fora::archive {

class Catalog;

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

class ThreadStore {
 public:
  ~ThreadStore();
  ThreadStore(const ThreadStore&) = delete;
  ThreadStore& operator=(const ThreadStore&) = delete;

  // --- storing (thread_store.cc) ---
  // Merges one page of a thread into the catalog: creates the site/thread on first sight,
  // adds new entries, adds a version when an entry's text changed, and records last_seen.
  // Call it for every page of the thread; entries are matched by (thread, native_id).
  // `page_url`, when given, is the page it was read from whole: its entries are noted as
  // last seen there, for mark_missing_gone().
  // Returns whether the page showed anything new: an entry, a version, a thread version.
  Result<bool> store_thread_page(std::string_view site, const extract::ThreadPage& page, std::int64_t seen_at,
                                 std::string_view page_url = {});
  // The pages other than `except` where the entries of the thread `thread_native_id` of
  // `site` were last seen.
  Result<std::vector<std::string>> thread_pages(std::string_view site, std::string_view thread_native_id,
                                                std::string_view except) const;
  // Whether entries moved between the pages of a thread, or left it, as far as the page
  // last stored (store_thread_page with its URL) shows: it no longer shows an entry last
  // seen on it, or it shows a comment last seen on another page that still holds an entry
  // not seen since (a post some engines show on every page of its thread does not count).
  // The thread's other pages may show them now: a deletion on an earlier page moves the
  // first entry of each later one back a page, a reply inserted in a threaded page moves its
  // last one on, and a page can repeat another (WordPress's comment-page-1/ is its post's
  // page). False after a page read from no URL.
  Result<bool> last_page_moved_entries() const;
  // Marks gone, at `now`, every entry last seen on a page that was read whole since `since`
  // (store_thread_page with its URL) but not itself seen since then; returns how many.
  // A page that failed, or that no reader took a thread from, marks nothing. Nor does one
  // whose thread has a page holding entries that was not read whole since `since` (the
  // entry may be there now), unless that page answered 404 or 410. An entry seen again is
  // no longer gone, and gone_marks keeps both times.
  Result<std::int64_t> mark_missing_gone(std::int64_t since, std::int64_t now);
  // Marks gone the threads at `url`, which answered 404 or 410 (none when no thread is
  // there); a thread read again is no longer gone. Returns how many.
  Result<std::int64_t> mark_thread_gone(std::string_view url, std::int64_t now);
  // Records which page replies to which (a mail archive's thread index). An entry found on
  // a child page whose page named no parent reads with the entry of the parent page as its
  // parent (entry(), for_each_entry()); the entries concerned are marked changed so the
  // index learns it. A later link for the same child replaces the earlier one.
  Status store_reply_links(const std::vector<extract::ReplyLink>& links, std::int64_t seen_at);

  // --- reading (catalog_reader.cc) ---
  // Calls `fn` for every entry whose change_seq > `since`, in change_seq order.
  Status for_each_entry(std::int64_t since, const std::function<Status(const StoredEntry&)>& fn) const;
  Result<StoredEntry> entry(std::int64_t id) const;  // NotFound when absent
  Result<std::vector<StoredEntry>> thread_entries(std::int64_t thread_id) const;
  Result<std::int64_t> max_change_seq() const;
  // How many entries each year holds (UTC, by their date; year 0: no date), oldest first.
  Result<std::vector<std::pair<int, std::int64_t>>> entries_by_year() const;
  // Every version of entry `id`, and of thread `thread_id`, oldest first.
  Result<std::vector<EntryVersion>> entry_versions(std::int64_t id) const;
  Result<std::vector<ThreadVersion>> thread_versions(std::int64_t thread_id) const;
  // When entry `id` went missing from its page, and when it was seen again (none: not yet).
  struct GoneMark {
    std::int64_t gone_at = 0;
    std::optional<std::int64_t> back_at;
  };
  Result<std::vector<GoneMark>> gone_marks(std::int64_t id) const;

  // The state behind it (thread_store_internal.h); named here only so the archive's own
  // sources can.
  struct Internal;

 private:
  friend class Archive;
  // Export reads the threads out through their internals (thread_export.h).
  friend Status for_each_thread(const ThreadStore& threads, const ExportFilter& filter,
                                const std::function<Status(const std::vector<StoredEntry>& entries,
                                                           const std::vector<std::vector<EntryVersion>>& versions)>& fn,
                                const std::function<void(const std::string&)>& skipped);
  ThreadStore(Catalog& catalog, RunCounts& tally);
  std::unique_ptr<Internal> in_;
};

}  // namespace fora::archive
