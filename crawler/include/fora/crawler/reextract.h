// `fora reextract`: the archive's own snapshots read again with today's readers, and what
// they find merged into the catalog the way a crawl stores a page it fetched (page_store.h).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "fora/archive/archive.h"
#include "fora/extract/extractor.h"
#include "fora/result.h"

namespace fora::crawler {

struct ReextractReport {
  std::int64_t pages = 0;          // pages whose latest capture was read again
  std::int64_t thread_pages = 0;   // of them, pages a reader took a thread from
  std::int64_t changed = 0;        // entries added or given a new version
  std::vector<std::string> problems;
};

// Reads the latest stored capture (status 200, HTML) of every page of `site` (an origin as
// the catalog keys it, "" for all) again with `extractor` and merges what it finds: entries
// it newly finds are added, entries whose text differs get a new version. The next
// `fora index` picks the changes up.
Result<ReextractReport> reextract(archive::Archive& archive, const extract::Extractor& extractor,
                                  const std::string& site);

}  // namespace fora::crawler
