// LinkFilter: which of the URLs a page names join the crawl. A URL is admitted once: spelled
// by normalize_url(), inside the Scope, not a trap (trap_reason), and never admitted before
// in this crawl. Shared by the worker threads that read pages and the event loop (start
// URLs, robots.txt sitemaps): every call is thread-safe.
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

#include "fora/crawler/scope.h"

namespace fora::crawler::detail {

class LinkFilter {
 public:
  explicit LinkFilter(const Scope& scope) : scope_(scope) {}

  // Appends `url` to `out` when it is admitted.
  void admit(const Url& url, std::vector<Url>& out);
  // A feed the page's reader names (its profile's feeds and feed_links): the engine's own
  // change signal, so not judged by the URL traps of other engines (phpBB's
  // app.php/feed/topics_active is not WordPress's per-post /feed/), only by scope and by the
  // growth any address can show.
  void admit_feed(const Url& url, std::vector<Url>& out);
  bool in_scope(const Url& url) const { return scope_.in_scope(url); }

  // Marks a URL as admitted (start URLs, a resumed crawl's queue); true when it was not
  // before.
  bool mark(const Url& url);

 private:
  const Scope& scope_;
  // 64-bit hashes, not the strings, in an open-addressing table kept at most half full: a
  // million URLs cost 16 to 32 MB (strings would cost ~150 MB). Two URLs of one crawl share
  // a hash with a chance of about 1 in 10^7 per million URLs; the later one would go
  // unfetched.
  bool insert_locked(std::uint64_t h);
  std::mutex mutex_;
  std::vector<std::uint64_t> slots_ = std::vector<std::uint64_t>(1024, 0);  // 0: empty
  std::size_t used_ = 0;
};

}  // namespace fora::crawler::detail
