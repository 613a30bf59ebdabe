// Listings: which listing page (a board's or a blog's index) last showed each page, and the
// listing rows the catalog has seen; a part of the page queue (archive.queue().listings()).
// A crawl's writer notes what each listing shows, and an update queues again the pages
// their listings stopped showing.
// Catalog tables it owns: listing_rows, and the listed_on and listed_at columns of pages.
// Used from one thread at a time, like its Archive; writing needs an archive opened for Write.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fora/result.h"

namespace fora::archive {

class Catalog;

class Listings {
 public:
  // Of `hashes` (listing rows, listing_rows.h), which the catalog never saw before; from
  // now on it knows them all.
  Result<std::vector<bool>> remember_listing_rows(const std::vector<std::uint64_t>& hashes);
  // Notes that the listing page `listing` showed links to `urls` (known pages) at `now`.
  // Returns, for each, whether it is a known page that `listing` did not show before.
  Result<std::vector<bool>> note_listed(std::string_view listing, const std::vector<std::string>& urls,
                                        std::int64_t now);
  // Notes the pages `listing` showed before and shows no more as listed still at `now`: they
  // moved on to its next page.
  Status keep_listed(std::string_view listing, std::int64_t now);
  // Queues the pages of `origin` whose listing was fetched since `since` without showing
  // them, and that were not visited since then either, unless their last answer was 404 or
  // 410 (they are known to be gone); returns their URLs.
  Result<std::vector<std::string>> requeue_unlisted(std::string_view origin, std::int64_t since, std::int64_t now);

 private:
  friend class PageQueue;
  explicit Listings(Catalog& catalog) : catalog_(catalog) {}
  Catalog& catalog_;
};

}  // namespace fora::archive
