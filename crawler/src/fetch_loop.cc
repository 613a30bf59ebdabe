#include "fetch_loop.h"

#include <boost/asio/post.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <thread>


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

// What a page stored adds to the crawl's counts.
void count(CrawlProgress& stats, const PageRead& page, const StoreDecision& decision) {
  if (page.html && page.reader.empty()) ++stats.unread;
  if (page.html && page.read_in_part) ++stats.read_in_part;
  if (page.thread) {
    ++stats.threads;
    stats.comments += static_cast<std::int64_t>(page.thread->comments.size());
  }
  stats.signalled += decision.requeued;
  stats.traps += page.trap ? 1 : 0;
  if (decision.changed) ++stats.changed;
}

// The crawl's counts with those of its hosts, for a progress line.
const CrawlProgress& count_hosts(CrawlProgress& stats, const HostWindows& hosts) {
  stats.hosts = static_cast<std::int64_t>(hosts.count());
  stats.hosts_waiting = hosts.waiting_for_robots();
  stats.hosts_slowed = hosts.slowed();
  return stats;
}

}  // namespace

FetchLoop::FetchLoop(archive::Archive& archive, const extract::Extractor& extractor, const CrawlOptions& options,
                     const Scope& scope, const std::function<void(const CrawlProgress&)>& progress,
                     const std::atomic<bool>& stop)
    : options_(options),
      scope_(scope),
      filter_(scope),
      progress_(progress),
      archive_(archive),
      store_(archive, options, scope, filter_, std::max<std::size_t>(2, options.frontier_window)),
      fetcher_(io_, fetcher_options(options)),
      hosts_(options.frontier_window, options.delay_seconds, options.per_host, filter_),
      retries_(io_, {options.retries, options.retry_base_seconds, options.max_retry_after_seconds}),
      wake_(io_),
      stop_poll_(io_, stop),
      pipeline_(io_, archive, store_, extractor, filter_, copies_, worker_count(options)),
      // Enough to keep every worker busy while the writer commits; a page is at most
      // max_body_bytes, so memory is bounded by about this many bodies.
      max_pending_(4 * worker_count(options) + options.connections) {}

Result<CrawlProgress> FetchLoop::run() {
  auto opening = open_crawl(archive_, options_, scope_, filter_, hosts_.window(), copies_, options_.clock());
  if (!opening) return opening.error();
  store_.begin(*opening);
  stats_.due = opening->due;
  stats_.resumed = opening->resumed;
  hosts_.take(std::move(opening->first), opening->overflowing);
  pipeline_.open();  // from here on only the writer touches the archive
  stop_poll_.start(
      [this] {
        cancelled_ = true;
        cancel();
      },
      [this] { finish_if_idle(); });
  pump();
  io_.run();
  Status written = pipeline_.finish();
  if (!error_ && !written) error_ = written.error();
  if (error_) return *error_;
  // Only a crawl whose frontier ran dry is complete; a stopped or limited one stays open.
  FORA_TRY(close_crawl(archive_, !cancelled_ && !limit_reached()));
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

// Reads more of `origin`'s queued URLs from the catalog into its window.
void FetchLoop::refill(const std::string& origin) {
  const std::size_t want = hosts_.start_refill(origin);
  pipeline_.ask([this, origin, want] { return store_.queued_pages(origin, want); },
                [this, origin, want](const auto& pages) {
                  hosts_.refilled(origin, want, pages);
                  check_writer();
                  pump();
                });
}

bool FetchLoop::busy() const {
  return fetcher_.in_flight() >= options_.connections || pending_ >= max_pending_ || pending_bytes_ >= kMaxPendingBytes;
}

void FetchLoop::start(const Url& address, const std::string& origin, bool robots_txt) {
  const std::string& url = address.str();
  switch (robots_txt ? HostWindows::Gate::Open : hosts_.gate(origin, address, options_.robots_max_age_seconds)) {
    case HostWindows::Gate::AskAgain:
      return asio::post(io_, [this] { pump(); });  // this pump has passed the robots.txt due already
    case HostWindows::Gate::Unreachable:
      ++pending_;  // the page stays queued in the catalog for the next crawl
      return asio::post(io_, [this, url] {
        finished({url, 0, 0, 0, "not fetched: robots.txt unreachable, left queued for the next crawl"});
      });
    case HostWindows::Gate::Disallowed:
      ++pending_;
      ++stats_.disallowed;
      return pipeline_.write([this, url] { return store_.refused(url); },
                             [this, url] { finished({url, 0, 0, 0, "disallowed by robots.txt"}); });
    case HostWindows::Gate::Open:
      if (!robots_txt) ++started_;
  }
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
  retries_.forget(url);
  ++pending_;
  if (!r) {  // no answer: robots.txt's makes its host unreachable, a page's is visited again by its schedule
    ++stats_.failed;
    if (robots_txt) hosts_.robots_known(origin, Robots::unreachable());
    event.outcome = "error: " + r.error().message;
    pipeline_.write([this, url, robots_txt, reason = r.error().message] { return store_.failed(url, reason, robots_txt); },
                    [this, event] { finished(event); });
  } else if (r->status == 304 && !robots_txt) {
    not_modified(address, origin, event);
  } else {  // to a worker, then to the writer, then back here
    pending_bytes_ += r->body.size();
    ++stats_.fetched;
    if (r->status >= 400) ++stats_.failed;
    pipeline_.read(page_job(address, origin, robots_txt, std::move(*r)),
                   [this, event](const PageRead& page, StoreDecision decision) { stored(page, std::move(decision), event); });
  }
  pump();
}

// A 304: the stored copy is still the page. The writer records the visit and reads the
// copy back, a worker reads it as if just fetched (its thread is seen again, its links
// lead on), and the writer stores what that gives, without a new capture.
void FetchLoop::not_modified(const Url& address, const std::string& origin, FetchEvent event) {
  ++stats_.fetched;
  event.status = 304;
  pipeline_.revalidated(
      page_job(address, origin, false, {}, true), [this, event](const PageRead& page, StoreDecision decision) { stored(page, std::move(decision), event); },
      [this, address, event](const Error* error) mutable {
        if (error == nullptr || error->code != Errc::Corrupt) {
          if (error != nullptr) event.outcome = "error: " + error->message;
          return finished(event);
        }
        // The stored copy is damaged: it cannot stand for the page, so the page is asked
        // for again whole (`fora verify --repair` drops the damaged capture).
        --pending_;
        --stats_.fetched;
        ++stats_.damaged;
        if (options_.on_damage)
          options_.on_damage(address.str() + ": its stored copy is damaged (" + error->message +
                             "); asked for again without validators");
        hosts_.ask_again_whole(address);
        pump();
      });
}

// A transient failure (timeout, reset, 5xx, 429) is asked again later, up to
// options_.retries times; 429 and 503 wait at least their Retry-After and slow the host
// down. Returns whether a retry was scheduled (the answer is then neither stored nor
// counted, only logged).
bool FetchLoop::retry_later(const Url& address, const std::string& origin, bool robots_txt,
                            const Result<archive::Response>& r, FetchEvent event) {
  const int status = r ? r->status : 0;
  const bool asked_to_wait = status == 429 || status == 503;
  const auto retry = retries_.plan(address.str(), status, !r && r.error().transient,
                                   asked_to_wait ? archive::header_value(r->headers, "Retry-After") : "",
                                   options_.clock());
  if (!retry) return false;
  if (asked_to_wait) hosts_.slow_down(origin);
  event.status = status;
  event.outcome = retry->outcome(options_.retries, r ? "HTTP " + std::to_string(status) : r.error().message);
  if (options_.on_fetch) options_.on_fetch(event);
  retries_.after(retry->seconds, [this, address, origin, robots_txt](bool fired) {
    if (fired && !stopping()) {
      if (robots_txt) hosts_.robots_again(origin, true);
      else hosts_.frontier().push(address);  // still in memory: the window counts it
    }
    pump();
  });
  return true;
}

// What a worker is given to read a response of `origin` (for a 304, `revalidated`: the
// stored copy, not known yet, of which nothing new is stored, so no record is compressed).
PageJob FetchLoop::page_job(const Url& address, const std::string& origin, bool robots_txt, archive::Response response,
                            bool revalidated) const {
  const ToFetch* how = hosts_.in_memory(origin, address.str());
  if (revalidated) response.url = address.str();
  return PageJob{std::move(response), origin, robots_txt, hosts_.at(origin).reader, options_.user_agent,
                 how ? how->depth : 0, options_.max_depth, revalidated, address,
                 revalidated ? nullptr : archive_.captures().dictionary_for(address.str()), how ? how->hops : 0};
}

// Back on the loop: robots.txt takes effect, new links are queued, the fetch is told.
void FetchLoop::stored(const PageRead& page, StoreDecision decision, FetchEvent event) {
  pending_bytes_ -= page.bytes;
  event.status = page.status;
  event.bytes = page.bytes;
  event.outcome = page.outcome;
  hosts_.page_read(page);
  count(stats_, page, decision);
  if (!stopping()) hosts_.take(std::move(decision.fetch_now), decision.left_in_catalog);
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
  if (progress_) progress_(count_hosts(stats_, hosts_));
  pump();
}

// Archive errors end the crawl: continuing would lose data silently.
void FetchLoop::check_writer() {
  if (auto e = pipeline_.error(); e && !error_) {
    error_ = *e;
    cancel();
  }
}

void FetchLoop::cancel() {
  fetcher_.cancel_all();
  retries_.cancel_all();
}

// An update whose frontier ran dry looks, once, at the pages that a listing it fetched
// showed before and shows no more (PageStore::unlisted_pages).
void FetchLoop::sweep_unlisted() {
  swept_ = true;
  pipeline_.ask([this] { return store_.unlisted_pages(); }, [this](const auto& pages) {
    for (const auto& page : pages) {
      ++stats_.signalled;
      hosts_.push(*Url::parse(page.url), {page.depth, page.etag, page.last_modified});
    }
    check_writer();
    pump();
  });
}

// Done when nothing is in flight or on its way through workers and writer, and nothing
// more will start.
void FetchLoop::finish_if_idle() {
  if (fetcher_.in_flight() > 0 || pending_ > 0 || retries_.waiting() || pipeline_.asking()) return;
  if (!stopping() && !limit_reached() &&
      (!hosts_.frontier().empty() || hosts_.robots_pending() || hosts_.any_waits_in_catalog()))
    return;
  if (options_.update && !swept_ && !stopping() && !limit_reached()) return sweep_unlisted();
  wake_.cancel();
  stop_poll_.cancel();
}

}  // namespace fora::crawler::detail
