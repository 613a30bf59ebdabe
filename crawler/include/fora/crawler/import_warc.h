// `fora import`: WARC files other tools wrote, read into the archive. What it reads is stored
// the way a crawl stores a page it fetched (page_store.h): the capture, the page's state,
// the thread page and its reply links.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "fora/archive/archive.h"
#include "fora/extract/extractor.h"
#include "fora/result.h"

namespace fora::crawler {

struct ImportReport {
  std::int64_t records = 0;        // records read (of any type)
  std::int64_t responses = 0;      // response and revisit records taken
  std::int64_t added = 0;          // new captures (another import of the same file adds none)
  std::int64_t thread_pages = 0;   // of them, pages a reader took a thread from
  std::int64_t skipped = 0;        // records of other types (warcinfo, request, metadata, ...)
  std::vector<std::string> problems;  // "FILE at OFFSET: what": each bad record, skipped
  std::vector<std::filesystem::path> not_warc;  // files that held no WARC record at all
};

// Reads every response and revisit record of `files` (.warc, .warc.gz, .warc.zst, from any
// writer) into the archive: archived (a request record beside it is kept with it), read by
// `extractor`, made searchable by the next `fora index`. A revisit takes the payload of the
// capture it refers to, when the archive or the file holds it. A record whose block is
// larger than a response the crawl would keep (extract::kMaxPageBytes) is passed over unread, a
// problem. Errors: NotFound (a file), Io; a bad record is a problem, not an error, and a
// file without a single WARC record is named in `not_warc`, the others read all the same.
// `progress` (may be empty) hears each file.
Result<ImportReport> import_warc(archive::Archive& archive, const extract::Extractor& extractor,
                                 const std::vector<std::filesystem::path>& files,
                                 const std::function<void(const std::filesystem::path&)>& progress = {});

}  // namespace fora::crawler
