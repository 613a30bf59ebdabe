// FetchLoop: a crawl's event loop, on the io thread (the caller's): a Boost.Asio io_context
// driving libcurl's multi interface (Fetcher), the hosts' windows and politeness
// (HostWindows), robots.txt first, retries, conditional requests and their 304s. It only
// moves bytes and decisions: a response goes by value to a worker (capture_page, then
// process_page, on the worker pool), what the worker read (PageRead) to the page store on the catalog writer's
// thread (PageStore), and what the store decided (StoreDecision) back here, where its links
// join the frontier. Its own state is touched only on the io thread, so it needs no locks.
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "copies.h"
#include "fora/crawler/crawl.h"
#include "fora/crawler/fetcher.h"
#include "host_windows.h"
#include "link_filter.h"
#include "page_store.h"
#include "page_work.h"
#include "pipeline.h"
#include "retry_timers.h"
#include "stop_poll.h"

namespace fora::crawler::detail {

class FetchLoop {
 public:
  FetchLoop(archive::Archive& archive, const extract::Extractor& extractor, const CrawlOptions& options,
            const Scope& scope, const std::function<void(const CrawlProgress&)>& progress,
            const std::atomic<bool>& stop);

  // Runs the crawl to its end (see crawl()). `since()` is then when it began.
  Result<CrawlProgress> run();
  std::int64_t since() const { return store_.since(); }

 private:
  using Clock = std::chrono::steady_clock;

  void pump();
  void refill(const std::string& origin);
  void start(const Url& address, const std::string& origin, bool robots_txt);
  void fetched(const Url& address, const std::string& origin, bool robots_txt, Clock::time_point started,
               Result<archive::Response> r);
  void not_modified(const Url& address, const std::string& origin, FetchEvent event);
  bool retry_later(const Url& address, const std::string& origin, bool robots_txt,
                   const Result<archive::Response>& r, FetchEvent event);
  PageJob page_job(const Url& address, const std::string& origin, bool robots_txt, archive::Response response,
                   bool revalidated = false) const;
  void stored(const PageRead& page, StoreDecision decision, FetchEvent event);
  void finished(const FetchEvent& event);
  void check_writer();
  void cancel();
  bool busy() const;
  bool stopping() const { return error_.has_value() || cancelled_; }
  bool limit_reached() const { return options_.max_pages > 0 && started_ >= options_.max_pages; }
  void sweep_unlisted();
  void finish_if_idle();

  const CrawlOptions& options_;
  const Scope& scope_;
  LinkFilter filter_;
  Copies copies_;  // pages already seen under another URL
  const std::function<void(const CrawlProgress&)>& progress_;
  archive::Archive& archive_;
  PageStore store_;  // on the pipeline's writer thread
  boost::asio::io_context io_;
  Fetcher fetcher_;
  HostWindows hosts_;
  RetryTimers retries_;
  boost::asio::steady_timer wake_;       // fires when the frontier's next host may be fetched
  StopPoll stop_poll_;
  Pipeline pipeline_;
  std::size_t max_pending_;
  std::size_t pending_ = 0;        // responses handed to the workers, not yet back
  std::size_t pending_bytes_ = 0;  // their bodies' bytes
  CrawlProgress stats_;
  std::int64_t started_ = 0;  // requests started (robots.txt aside)
  bool swept_ = false;        // an update looked at the pages its listings no longer show
  bool cancelled_ = false;
  std::optional<Error> error_;
};

}  // namespace fora::crawler::detail
