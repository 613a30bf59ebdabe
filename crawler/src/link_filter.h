// LinkFilter: which of the URLs a page names join the crawl. A URL is admitted once: spelled
// by normalize_url(), inside the Scope, not a trap (trap_reason), and never admitted before
// in this crawl. Shared by the worker threads that read pages and the event loop (start
// URLs, robots.txt sitemaps): every call is thread-safe.
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "fora/crawler/scope.h"

namespace fora::crawler::detail {

class LinkFilter {
 public:
  explicit LinkFilter(const Scope& scope) : scope_(scope) {}

  // Appends `normalized` (normalize_url()'s spelling, as every link the extractor yields
  // is) to `out` when it is admitted.
  void admit(std::string_view normalized, std::vector<std::string>& out);
  // The same for a reference found on the page `base` (resolved first).
  void admit_ref(std::string_view base, std::string_view ref, std::vector<std::string>& out);
  bool in_scope(std::string_view url) const { return scope_.in_scope(url); }

  // Marks an already normalized URL as admitted (start URLs, a resumed crawl's queue);
  // true when it was not before.
  bool mark(std::string_view normalized);

 private:
  const Scope& scope_;
  // 64-bit hashes, not the strings: a million URLs cost ~40 MB instead of ~150 MB. Two
  // URLs of one crawl share a hash with a chance of about 1 in 10^7 per million URLs; the
  // later one would go unfetched.
  std::mutex mutex_;
  std::unordered_set<std::uint64_t> seen_;
};

}  // namespace fora::crawler::detail
