#include "fetch_loop.h"

#include <boost/asio/post.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <thread>

#include "retry.h"

namespace fora::crawler::detail {
namespace {

namespace asio = boost::asio;

FetcherOptions fetcher_options(const CrawlOptions& o) {
  FetcherOptions f;
  f.user_agent = o.user_agent;
  f.timeout_seconds = o.timeout_seconds;
  f.max_body_bytes = o.max_body_bytes;
  return f;
}

unsigned worker_count(const CrawlOptions& o) {
  if (o.jobs > 0) return o.jobs;
  return std::max(1u, std::thread::hardware_concurrency());
}

// Back-pressure: no new request while enough work waits in the workers and the writer,
// counted in responses and in bytes (a few big sitemaps hold as much as many pages).
constexpr std::size_t kMaxPendingBytes = 32u << 20;

}  // namespace

FetchLoop::FetchLoop(archive::Archive& archive, const extract::Extractor& extractor, const CrawlOptions& options,
                     const Scope& scope, const std::function<void(const CrawlProgress&)>& progress,
                     const std::atomic<bool>& stop)
    : extractor_(extractor),
      options_(options),
      filter_(scope),
      progress_(progress),
      stop_(stop),
      archive_(archive),
      store_(archive, options, scope, filter_, std::max<std::size_t>(2, options.frontier_window)),
      fetcher_(io_, fetcher_options(options)),
      hosts_(options.frontier_window, options.delay_seconds, options.per_host, filter_),
      wake_(io_),
      stop_poll_(io_),
      workers_(worker_count(options)),
      // Enough to keep every worker busy while the writer commits; a page is at most
      // max_body_bytes, so memory is bounded by about this many bodies.
      max_pending_(4 * worker_count(options) + options.connections) {}

Result<CrawlProgress> FetchLoop::run() {
  auto opening = store_.open(copies_);
  if (!opening) return opening.error();
  stats_.due = opening->due;
  stats_.resumed = opening->resumed;
  for (auto& [url, how] : opening->first) hosts_.push(url, std::move(how));
  for (const Url& url : opening->overflowing) hosts_.host_of(url).overflow = true;
  // From here on only the writer touches the archive.
  writer_.emplace(archive_);
  poll_stop();
  pump();
  io_.run();
  workers_.join();
  Status written = writer_->finish();
  if (!error_ && !written) error_ = written.error();
  if (error_) return *error_;
  // Only a crawl whose frontier ran dry is complete; a stopped or limited one stays open.
  FORA_TRY(store_.close(!cancelled_ && !limit_reached()));
  if (cancelled_) {
    return make_error(Errc::Cancelled, "crawl stopped", "what was fetched is kept; run the same crawl again to go on");
  }
  return stats_;
}

// Starts every fetch the frontier and the pipeline allow now; arms the timer for the next.
void FetchLoop::pump() {
  if (stopping()) return finish_if_idle();
  for (const std::string& origin : hosts_.to_refill()) refill(origin);
  while (hosts_.robots_pending() && !busy()) {
    const std::string origin = *hosts_.next_robots_due();
    start(*hosts_.at(origin).robots_url, origin, true);
  }
  Frontier& frontier = hosts_.frontier();
  while (!busy() && !limit_reached()) {
    auto url = frontier.pop_ready(Clock::now());
    if (!url) break;
    start(*url, std::string(url->origin()), false);
  }
  stats_.queued = static_cast<std::int64_t>(frontier.queued());
  if (auto next = frontier.next_ready_time(); next && !limit_reached() && !busy()) {
    wake_.expires_at(*next);
    wake_.async_wait([this](boost::system::error_code ec) {
      if (!ec) pump();
    });
  }
  finish_if_idle();
}

// Reads more of `origin`'s queued URLs from the catalog (on the writer, which owns it).
void FetchLoop::refill(const std::string& origin) {
  CrawlHost& host = hosts_.at(origin);
  host.refilling = true;
  ++refills_;
  const std::size_t want = hosts_.window() + host.in_memory.size();  // those in memory come first
  writer_->post([this, origin, want](bool failed) -> Status {
    auto pages = failed ? Result<std::vector<archive::Archive::QueuedPage>>(std::vector<archive::Archive::QueuedPage>{})
                        : store_.queued_pages(origin, want);
    Status status = pages ? ok() : Status(pages.error());
    asio::post(io_, [this, origin, want, pages = pages ? std::move(*pages) : std::vector<archive::Archive::QueuedPage>{}] {
      --refills_;
      hosts_.refilled(origin, want, pages);
      check_writer();
      pump();
    });
    return status;
  });
}

bool FetchLoop::busy() const {
  return fetcher_.in_flight() >= options_.connections || pending_ >= max_pending_ ||
         pending_bytes_ >= kMaxPendingBytes;
}

void FetchLoop::start(const Url& address, const std::string& origin, bool robots_txt) {
  CrawlHost& host = hosts_.at(origin);
  Frontier& frontier = hosts_.frontier();
  const std::string& url = address.str();
  if (!robots_txt && hosts_.robots_stale(host, options_.robots_max_age_seconds)) {
    // robots.txt is kept at most its age limit: the host waits while it is read again.
    frontier.done(origin, Clock::now());
    frontier.push(address);
    hosts_.ask_robots_first(host, address);
    asio::post(io_, [this] { pump(); });  // this pump has passed the robots.txt due already
    return;
  }
  if (!robots_txt && host.robots && host.robots->is_unreachable()) {
    // RFC 9309 §2.3.1.4: nothing is fetched while robots.txt cannot be reached, but the
    // page is not refused either: it stays queued in the catalog for the next crawl.
    frontier.done(origin, Clock::now());
    ++pending_;
    asio::post(io_, [this, url] {
      finished({url, 0, 0, 0, "not fetched: robots.txt unreachable, left queued for the next crawl"});
    });
    return;
  }
  if (!robots_txt && host.robots && !host.robots->allowed(address.path_and_query())) {
    ++stats_.disallowed;
    frontier.done(origin, Clock::now());
    ++pending_;
    writer_->post([this, url](bool failed) -> Status {
      Status s = failed ? ok() : store_.refused(url);
      asio::post(io_, [this, url] { finished({url, 0, 0, 0, "disallowed by robots.txt"}); });
      return s;
    });
    return;
  }
  if (!robots_txt) ++started_;
  const auto started = Clock::now();
  // A page stored before is asked for only if it changed (a refresh); 304 means it did not.
  std::vector<std::string> conditional;
  if (const ToFetch* how = hosts_.in_memory(origin, url)) {
    if (!how->etag.empty()) conditional.push_back("If-None-Match: " + how->etag);
    if (!how->last_modified.empty()) conditional.push_back("If-Modified-Since: " + how->last_modified);
  }
  fetcher_.fetch(url, [this, address, origin, robots_txt, started](Result<archive::Response> r) {
    fetched(address, origin, robots_txt, started, std::move(r));
  }, conditional, robots_txt ? Robots::kReadBytes : 0);
}

void FetchLoop::fetched(const Url& address, const std::string& origin, bool robots_txt, Clock::time_point started,
                        Result<archive::Response> r) {
  const std::string& url = address.str();
  if (!robots_txt) hosts_.frontier().done(origin, Clock::now());
  FetchEvent event{url, 0, 0, std::chrono::duration<double, std::milli>(Clock::now() - started).count(), {}};
  hosts_.pace(origin, event.ms);
  if (!r && r.error().code == Errc::Cancelled) return pump();
  if (!stopping() && retry_later(address, origin, robots_txt, r, event)) return pump();
  attempts_.erase(url);
  if (r && r->status == 304 && !robots_txt) {
    not_modified(address, origin, event);
  } else if (r) {
    dispatch(address, std::move(*r), origin, robots_txt, event);
  } else {
    failed_fetch(url, origin, robots_txt, r.error(), event);
  }
  pump();
}

// A 304: the stored copy is still the page. The writer records the visit and reads the
// copy back, a worker reads it as if just fetched (its thread is seen again, its links
// lead on), and the writer stores what that gives, without a new capture.
void FetchLoop::not_modified(const Url& address, const std::string& origin, FetchEvent event) {
  const std::string& url = address.str();
  ++pending_;
  ++stats_.fetched;
  event.status = 304;
  const ToFetch* how = hosts_.in_memory(origin, url);
  const int depth = how ? how->depth : 0, hops = how ? how->hops : 0;
  const std::string reader = hosts_.at(origin).reader;
  writer_->post([this, address, url, origin, event, depth, hops, reader](bool failed) -> Status {
    auto copy = failed ? Result<archive::Response>(archive::Response{}) : store_.stored_copy(url);
    if (!failed && !copy && copy.error().code == Errc::Corrupt) {
      // The stored copy is damaged: it cannot stand for the page, so the page is asked
      // for again whole (`fora verify --repair` drops the damaged capture).
      asio::post(io_, [this, address, origin, message = copy.error().message] {
        --pending_;
        --stats_.fetched;
        ++stats_.damaged;
        if (options_.on_damage)
          options_.on_damage(address.str() + ": its stored copy is damaged (" + message +
                             "); asked for again without validators");
        auto& in_memory = hosts_.at(origin).in_memory;
        if (auto h = in_memory.find(address.str()); h != in_memory.end()) h->second.etag.clear(), h->second.last_modified.clear();
        hosts_.frontier().push(address);  // still in memory: the window counts it
        pump();
      });
      return ok();
    }
    if (failed || !copy) {
      asio::post(io_, [this, event, error = copy ? Error{} : copy.error()]() mutable {
        if (!error.message.empty()) event.outcome = "error: " + error.message;
        finished(event);
      });
      return copy ? ok() : Status(copy.error());
    }
    PageJob job{std::move(*copy), origin, false, reader, options_.user_agent, depth, options_.max_depth, true, address,
                nullptr, hops};  // nothing new is stored: no record to compress
    asio::post(workers_, [this, job = std::move(job), event]() mutable { read(std::move(job), event); });
    return ok();
  });
}

// A transient failure (timeout, reset, 5xx, 429) is asked again later, up to
// options_.retries times; 429 and 503 wait at least their Retry-After and slow the host
// down. Returns whether a retry was scheduled (the answer is then neither stored nor
// counted, only logged).
bool FetchLoop::retry_later(const Url& address, const std::string& origin, bool robots_txt,
                            const Result<archive::Response>& r, FetchEvent event) {
  const std::string& url = address.str();
  const int status = r ? r->status : 0;
  if (!is_retryable(status, !r && r.error().transient)) return false;
  const int tries = attempts_[url] + 1;
  std::uniform_real_distribution<double> jitter(0.5, 1.5);
  const bool asked_to_wait = status == 429 || status == 503;
  const auto wait = retry_wait({options_.retries, options_.retry_base_seconds, options_.max_retry_after_seconds}, tries,
                               jitter(random_), asked_to_wait ? archive::header_value(r->headers, "Retry-After") : "",
                               options_.clock());
  if (!wait) return false;
  attempts_[url] = tries;
  if (asked_to_wait) hosts_.slow_down(origin);
  event.status = status;
  event.outcome = fmt::format("retry {} of {} in {:.1f} s: {}", tries, options_.retries, *wait,
                              r ? "HTTP " + std::to_string(status) : r.error().message);
  if (options_.on_fetch) options_.on_fetch(event);
  auto timer = std::make_shared<asio::steady_timer>(
      io_, std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(*wait)));
  retry_timers_.insert(timer);
  timer->async_wait([this, timer, address, origin, robots_txt](boost::system::error_code ec) {
    retry_timers_.erase(timer);
    if (!ec && !stopping()) {
      if (robots_txt) hosts_.robots_again(origin, true);
      else hosts_.frontier().push(address);  // still in memory: the window counts it
    }
    pump();
  });
  return true;
}

void FetchLoop::failed_fetch(const std::string& url, const std::string& origin, bool robots_txt, const Error& error,
                             FetchEvent event) {
  ++stats_.failed;
  if (robots_txt) hosts_.robots_known(origin, Robots::unreachable());
  event.outcome = "error: " + error.message;
  ++pending_;
  writer_->post([this, url, robots_txt, reason = error.message, event](bool failed) -> Status {
    Status s = failed ? ok() : store_.failed(url, reason, robots_txt);
    asio::post(io_, [this, event] { finished(event); });
    return s;
  });
}

// A response goes to a worker, then to the writer, then back here.
void FetchLoop::dispatch(const Url& address, archive::Response response, const std::string& origin, bool robots_txt,
                         const FetchEvent& event) {
  ++pending_;
  pending_bytes_ += response.body.size();
  ++stats_.fetched;
  if (response.status >= 400) ++stats_.failed;
  const ToFetch* how = hosts_.in_memory(origin, address.str());
  PageJob job{std::move(response), origin, robots_txt, hosts_.at(origin).reader, options_.user_agent,
              how ? how->depth : 0, options_.max_depth, false, address, archive_.dictionary_for(address.str()),
              how ? how->hops : 0};
  asio::post(workers_, [this, job = std::move(job), event]() mutable { read(std::move(job), event); });
}

// On a worker: read the page, then hand it to the writer, which hands it back to the loop.
void FetchLoop::read(PageJob job, const FetchEvent& event) {
  auto page = std::make_shared<const PageRead>(process_page(std::move(job), extractor_, filter_, copies_));
  writer_->post([this, page, event](bool failed) -> Status {
    auto decision = failed ? Result<StoreDecision>(StoreDecision{}) : store_.store(*page);
    Status s = decision ? ok() : Status(decision.error());
    asio::post(io_, [this, page, event, decision = decision ? std::move(*decision) : StoreDecision{}]() mutable {
      stored(*page, std::move(decision), event);
    });
    return s;
  });
}

// Back on the loop: robots.txt takes effect, new links are queued, the fetch is told.
void FetchLoop::stored(const PageRead& page, StoreDecision decision, FetchEvent event) {
  pending_bytes_ -= page.bytes;
  event.status = page.status;
  event.bytes = page.bytes;
  event.outcome = page.outcome;
  CrawlHost& host = hosts_.at(page.origin);
  if (page.robots) hosts_.robots_known(page.origin, *page.robots);
  if (page.robots_moved) {
    // RFC 9309: up to five redirects are followed; past them robots.txt is unavailable.
    if (++host.robots_hops <= 5) {
      host.robots_url = *page.robots_moved;
      hosts_.robots_again(page.origin, false);
    } else {
      hosts_.robots_known(page.origin, Robots::allow_all());
    }
  }
  if (page.html) {
    if (page.reader.empty()) ++stats_.unread;
    else host.reader = page.reader;
    if (page.read_in_part) ++stats_.read_in_part;
  }
  if (page.thread) {
    ++stats_.threads;
    stats_.comments += static_cast<std::int64_t>(page.thread->comments.size());
  }
  stats_.signalled += decision.requeued;
  stats_.traps += page.trap ? 1 : 0;
  if (decision.changed) ++stats_.changed;
  if (!stopping()) {
    for (auto& [url, how] : decision.fetch_now) hosts_.push(url, std::move(how));
    for (const Url& url : decision.left_in_catalog) hosts_.host_of(url).overflow = true;
  }
  finished(event);
}

// The end of one request's way through the pipeline.
void FetchLoop::finished(const FetchEvent& event) {
  --pending_;
  hosts_.forget(event.url);
  check_writer();
  if (options_.on_fetch) options_.on_fetch(event);
  stats_.last_url = event.url;
  stats_.bytes += static_cast<std::int64_t>(event.bytes);
  stats_.queued = static_cast<std::int64_t>(hosts_.frontier().queued());
  if (progress_) {
    stats_.hosts = static_cast<std::int64_t>(hosts_.count());
    stats_.hosts_waiting = hosts_.waiting_for_robots();
    stats_.hosts_slowed = hosts_.slowed();
    progress_(stats_);
  }
  pump();
}

// Archive errors end the crawl: continuing would lose data silently.
void FetchLoop::check_writer() {
  if (auto e = writer_->error(); e && !error_) {
    error_ = *e;
    cancel();
  }
}

void FetchLoop::cancel() {
  fetcher_.cancel_all();
  for (const auto& timer : retry_timers_) timer->cancel();
}

void FetchLoop::poll_stop() {
  stop_poll_.expires_after(std::chrono::milliseconds(100));
  stop_poll_.async_wait([this](boost::system::error_code ec) {
    if (ec) return;
    if (stop_.load() && !cancelled_) {
      cancelled_ = true;
      cancel();
    }
    if (!finished_) poll_stop();
    finish_if_idle();
  });
}

// An update whose frontier ran dry looks, once, at the pages that a listing it fetched
// showed before and shows no more (PageStore::unlisted_pages).
void FetchLoop::sweep_unlisted() {
  swept_ = true;
  ++refills_;  // the crawl waits for the answer as for a refill
  writer_->post([this](bool failed) -> Status {
    auto pages = failed ? Result<std::vector<archive::Archive::QueuedPage>>(std::vector<archive::Archive::QueuedPage>{})
                        : store_.unlisted_pages();
    Status found = pages ? ok() : Status(pages.error());
    asio::post(io_, [this, pages = pages ? std::move(*pages) : std::vector<archive::Archive::QueuedPage>{}] {
      --refills_;
      for (const auto& page : pages) {
        ++stats_.signalled;
        hosts_.push(*Url::parse(page.url), {page.depth, page.etag, page.last_modified});
      }
      check_writer();
      pump();
    });
    return found;
  });
}

// Done when nothing is in flight or on its way through workers and writer, and nothing
// more will start.
void FetchLoop::finish_if_idle() {
  if (fetcher_.in_flight() > 0 || pending_ > 0 || !retry_timers_.empty() || refills_ > 0) return;
  if (!stopping() && !limit_reached() &&
      (!hosts_.frontier().empty() || hosts_.robots_pending() || hosts_.any_waits_in_catalog()))
    return;
  if (options_.update && !swept_ && !stopping() && !limit_reached()) return sweep_unlisted();
  finished_ = true;
  wake_.cancel();
  stop_poll_.cancel();
}

}  // namespace fora::crawler::detail
