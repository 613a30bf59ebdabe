// crawl(): the event loop that ties fetch -> (workers) read -> (writer) archive together.
// The Fetcher's callbacks, the pump, the timers and the progress callbacks run on the
// io_context's thread (the caller's), so the Crawl's own state needs no locks; workers get
// a PageJob by value and hand their PageResult to the writer, whose job posts the outcome
// back to the loop.
#include "fora/crawler/crawl.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>
#include <charconv>
#include <chrono>
#include <ctime>
#include <deque>
#include <fmt/format.h>
#include <algorithm>
#include <limits>
#include <map>
#include <memory>
#include <random>
#include <set>
#include <unordered_map>
#include <thread>

#include "catalog_writer.h"
#include "crawl_host.h"
#include "fora/crawler/fetcher.h"
#include "fora/crawler/frontier.h"
#include "fora/crawler/robots.h"
#include "fora/crawler/scope.h"
#include "fora/url/url.h"
#include "link_filter.h"
#include "page_work.h"
#include "retry.h"

namespace fora::crawler {
namespace {

using Clock = std::chrono::steady_clock;
namespace asio = boost::asio;
using detail::Copies;
using detail::CatalogWriter;
using detail::LinkFilter;
using detail::PageJob;
using detail::PageResult;

std::int64_t unix_now() { return static_cast<std::int64_t>(std::time(nullptr)); }

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

class Crawl {
 public:
  Crawl(archive::Archive& archive, const extract::Extractor& extractor, const CrawlOptions& options,
        Scope scope, const std::function<void(const CrawlProgress&)>& progress,
        const std::atomic<bool>& stop)
      : archive_(archive),
        extractor_(extractor),
        options_(options),
        scope_(std::move(scope)),
        filter_(scope_),
        progress_(progress),
        stop_(stop),
        fetcher_(io_, fetcher_options(options)),
        frontier_(std::chrono::duration<double>(options.delay_seconds), options.per_host),
        wake_(io_),
        stop_poll_(io_),
        workers_(worker_count(options)),
        // Enough to keep every worker busy while the writer commits; a page is at most
        // max_body_bytes, so memory is bounded by about this many bodies.
        max_pending_(4 * worker_count(options) + options.connections) {}

  // When the crawl began: this run's start, or that of the interrupted run it resumes.
  std::int64_t since() const { return run_since_; }

  Result<CrawlProgress> run() {
    // The mark is durable before anything is fetched, so a kill at any instant leaves it set.
    std::string key;
    for (const Url& url : scope_.start_urls()) key += url.str() + "\n";
    auto open = archive_.open_crawl();
    if (!open) return open.error();
    // The mark names the crawl (its start URLs) and when it first began ("since T"; an older
    // fora's mark has no such line): one that resumes it counts from then, in what it marks
    // gone and what it takes as visited already.
    const std::string_view mark = *open;
    const std::string_view rest = mark.substr(0, key.size()) == key ? mark.substr(key.size()) : "-";
    resuming_ = rest.empty() || rest.starts_with("since ");
    if (std::int64_t since = 0; !rest.empty() && resuming_ &&
                                std::from_chars(rest.data() + 6, rest.data() + rest.size(), since).ec == std::errc() &&
                                since > 0)
      run_since_ = since;
    FORA_TRY(archive_.set_open_crawl(key + "since " + std::to_string(run_since_)));
    if (options_.update) FORA_TRY(queue_due());
    if (resuming_ || options_.update) FORA_TRY(requeue_unfinished());
    for (const Url& url : scope_.start_urls())
      if (filter_.mark(url)) FORA_TRY(queue_new(url));  // depth 0
    // The pages this crawl could reach that the archive holds: the same bytes under a new URL
    // are a copy of those too. (Another site's are not: a crawl of a mirror reads it whole.)
    FORA_TRY(archive_.for_each_first_payload([this](std::string_view sha256, std::string_view url) {
      if (auto page = Url::parse(url); page && scope_.in_scope(*page)) copies_.seen_elsewhere(url, sha256);
    }));
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
    if (!cancelled_ && !limit_reached()) FORA_TRY(archive_.set_open_crawl(""));
    if (cancelled_) {
      return make_error(Errc::Cancelled, "crawl stopped",
                        "what was fetched is kept; run the same crawl again to go on");
    }
    return stats_;
  }

 private:
  using Host = detail::CrawlHost;
  using Pending = detail::Pending;

  // Puts `url` (found `depth` links from a start URL) in the catalog's queue; false when it
  // is not to be fetched: the interrupted crawl this one resumes fetched it, or this is an
  // update and the page is not due. A page known from a complete crawl is queued again (a
  // refresh); with `validators` the validators of its stored copy are read into it, to ask
  // only whether it changed. A start URL is always asked for (`start`).
  enum class Queued { No, New, Again };  // not to fetch; never seen before; known
  Result<Queued> queue_in_catalog(archive::Archive& a, const std::string& url, std::int64_t now,
                                  int depth, int hops, Pending* validators, bool start = false) const {
    auto added = a.add_page(url, now, depth, hops);
    if (!added) return added.error();
    if (*added) return Queued::New;
    auto state = a.page_state(url);
    if (!state) return state.error();
    if (!*state || **state != archive::PageState::Queued) {
      if ((resuming_ || options_.update) && !start) return Queued::No;
      FORA_TRY(a.set_page_state(url, archive::PageState::Queued, "", now));
    }
    if (validators != nullptr) {
      auto last = a.last_capture(url);
      if (!last) return last.error();
      if (*last) {
        validators->etag = (*last)->etag;
        validators->last_modified = (*last)->last_modified;
      }
    }
    return Queued::Again;
  }

  // Before the writer runs: records a start URL and queues it.
  Status queue_new(const Url& url) {
    Pending pending;
    auto fetch = queue_in_catalog(archive_, url.str(), unix_now(), 0, 0, &pending, true);
    if (!fetch) return fetch.error();
    if (*fetch != Queued::No) push(url, std::move(pending));
    return ok();
  }

  // An update: finds the sites it looks at (those of its start URLs, and every other site of
  // the archive within its scope: a --scope domain crawl takes in more hosts), and queues
  // their pages whose schedule says they are due. Before the writer starts.
  Status queue_due() {
    for (const Url& url : scope_.start_urls()) update_origins_.emplace(url.origin());
    auto sites = archive_.site_crawls();
    if (!sites) return sites.error();
    for (const auto& site : *sites)
      for (const char* scheme : {"http://", "https://"})
        if (auto root = Url::parse(scheme + site.origin + "/"); root && scope_.in_scope(*root))
          update_origins_.insert(site.origin);
    for (const std::string& origin : update_origins_) {
      auto due = archive_.queue_due_pages(origin, due_until(started_at_, options_.revisit),
                                          options_.revisit.min_seconds, options_.revisit.max_seconds);
      if (!due) return due.error();
      stats_.due += *due;
    }
    return ok();
  }

  // Takes up what an interrupted crawl had found but not fetched: each site's first window
  // now, the rest as the window empties.
  Status requeue_unfinished() {
    auto count = archive_.count_queued();
    if (!count) return count.error();
    stats_.resumed = *count - stats_.due;
    auto sites = archive_.sites_with_queued_pages();
    if (!sites) return sites.error();
    for (const std::string& origin : *sites) {
      auto queued = archive_.queued_pages(origin, window_);
      if (!queued) return queued.error();
      for (const auto& page : *queued) {
        auto url = Url::parse(page.url);
        if (!url || !scope_.in_scope(*url)) continue;
        filter_.mark(*url);
        push(*url, {page.depth, page.etag, page.last_modified, page.hops});
        if (queued->size() >= window_) host_of(*url).overflow = true;
      }
    }
    return ok();
  }

  // Puts an admitted URL in the frontier, or leaves it in the catalog when its host's window
  // is full; a host's first URL holds the host until its robots.txt is answered.
  void push(const Url& url, Pending pending) {
    Host& host = host_of(url);
    if (url == host.robots_url) return;
    if (host.held.size() >= window_) {
      host.overflow = true;
      return;
    }
    if (host.held.emplace(url.str(), std::move(pending)).second) frontier_.push(url);
  }

  // The host of `url`; a new one is held until its robots.txt, which is fetched first.
  Host& host_of(const Url& url) {
    const std::string origin(url.origin());
    auto [it, fresh] = hosts_.try_emplace(origin, options_.delay_seconds);
    Host& host = it->second;
    if (fresh) {
      ask_robots_first(host, url);
      filter_.mark(*host.robots_url);
    }
    return host;
  }

  // Holds the host of `url` until its robots.txt, at its usual place, is read (again).
  void ask_robots_first(Host& host, const Url& url) {
    host.robots.reset();
    host.robots_hops = 0;
    host.robots_url = Url::resolve(url, "/robots.txt");
    frontier_.hold(url.origin());
    robots_due_.emplace_back(url.origin());
  }

  // Reads more of `origin`'s queued URLs from the catalog (on the writer, which owns it).
  void refill(const std::string& origin) {
    Host& host = hosts_.at(origin);
    host.refilling = true;
    ++refills_;
    const std::size_t want = window_ + host.held.size();  // the held ones come first
    writer_->post([this, origin, want](archive::Archive& a, bool failed) -> Status {
      auto urls = failed ? Result<std::vector<archive::Archive::QueuedPage>>(std::vector<archive::Archive::QueuedPage>{})
                         : a.queued_pages(origin, want);
      Status status = urls ? ok() : Status(urls.error());
      asio::post(io_, [this, origin, want, urls = std::move(urls)]() mutable {
        refilled(origin, want, std::move(urls));
      });
      return status;
    });
  }

  void refilled(const std::string& origin, std::size_t want,
                Result<std::vector<archive::Archive::QueuedPage>> urls) {
    --refills_;
    Host& host = hosts_.at(origin);
    host.refilling = false;
    host.overflow = false;
    if (urls) {
      for (const auto& page : *urls) {
        if (host.held.count(page.url)) continue;
        auto url = Url::parse(page.url);
        if (!url) continue;
        if (host.held.size() >= window_) {
          host.overflow = true;
          break;
        }
        filter_.mark(*url);  // found again as a link, it is not queued twice
        host.held.emplace(page.url, Pending{page.depth, page.etag, page.last_modified, page.hops});
        frontier_.push(std::move(*url));
      }
      if (urls->size() >= want) host.overflow = true;
    }
    check_writer();
    pump();
  }

  // Whether the host has URLs in the catalog to read into its window. Not while its
  // robots.txt is unreachable: those would only be read back and left queued again.
  static bool waits_in_catalog(const Host& host) {
    return host.overflow && !(host.robots && host.robots->is_unreachable());
  }

  // Back-pressure: no new request while enough work waits in the workers and the writer,
  // counted in responses and in bytes (a few big sitemaps hold as much as many pages).
  static constexpr std::size_t kMaxPendingBytes = 32u << 20;
  bool busy() const {
    return fetcher_.in_flight() >= options_.connections || pending_ >= max_pending_ ||
           pending_bytes_ >= kMaxPendingBytes;
  }

  // Starts every fetch the frontier and the pipeline allow now; arms the timer for the next.
  void pump() {
    if (stopping()) return finish_if_idle();
    for (auto& [origin, host] : hosts_)
      if (waits_in_catalog(host) && !host.refilling && host.held.size() < window_ / 2) refill(origin);
    while (!robots_due_.empty() && !busy()) {
      const std::string origin = std::move(robots_due_.front());
      robots_due_.pop_front();
      start(*hosts_.at(origin).robots_url, origin, true);
    }
    const auto now = Clock::now();
    while (!busy() && !limit_reached()) {
      auto url = frontier_.pop_ready(now);
      if (!url) break;
      start(*url, std::string(url->origin()), false);
    }
    stats_.queued = static_cast<std::int64_t>(frontier_.queued());
    if (auto next = frontier_.next_ready_time(); next && !limit_reached() && !busy()) {
      wake_.expires_at(*next);
      wake_.async_wait([this](boost::system::error_code ec) {
        if (!ec) pump();
      });
    }
    finish_if_idle();
  }

  void start(const Url& address, const std::string& origin, bool robots_txt) {
    Host& host = hosts_.at(origin);
    const std::string& url = address.str();
    if (!robots_txt && host.robots && Clock::now() - host.robots_at > robots_age_limit(*host.robots)) {
      // robots.txt is kept at most its age limit: the host waits while it is read again.
      frontier_.done(origin, Clock::now());
      frontier_.push(address);
      ask_robots_first(host, address);
      asio::post(io_, [this] { pump(); });  // this pump has passed robots_due_ already
      return;
    }
    if (!robots_txt && host.robots && host.robots->is_unreachable()) {
      // RFC 9309 §2.3.1.4: nothing is fetched while robots.txt cannot be reached, but the
      // page is not refused either: it stays queued in the catalog for the next crawl.
      frontier_.done(origin, Clock::now());
      ++pending_;
      asio::post(io_, [this, url] {
        finished({url, 0, 0, 0, "not fetched: robots.txt unreachable, left queued for the next crawl"});
      });
      return;
    }
    if (!robots_txt && host.robots && !host.robots->allowed(address.path_and_query())) {
      ++stats_.disallowed;
      frontier_.done(origin, Clock::now());
      ++pending_;
      writer_->post([this, url](archive::Archive& a, bool failed) -> Status {
        Status s = failed ? ok() : a.set_page_state(url, archive::PageState::Skipped, "robots.txt", unix_now());
        asio::post(io_, [this, url] { finished({url, 0, 0, 0, "disallowed by robots.txt"}); });
        return s;
      });
      return;
    }
    if (!robots_txt) ++started_;
    const auto started = Clock::now();
    // A page stored before is asked for only if it changed (a refresh); 304 means it did not.
    std::vector<std::string> conditional;
    if (auto held = host.held.find(url); held != host.held.end()) {
      if (!held->second.etag.empty()) conditional.push_back("If-None-Match: " + held->second.etag);
      if (!held->second.last_modified.empty())
        conditional.push_back("If-Modified-Since: " + held->second.last_modified);
    }
    fetcher_.fetch(url, [this, address, url, origin, robots_txt, started](Result<archive::Response> r) {
      if (!robots_txt) frontier_.done(origin, Clock::now());
      FetchEvent event{url, 0, 0,
                       std::chrono::duration<double, std::milli>(Clock::now() - started).count(), {}};
      pace(origin, event.ms);
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
    }, conditional, robots_txt ? Robots::kReadBytes : 0);
  }

  // A 304: the stored copy is still the page. The writer records the visit and reads the
  // copy back, a worker reads it as if just fetched (its thread is seen again, its links
  // lead on), and the writer stores what that gives, without a new capture.
  void not_modified(const Url& address, const std::string& origin, FetchEvent event) {
    const std::string& url = address.str();
    ++pending_;
    ++stats_.fetched;
    event.status = 304;
    const auto& held = hosts_.at(origin).held;
    const auto found = held.find(url);
    const int depth = found == held.end() ? 0 : found->second.depth;
    const int hops = found == held.end() ? 0 : found->second.hops;
    const std::string reader = hosts_.at(origin).reader;
    writer_->post([this, address, url, origin, event, depth, hops, reader](archive::Archive& a, bool failed) -> Status {
      const std::int64_t now = unix_now();
      auto copy = [&]() -> Result<archive::Response> {
        auto last = a.last_capture(url);
        if (!last) return last.error();
        if (!*last) return make_error(Errc::NotFound, url + ": 304 Not Modified, but no copy is stored");
        FORA_TRY(a.touch_capture((*last)->id, now));
        return a.read_capture((*last)->id);
      }();
      if (!failed && !copy && copy.error().code == Errc::Corrupt) {
        // The stored copy is damaged: it cannot stand for the page, so the page is asked
        // for again whole (`fora verify --repair` drops the damaged capture).
        asio::post(io_, [this, address, origin, message = copy.error().message] {
          --pending_;
          --stats_.fetched;
          ++stats_.damaged;
          if (options_.on_damage) options_.on_damage(address.str() + ": its stored copy is damaged (" + message +
                                                     "); asked for again without validators");
          auto& waiting = hosts_.at(origin).held;
          if (auto h = waiting.find(address.str()); h != waiting.end()) h->second.etag.clear(), h->second.last_modified.clear();
          frontier_.push(address);  // still held: the window counts it
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
      copy->fetched_at = now;
      PageJob job{std::move(*copy), origin, false, reader, options_.user_agent, depth, options_.max_depth, true, address,
                  nullptr, hops};  // nothing new is stored: no record to compress
      asio::post(workers_, [this, job = std::move(job), event]() mutable { work(std::move(job), event); });
      return ok();
    });
  }

  // A transient failure (timeout, reset, 5xx, 429) is asked again later, up to
  // options_.retries times; 429 and 503 wait at least their Retry-After and slow the host
  // down. Returns whether a retry was scheduled (the answer is then neither stored nor
  // counted, only logged).
  bool retry_later(const Url& address, const std::string& origin, bool robots_txt,
                   const Result<archive::Response>& r, FetchEvent event) {
    const std::string& url = address.str();
    const int status = r ? r->status : 0;
    if (!detail::is_retryable(status, !r && r.error().transient)) return false;
    const int tries = attempts_[url] + 1;
    std::uniform_real_distribution<double> jitter(0.5, 1.5);
    const bool asked_to_wait = status == 429 || status == 503;
    const auto wait = detail::retry_wait(
        {options_.retries, options_.retry_base_seconds, options_.max_retry_after_seconds}, tries,
        jitter(random_), asked_to_wait ? archive::header_value(r->headers, "Retry-After") : "", unix_now());
    if (!wait) return false;
    attempts_[url] = tries;
    if (asked_to_wait) {
      Host& host = hosts_.at(origin);
      host.politeness.slow_down();
      frontier_.set_delay(origin, Frontier::Duration(host.politeness.asked()));
    }
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
        if (robots_txt) robots_due_.push_front(origin);
        else frontier_.push(address);  // still held: the window counts it
      }
      pump();
    });
    return true;
  }

  // How long a host's robots.txt is trusted: --robots-max-age, or at most 5 minutes when it
  // could not be reached (asked again then, should the crawl find more of the host's pages).
  Clock::duration robots_age_limit(const Robots& robots) const {
    double seconds = options_.robots_max_age_seconds;
    if (robots.is_unreachable()) seconds = std::min(seconds, 300.0);
    return std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
  }

  // The host's spacing after a response (Politeness).
  void pace(const std::string& origin, double response_ms) {
    frontier_.set_delay(origin, Frontier::Duration(hosts_.at(origin).politeness.after_response(response_ms)));
  }


  void failed_fetch(const std::string& url, const std::string& origin, bool robots_txt,
                    const Error& error, FetchEvent event) {
    ++stats_.failed;
    if (robots_txt) robots_known(origin, Robots::unreachable());
    event.outcome = "error: " + error.message;
    ++pending_;
    writer_->post([this, url, robots_txt, reason = error.message, event](archive::Archive& a, bool failed) -> Status {
      Status s = failed ? ok() : a.set_page_state(url, archive::PageState::Failed, reason, unix_now());
      if (s && !failed && !robots_txt) s = schedule(a, url, Visit::Failed, std::nullopt, unix_now());
      asio::post(io_, [this, event] { finished(event); });
      return s;
    });
  }

  // A response goes to a worker, then to the writer, then back here.
  void dispatch(const Url& address, archive::Response response, const std::string& origin, bool robots_txt,
                const FetchEvent& event) {
    ++pending_;
    pending_bytes_ += response.body.size();
    ++stats_.fetched;
    if (response.status >= 400) ++stats_.failed;
    Host& host = hosts_.at(origin);
    const auto held = host.held.find(address.str());
    PageJob job{std::move(response), origin, robots_txt, host.reader, options_.user_agent,
                held == host.held.end() ? 0 : held->second.depth, options_.max_depth, false, address,
                archive_.dictionary_for(address.str()), held == host.held.end() ? 0 : held->second.hops};
    asio::post(workers_, [this, job = std::move(job), event]() mutable { work(std::move(job), event); });
  }

  // On a worker: read the page, then hand it to the writer, which hands it back to the loop.
  void work(PageJob job, const FetchEvent& event) {
    auto result = std::make_shared<PageResult>(process_page(std::move(job), extractor_, filter_, copies_));
    writer_->post([this, result, event](archive::Archive& a, bool failed) -> Status {
      Status s = failed ? ok() : store(a, *result);
      asio::post(io_, [this, result, event]() mutable { stored(*result, event); });
      return s;
    });
  }

  // On the writer thread: the capture, the page's state, its thread, and the new links
  // (those an interrupted crawl already fetched are not queued again); in an update, the
  // known pages it says changed; then the page's next visit.
  Status store(archive::Archive& a, PageResult& r) {
    const std::int64_t now = unix_now();
    // Whether something said this page changed (it was queued out of turn; kept in the
    // catalog, so a resumed update knows it too).
    bool told_changed = false;
    if (options_.update && r.thread) {
      auto told = a.page_queued_out_of_turn(r.url);
      if (!told) return told.error();
      told_changed = *told;
    }
    // Before this visit is stored: when the page was read before, should its thread's own
    // feed be asked which of its pages hold new entries.
    std::optional<std::int64_t> read_before;
    if (options_.update && r.thread && !r.thread->feed.empty()) {
      auto last = a.last_capture(r.url);
      if (!last) return last.error();
      if (*last) read_before = (*last)->fetched_at;
    }
    if (!r.not_modified) {
      if (!r.capture) return r.capture.error();
      if (auto stored = a.store_capture(*r.capture); !stored) return stored.error();
    }
    FORA_TRY(a.set_page_state(r.url, archive::PageState::Fetched,
                              r.not_modified ? "304" : std::to_string(r.status), now));
    if (!r.reply_links.empty()) FORA_TRY(a.store_reply_links(r.reply_links, r.seen_at));
    if (r.thread) {
      auto stored = a.store_thread_page(r.origin, *r.thread, r.seen_at, r.url);
      if (!stored) return stored.error();
      r.changed = *stored;
    }
    if (r.status == 404 || r.status == 410) {
      if (auto gone = a.mark_thread_gone(r.url, now); !gone) return gone.error();
    }
    // A newest-first index shows each new entry under an address of its own: in an update
    // its rows add nothing, and its older pages (its own address with another query, which
    // new entries shift) are walked only when all it shows is new.
    const bool walk_newest_first = options_.update && r.newest_first();
    auto told = walk_newest_first ? Result<std::vector<std::string>>(std::vector<std::string>{}) : listing_news(a, r);
    if (!told) return told.error();
    // A thread's pages go together: when one changed, or something said its thread did (a
    // sitemap, a listing row), the others are looked at too (a new comment on the last page
    // of a thread changes nothing on its first but the count). Where the thread has a feed
    // of its own, that is asked instead which of them hold new entries (own_feed_read).
    bool ask_own_feed = false;
    if (options_.update && r.thread && !r.thread->stands_alone && (r.changed || told_changed)) {
      auto siblings = a.thread_pages(r.origin, r.thread->thread_id, r.url);
      if (!siblings) return siblings.error();
      if (r.thread->feed.empty() || siblings->empty()) {
        told->insert(told->end(), siblings->begin(), siblings->end());
      } else {
        auto since = thread_read_since(a, *siblings, read_before);
        if (!since) return since.error();
        ask_own_feed = note_own_feed(r, *since);
        if (!ask_own_feed) told->insert(told->end(), siblings->begin(), siblings->end());
      }
    }
    if (options_.update && !r.html) FORA_TRY(own_feed_read(a, r, *told));
    Admitted admitted(window_, r);
    if (ask_own_feed) FORA_TRY(ask_for(a, r, r.thread->feed, now, admitted));
    bool all_new = true;
    std::vector<Url> older;
    const auto queue_link = [&](Url& url) -> Status {
      Pending validators;
      auto fetch = queue_in_catalog(a, url.str(), now, r.link_depth, r.link_hops,
                                    admitted.full() ? nullptr : &validators);
      if (!fetch) return fetch.error();
      if (*fetch == Queued::New && !r.thread) r.changed = true;  // a listing shows a page never seen
      all_new = all_new && *fetch == Queued::New;
      if (*fetch != Queued::No) admitted.add(std::move(url), std::move(validators));
      return ok();
    };
    const auto here = Url::parse(r.url);
    for (Url& url : r.links) {
      if (walk_newest_first && here && same_listing(url, *here)) {
        older.push_back(std::move(url));
        continue;
      }
      FORA_TRY(queue_link(url));
    }
    if (all_new)
      for (Url& url : older) FORA_TRY(queue_link(url));
    // Entries leave a newest-first index as new ones come, which says nothing of them: what
    // it lists is not noted, so an update does not look again at what it no longer shows.
    if (!r.rows.empty() && !r.newest_first()) {
      std::vector<std::string> listed;
      for (const auto& row : r.rows) listed.push_back(row.url.str());
      auto newly = a.note_listed(r.url, listed, now);  // after the links: new ones are pages now
      if (!newly) return newly.error();
      // A listing ordered by activity shows a thread that comes to it (a new one, or one with
      // a new reply from further on) in a row never seen, and pushes its last threads on
      // to its next page: they are listed still, not removed, and are not looked at again.
      const std::set<std::string> fresh(told->begin(), told->end());
      bool came = false;
      for (std::size_t i = 0; i < listed.size(); ++i) came = came || ((*newly)[i] && fresh.count(listed[i]));
      if (options_.update && came) FORA_TRY(a.keep_listed(r.url, now));
    }
    if (options_.update) {
      // Each is asked for when not visited since this run began, or since the sitemap's date.
      std::vector<std::pair<std::string, std::int64_t>> dated;
      for (std::string& page : *told) dated.emplace_back(std::move(page), run_since_);
      for (const auto& entry : r.modified) dated.emplace_back(entry.url, std::min(run_since_, *entry.modified));
      for (auto& [page, before] : dated) FORA_TRY(queue_told(a, r, page, before, now, admitted));
    }
    r.links.clear();
    r.queued = admitted.take();
    if (r.robots_txt) return ok();
    auto before = a.page_schedule(r.url);
    if (!before) return before.error();
    // A thread's own feed is read when its thread changed, and else as seldom as any page
    // (kOnDemand, which its later visits keep, whatever they find).
    if (r.own_feed) return a.set_page_schedule(r.url, {kOnDemand, now + options_.revisit.max_seconds});
    // Sitemaps and feeds are read at every update: they are made to say what changed.
    const bool on_demand = *before && (*before)->interval == kOnDemand;
    if (r.feed && !on_demand) return a.set_page_schedule(r.url, {0, now});
    const bool failed_answer = r.status >= 500 || r.status == 429;
    return a.set_page_schedule(
        r.url, next_schedule(*before, failed_answer ? Visit::Failed : r.changed ? Visit::Changed : Visit::Unchanged,
                             r.thread ? latest_entry(r.thread) : r.newest_date, now, options_.revisit));
  }

  // The links a page passes on to the loop: at most a window per host in memory; the rest
  // wait in the catalog, and the loop reads them, with their validators, when there is room.
  class Admitted {
   public:
    Admitted(std::size_t window, PageResult& r) : window_(window), r_(r) {}
    bool full() const { return queued_.size() >= window_; }
    void add(Url url, Pending validators) {
      if (full()) {
        if (std::none_of(r_.overflowed.begin(), r_.overflowed.end(),
                         [&](const Url& u) { return u.origin() == url.origin(); }))
          r_.overflowed.push_back(std::move(url));
        return;
      }
      queued_.push_back({std::move(url), std::move(validators.etag), std::move(validators.last_modified)});
    }
    std::vector<PageResult::Queued> take() { return std::move(queued_); }

   private:
    std::size_t window_;
    PageResult& r_;
    std::vector<PageResult::Queued> queued_;
  };

  // Whether `link` is `page` under another query: another page of the same listing.
  static bool same_listing(const Url& link, const Url& page) {
    const auto path = [](const Url& u) { return u.path_and_query().substr(0, u.path_and_query().find('?')); };
    return link.origin() == page.origin() && path(link) == path(page) && link.str() != page.str();
  }

  // A listing's rows never seen before: the pages they link to changed. Returns their URLs.
  Result<std::vector<std::string>> listing_news(archive::Archive& a, PageResult& r) const {
    std::vector<std::string> told;
    if (r.rows.empty()) return told;
    std::vector<std::uint64_t> hashes;
    hashes.reserve(r.rows.size());
    for (const auto& row : r.rows) hashes.push_back(row.hash);
    auto fresh = a.remember_listing_rows(hashes);
    if (!fresh) return fresh.error();
    for (std::size_t i = 0; i < r.rows.size(); ++i)
      if ((*fresh)[i]) told.push_back(r.rows[i].url.str());
    r.changed = r.changed || !told.empty();
    return told;
  }

  // An update: queues `page`, which something on `r` says changed, unless it was visited
  // since `before` (or is unknown, or out of scope).
  Status queue_told(archive::Archive& a, PageResult& r, const std::string& page, std::int64_t before,
                    std::int64_t now, Admitted& admitted) {
    auto url = Url::parse(page);
    if (!url || !filter_.in_scope(*url)) return ok();
    auto queued = a.requeue_page(page, before, now);
    if (!queued) return queued.error();
    if (!*queued) return ok();
    ++r.signalled;
    Pending validators{r.link_depth, "", ""};
    auto last = a.last_capture(page);
    if (!last) return last.error();
    if (*last) validators.etag = (*last)->etag, validators.last_modified = (*last)->last_modified;
    admitted.add(std::move(*url), std::move(validators));
    return ok();
  }

  // The time before which every page of a thread was read, as far as the archive knows: the
  // oldest last capture of `pages` and `read_before` (the page just read, before this visit).
  static Result<std::int64_t> thread_read_since(archive::Archive& a, const std::vector<std::string>& pages,
                                                std::optional<std::int64_t> read_before) {
    std::int64_t since = read_before.value_or(std::numeric_limits<std::int64_t>::max());
    for (const std::string& page : pages) {
      auto last = a.last_capture(page);
      if (!last) return last.error();
      if (*last) since = std::min(since, (*last)->fetched_at);
    }
    return since == std::numeric_limits<std::int64_t>::max() ? 0 : since;
  }

  // Notes that the thread of `r` is to be told of by its own feed, whose entries after
  // `since` are new; false when the feed is out of scope (its pages are then looked at).
  bool note_own_feed(const PageResult& r, std::int64_t since) {
    auto url = Url::parse(r.thread->feed);
    if (!url || !filter_.in_scope(*url)) return false;
    auto [it, fresh] = own_feeds_.try_emplace(url->str(), OwnFeed{r.origin, r.thread->thread_id, since});
    if (!fresh) it->second.since = std::min(it->second.since, since);
    return true;
  }

  // An update: queues `page`, which is to be read now, never seen before or not visited in
  // this run.
  Status ask_for(archive::Archive& a, PageResult& r, const std::string& page, std::int64_t now, Admitted& admitted) {
    auto url = Url::parse(page);
    if (!url) return ok();
    auto added = a.add_page(page, now, r.link_depth, 0);
    if (!added) return added.error();
    if (!*added) return queue_told(a, r, page, run_since_, now, admitted);
    ++r.signalled;
    admitted.add(std::move(*url), {});
    return ok();
  }

  // An update read a thread's own feed (note_own_feed): its entries lead to the pages with
  // new entries, as any feed's do. When it lists nothing but new entries, so that there may
  // be more than it shows (WordPress's lists a post's newest posts_per_rss comments and takes
  // no page number), or when it could not be read, every page of the thread is looked at.
  Status own_feed_read(archive::Archive& a, PageResult& r, std::vector<std::string>& told) {
    auto asked = own_feeds_.find(r.url);
    if (asked == own_feeds_.end()) return ok();
    const OwnFeed feed = std::move(asked->second);
    own_feeds_.erase(asked);
    r.own_feed = true;
    const bool overflowed = r.modified.empty() || std::all_of(r.modified.begin(), r.modified.end(), [&](const auto& e) {
                              return *e.modified > feed.since;
                            });
    if (!overflowed) return ok();
    auto pages = a.thread_pages(feed.origin, feed.thread_id, "");
    if (!pages) return pages.error();
    told.insert(told.end(), pages->begin(), pages->end());
    return ok();
  }

  // The page's next visit (revisit.h).
  Status schedule(archive::Archive& a, const std::string& url, Visit visit, std::optional<std::int64_t> latest,
                  std::int64_t now) const {
    auto before = a.page_schedule(url);
    if (!before) return before.error();
    return a.set_page_schedule(url, next_schedule(*before, visit, latest, now, options_.revisit));
  }

  // The newest date a thread page showed (an entry's, or an edit's).
  static std::optional<std::int64_t> latest_entry(const std::optional<extract::ThreadPage>& page) {
    if (!page) return std::nullopt;
    std::optional<std::int64_t> latest;
    const auto see = [&](const extract::Entry& e) {
      for (const auto& when : {e.published, e.edited})
        if (when && (!latest || *when > *latest)) latest = when;
    };
    if (page->post) see(*page->post);
    for (const auto& c : page->comments) see(c);
    return latest;
  }

  // Back on the loop: robots.txt takes effect, new links are queued, the fetch is told.
  void stored(PageResult& r, FetchEvent event) {
    pending_bytes_ -= r.bytes;
    event.status = r.status;
    event.bytes = r.bytes;
    event.outcome = r.outcome;
    Host& host = hosts_.at(r.origin);
    if (r.robots) robots_known(r.origin, std::move(*r.robots));
    if (r.robots_moved) {
      // RFC 9309: up to five redirects are followed; past them robots.txt is unavailable.
      if (++host.robots_hops <= 5) {
        host.robots_url = *r.robots_moved;
        robots_due_.push_back(r.origin);
      } else {
        robots_known(r.origin, Robots::allow_all());
      }
    }
    if (r.html) {
      if (r.reader.empty()) ++stats_.unread;
      else host.reader = r.reader;
      if (r.read_in_part) ++stats_.read_in_part;
    }
    if (r.thread) {
      ++stats_.threads;
      stats_.comments += static_cast<std::int64_t>(r.thread->comments.size());
    }
    stats_.signalled += r.signalled;
    stats_.traps += r.trap ? 1 : 0;
    if (r.changed) ++stats_.changed;
    if (!stopping()) {
      for (auto& q : r.queued) push(q.url, {r.link_depth, std::move(q.etag), std::move(q.last_modified), r.link_hops});
      for (const Url& url : r.overflowed) host_of(url).overflow = true;
    }
    finished(event);
  }

  void robots_known(const std::string& origin, Robots robots) {
    Host& host = hosts_.at(origin);
    // Crawl-delay is not in RFC 9309, but a site that asks for more patience gets it.
    if (auto delay = robots.crawl_delay()) host.politeness.crawl_delay(*delay);
    frontier_.set_delay(origin, Frontier::Duration(host.politeness.asked()));
    host.robots = std::move(robots);
    host.robots_at = Clock::now();
    frontier_.release(origin);
  }

  // The end of one request's way through the pipeline.
  void finished(const FetchEvent& event) {
    --pending_;
    if (auto host = hosts_.find(url_origin(event.url)); host != hosts_.end()) host->second.held.erase(event.url);
    check_writer();
    if (options_.on_fetch) options_.on_fetch(event);
    stats_.last_url = event.url;
    stats_.bytes += static_cast<std::int64_t>(event.bytes);
    stats_.queued = static_cast<std::int64_t>(frontier_.queued());
    if (progress_) {
      stats_.hosts = static_cast<std::int64_t>(hosts_.size());
      stats_.hosts_waiting = std::count_if(hosts_.begin(), hosts_.end(), [](const auto& h) { return !h.second.robots; });
      stats_.hosts_slowed = std::count_if(hosts_.begin(), hosts_.end(), [](const auto& h) { return h.second.politeness.slowed(); });
      progress_(stats_);
    }
    pump();
  }

  // Archive errors end the crawl: continuing would lose data silently.
  void check_writer() {
    if (auto e = writer_->error(); e && !error_) {
      error_ = *e;
      fetcher_.cancel_all();
      for (const auto& timer : retry_timers_) timer->cancel();
    }
  }

  bool stopping() const { return error_.has_value() || cancelled_; }
  bool limit_reached() const { return options_.max_pages > 0 && started_ >= options_.max_pages; }

  void poll_stop() {
    stop_poll_.expires_after(std::chrono::milliseconds(100));
    stop_poll_.async_wait([this](boost::system::error_code ec) {
      if (ec) return;
      if (stop_.load() && !cancelled_) {
        cancelled_ = true;
        fetcher_.cancel_all();
        for (const auto& timer : retry_timers_) timer->cancel();
      }
      if (!finished_) poll_stop();
      finish_if_idle();
    });
  }

  // An update whose frontier ran dry looks, once, at the pages that a listing it fetched
  // showed before and shows no more (a removed thread answers 404; one moved to a later
  // listing page answers as before). Not at those a listing by activity pushed on to its
  // next page when threads came to its top (store(): keep_listed).
  void sweep_unlisted() {
    swept_ = true;
    ++refills_;  // the crawl waits for the answer as for a refill
    writer_->post([this](archive::Archive& a, bool failed) -> Status {
      std::vector<archive::Archive::QueuedPage> pages;
      const Status found = [&]() -> Status {
        if (failed) return ok();
        for (const std::string& origin : update_origins_) {
          auto urls = a.requeue_unlisted(origin, run_since_, unix_now());
          if (!urls) return urls.error();
          for (std::string& url : *urls) {
            auto last = a.last_capture(url);
            if (!last) return last.error();
            pages.push_back({std::move(url), 1, *last ? (*last)->etag : "", *last ? (*last)->last_modified : ""});
          }
        }
        return ok();
      }();
      asio::post(io_, [this, pages = std::move(pages)] {
        --refills_;
        for (const auto& page : pages) {
          auto url = Url::parse(page.url);
          if (!url || !scope_.in_scope(*url)) continue;
          filter_.mark(*url);
          ++stats_.signalled;
          push(*url, {page.depth, page.etag, page.last_modified});
        }
        check_writer();
        pump();
      });
      return found;
    });
  }

  // Done when nothing is in flight or on its way through workers and writer, and nothing
  // more will start.
  void finish_if_idle() {
    if (fetcher_.in_flight() > 0 || pending_ > 0 || !retry_timers_.empty() || refills_ > 0) return;
    const bool overflow =
        std::any_of(hosts_.begin(), hosts_.end(), [](const auto& h) { return waits_in_catalog(h.second); });
    if (!stopping() && !limit_reached() && (!frontier_.empty() || !robots_due_.empty() || overflow)) return;
    if (options_.update && !swept_ && !stopping() && !limit_reached()) return sweep_unlisted();
    finished_ = true;
    wake_.cancel();
    stop_poll_.cancel();
  }

  archive::Archive& archive_;
  const extract::Extractor& extractor_;
  const CrawlOptions& options_;
  Scope scope_;
  LinkFilter filter_;
  Copies copies_;  // pages already seen under another URL
  const std::function<void(const CrawlProgress&)>& progress_;
  const std::atomic<bool>& stop_;
  asio::io_context io_;
  Fetcher fetcher_;
  Frontier frontier_;
  asio::steady_timer wake_;       // fires when the frontier's next host may be fetched
  asio::steady_timer stop_poll_;  // checks `stop` (set from a signal handler thread)
  asio::thread_pool workers_;
  std::optional<CatalogWriter> writer_;
  std::size_t max_pending_;
  std::size_t pending_ = 0;       // responses handed to the workers, not yet back
  std::size_t pending_bytes_ = 0; // their bodies' bytes
  std::size_t refills_ = 0;       // window refills the writer has not answered
  const std::size_t window_ = std::max<std::size_t>(2, options_.frontier_window);
  std::map<std::string, Host> hosts_;
  std::deque<std::string> robots_due_;  // hosts whose robots.txt is to be fetched first
  std::map<std::string, int> attempts_;  // URL -> retries so far
  std::set<std::shared_ptr<asio::steady_timer>> retry_timers_;  // retries waiting
  std::minstd_rand random_{std::random_device{}()};  // retry jitter
  CrawlProgress stats_;
  std::int64_t started_ = 0;
  const std::int64_t started_at_ = unix_now();  // when the run began (an update's clock)
  std::int64_t run_since_ = started_at_;        // when the crawl began, in the run it resumes if any
  bool resuming_ = false;  // the crawl before this one, of the same start URLs, did not end
  bool swept_ = false;     // an update looked at the pages its listings no longer show
  std::set<std::string> update_origins_;  // the sites an update looks at (queue_due)
  // The threads' own feeds an update asked for and has not read yet, by URL (writer thread).
  struct OwnFeed {
    std::string origin, thread_id;
    std::int64_t since = 0;  // every page of the thread was read before this: later entries are new
  };
  std::map<std::string, OwnFeed> own_feeds_;
  bool cancelled_ = false;
  bool finished_ = false;
  std::optional<Error> error_;
};

}  // namespace

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
  Crawl c(archive, extractor, options, std::move(*scope), progress, stop);
  auto done = c.run();
  if (!done) return done;
  // Only once the crawl has stored what it fetched: an entry that moved to a later page
  // of its thread is seen there before anything is called gone. Pages read whole by the
  // interrupted runs it resumed count too.
  auto gone = archive.mark_missing_gone(c.since(), unix_now());
  if (!gone) return gone.error();
  done->gone = *gone;
  return done;
}

}  // namespace fora::crawler
