// Captures: the responses the archive keeps, a part of Archive (archive.captures()). Each
// is a request and a response (or revisit) record, a zstd frame each, appended to a segment
// of snapshots/ (DESIGN.md "The archive"); a site's records are compressed with its trained
// dictionary. Also: reading them back and exporting them. Recompressing them, checking every
// byte and mending what is damaged are jobs over them: compact.h, verify.h, repair.h.
// Catalog tables it owns: captures, segments, dictionaries; and the files of snapshots/
// (snapshot_store.h). It adds pages through the page queue's rows, and its compaction and
// repair also rewrite the thread store's words (comment_versions) with their dictionaries.
// Used from one thread at a time, like its Archive (dictionary_for() excepted); storing,
// compact and repair need an archive opened for Write.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fora/archive/export_filter.h"
#include "fora/archive/http_response.h"
#include "fora/result.h"

namespace fora::archive {

class Catalog;
struct EntryWords;

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
// Thread-safe. `dictionary`: the site's (Captures::dictionary_for), or null.
// Errors: Internal (the compressor refused).
Result<PreparedCapture> prepare_capture(const Response& response,
                                        std::shared_ptr<const Dictionary> dictionary = nullptr);

// What the jobs over the captures report (compact.h, verify.h, repair.h).
struct CompactReport;
struct VerifyReport;
struct RepairReport;

class Captures {
 public:
  ~Captures();
  Captures(const Captures&) = delete;
  Captures& operator=(const Captures&) = delete;

  // --- storing and reading (captures.cc) ---
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
  // Segments roll over to a new file once they hold this many bytes (default 1 GiB).
  void set_segment_limit(std::int64_t bytes);

  // --- per-site dictionaries (dictionaries.cc) ---
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

  // --- export (captures.cc) ---
  // Calls `fn` with each capture's URL, time and WARC records (request, response or
  // revisit; each record's bytes as stored), oldest first, of captures fetched at or
  // after filter.since. A capture whose records are damaged is passed over, and
  // `skipped` hears a line naming it, its segment and offset (without `skipped`: Corrupt).
  Status for_each_capture(const ExportFilter& filter,
                          const std::function<Status(std::string_view url, std::int64_t fetched_at,
                                                     const std::vector<std::string>& records)>& fn,
                          const std::function<void(const std::string&)>& skipped = {}) const;

  // The state behind it (captures_internal.h); named here only so the archive's own
  // sources can.
  struct Internal;

 private:
  friend class Archive;
  // The jobs over the captures, which work on their internals.
  friend Result<CompactReport> compact(Captures& captures, int level,
                                       const std::function<void(std::int64_t, std::int64_t)>& progress);
  friend Result<VerifyReport> verify(const Captures& captures, bool deep);
  friend Result<RepairReport> repair(Captures& captures);
  // `words` and `change_seq` are the thread store's: compaction and repair rewrite words
  // and mark the entries they touch changed.
  Captures(Catalog& catalog, EntryWords& words, std::int64_t& change_seq);
  std::unique_ptr<Internal> in_;
};

}  // namespace fora::archive
