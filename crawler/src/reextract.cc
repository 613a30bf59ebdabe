#include "fora/crawler/reextract.h"

#include <fmt/format.h>

#include "page_store.h"

namespace fora::crawler {

Result<ReextractReport> reextract(archive::Archive& a, const extract::Extractor& extractor, const std::string& site) {
  ReextractReport report;
  auto ids = a.captures().latest_captures(site);
  if (!ids) return ids.error();
  auto seq = a.threads().max_change_seq();
  if (!seq) return seq.error();
  FORA_TRY(a.begin_batch());
  const Status read = [&]() -> Status {
    for (const std::int64_t id : *ids) {
      auto r = a.captures().read_capture(id);
      if (!r) {
        report.problems.push_back(fmt::format("capture {}: {}", id, r.error().message));
        continue;
      }
      ++report.pages;
      auto thread = detail::reread_page(a, extractor, *r, r->fetched_at);
      if (!thread) return thread.error();
      if (*thread) ++report.thread_pages;
      if (report.pages % 500 == 0) {  // a batch a few hundred pages long
        FORA_TRY(a.commit_batch());
        FORA_TRY(a.begin_batch());
      }
    }
    return ok();
  }();
  const Status committed = a.commit_batch();  // what was read before an error is kept
  FORA_TRY(read);
  FORA_TRY(committed);
  FORA_TRY(a.threads().for_each_entry(*seq, [&](const archive::StoredEntry&) -> Status {
    ++report.changed;
    return ok();
  }));
  return report;
}

}  // namespace fora::crawler
