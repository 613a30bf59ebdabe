// crawl(): a crawl's three stages on their threads (crawl.h): the fetch loop on the caller's
// thread (fetch_loop.h), the workers that read pages (page_work.h), and the page store on the
// catalog writer's thread (page_store.h).
#include "fora/crawler/crawl.h"

#include <ctime>

#include "fetch_loop.h"
#include "fora/crawler/scope.h"
#include "fora/url/url.h"

namespace fora::crawler {

Result<CrawlProgress> crawl(archive::Archive& archive, const extract::Extractor& extractor,
                            const CrawlOptions& options,
                            const std::function<void(const CrawlProgress&)>& progress,
                            const std::atomic<bool>& stop) {
  if (options.start_urls.empty()) {
    return make_error(Errc::InvalidArgument, "no start URL", "fora crawl https://example.com/");
  }
  if (options.connections < 1 || options.per_host < 1) {
    return make_error(Errc::InvalidArgument, "connections and per-host connections must be 1 or more");
  }
  std::vector<std::string> starts;
  for (const auto& u : options.start_urls) {
    auto n = normalize_url(u);
    if (!n) return n.error();
    starts.push_back(*n);
  }
  auto scope = Scope::from_start_urls(starts, options.scope);
  if (!scope) return scope.error();
  CrawlOptions with_clock = options;
  if (!with_clock.clock) with_clock.clock = [] { return static_cast<std::int64_t>(std::time(nullptr)); };
  detail::FetchLoop loop(archive, extractor, with_clock, *scope, progress, stop);
  auto done = loop.run();
  if (!done) return done;
  // Only once the crawl has stored what it fetched: an entry that moved to a later page
  // of its thread is seen there before anything is called gone. Pages read whole by the
  // interrupted runs it resumed count too.
  auto gone = archive.threads().mark_missing_gone(loop.since(), with_clock.clock());
  if (!gone) return gone.error();
  done->gone = *gone;
  return done;
}

}  // namespace fora::crawler
