// crawl(): the loop that ties fetch -> archive -> extract together. Everything runs on one
// thread: the io_context's. The Fetcher's callbacks, the pump and the timers all run there,
// so the state below needs no locks.
#include "fora/crawler/crawl.h"

#include <boost/algorithm/string/predicate.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <ctime>
#include <fmt/format.h>
#include <map>

#include "fora/crawler/fetcher.h"
#include "fora/crawler/frontier.h"
#include "fora/crawler/robots.h"
#include "fora/crawler/scope.h"
#include "fora/crawler/url.h"

namespace fora::crawler {
namespace {

using Clock = std::chrono::steady_clock;
namespace asio = boost::asio;

std::int64_t unix_now() { return static_cast<std::int64_t>(std::time(nullptr)); }

bool is_html(std::string_view content_type) {
  return boost::algorithm::istarts_with(content_type, "text/html") ||
         boost::algorithm::istarts_with(content_type, "application/xhtml");
}

bool is_xml(std::string_view content_type) {
  return content_type.find("xml") != std::string_view::npos;
}

FetcherOptions fetcher_options(const CrawlOptions& o) {
  FetcherOptions f;
  f.user_agent = o.user_agent;
  f.timeout_seconds = o.timeout_seconds;
  f.max_body_bytes = o.max_body_bytes;
  return f;
}

// Commit the catalog at least this often (responses, time), so a kill loses little and a
// resumed crawl fetches little again.
constexpr int kBatchResponses = 25;
constexpr std::chrono::milliseconds kBatchTime{250};
// At most this many requests in flight in all (politeness is per host, in the Frontier).
constexpr std::size_t kMaxInFlight = 8;

class Crawl {
 public:
  Crawl(archive::Archive& archive, const extract::Extractor& extractor, const CrawlOptions& options,
        Scope scope, const std::function<void(const CrawlProgress&)>& progress,
        const std::atomic<bool>& stop)
      : archive_(archive),
        extractor_(extractor),
        options_(options),
        scope_(std::move(scope)),
        progress_(progress),
        stop_(stop),
        fetcher_(io_, fetcher_options(options)),
        frontier_(std::chrono::duration<double>(options.delay_seconds)),
        wake_(io_),
        stop_poll_(io_) {}

  Result<CrawlProgress> run() {
    // The mark is durable before anything is fetched, so a kill at any instant leaves it set.
    std::string key;
    for (const auto& url : scope_.start_urls()) key += url + "\n";
    auto open = archive_.open_crawl();
    if (!open) return open.error();
    resuming_ = *open == key;
    FORA_TRY(archive_.set_open_crawl(key));
    FORA_TRY(archive_.begin_batch());
    if (resuming_) FORA_TRY(requeue_unfinished());
    for (const auto& url : scope_.start_urls()) FORA_TRY(enqueue(url));
    poll_stop();
    pump();
    io_.run();
    FORA_TRY(archive_.commit_batch());
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
  struct Host {
    std::optional<Robots> robots;  // empty until robots.txt was answered
    std::string robots_url;
  };

  // Adds an in-scope, non-trap URL to the frontier (and robots.txt before a new host's first).
  // Every URL the crawl queues or stores is spelled by normalize_url(), whoever found it (the
  // extractor's links, feeds, sitemaps, redirects), so one page is one row and session ids
  // are gone on every engine.
  Status enqueue(const std::string& found) {
    auto normalized = normalize_url(found);
    if (!normalized) return ok();
    const std::string& url = *normalized;
    if (!scope_.in_scope(url) || trap_reason(url)) return ok();
    if (resuming_) {
      // The interrupted crawl already fetched (or gave up on) this page and queued its links.
      auto state = archive_.page_state(url);
      if (!state) return state.error();
      if (*state && **state != archive::PageState::Queued) return ok();
    }
    const std::string origin = url_origin(url);
    auto [host, fresh] = hosts_.try_emplace(origin);
    if (fresh) {
      host->second.robots_url = url_scheme(url) + "://" + origin + "/robots.txt";
      frontier_.push(host->second.robots_url);
    }
    if (url == host->second.robots_url) return ok();
    if (frontier_.push(url)) {
      auto added = archive_.add_page(url, unix_now());
      if (!added) return added.error();
    }
    return ok();
  }

  // Queues again what an interrupted crawl had found but not fetched.
  Status requeue_unfinished() {
    auto queued = archive_.queued_pages();
    if (!queued) return queued.error();
    for (const std::string& url : *queued) {
      if (!scope_.in_scope(url)) continue;
      ++stats_.resumed;
      FORA_TRY(enqueue(url));
    }
    return ok();
  }

  // Starts every fetch the frontier allows now; arms the timer for the next one.
  void pump() {
    if (stopping()) return finish_if_idle();
    const auto now = Clock::now();
    while (fetcher_.in_flight() < kMaxInFlight && !limit_reached()) {
      auto url = frontier_.pop_ready(now);
      if (!url) break;
      start(*url);
    }
    stats_.queued = static_cast<std::int64_t>(frontier_.queued());
    if (auto next = frontier_.next_ready_time(); next && !limit_reached()) {
      wake_.expires_at(*next);
      wake_.async_wait([this](boost::system::error_code ec) {
        if (!ec) pump();
      });
    }
    finish_if_idle();
  }

  void start(const std::string& url) {
    const std::string origin = url_origin(url);
    Host& host = hosts_[origin];
    if (url != host.robots_url && host.robots && !host.robots->allowed(url_path_and_query(url))) {
      ++stats_.disallowed;
      record(archive_.set_page_state(url, archive::PageState::Skipped, "robots.txt", unix_now()));
      frontier_.done(origin, Clock::now());
      tell({url, 0, 0, 0, "disallowed by robots.txt"});
      return;
    }
    ++started_;
    const auto started = Clock::now();
    fetcher_.fetch(url, [this, url, origin, started](Result<archive::Response> r) {
      frontier_.done(origin, Clock::now());
      FetchEvent event{url, 0, 0, std::chrono::duration<double, std::milli>(Clock::now() - started).count(), {}};
      handle(url, origin, std::move(r), event);
      pump();
    });
  }

  void tell(const FetchEvent& event) {
    if (options_.on_fetch) options_.on_fetch(event);
  }

  void handle(const std::string& url, const std::string& origin, Result<archive::Response> r,
              FetchEvent& event) {
    Host& host = hosts_[origin];
    if (!r) {
      if (r.error().code == Errc::Cancelled) return;
      ++stats_.failed;
      if (url == host.robots_url) host.robots = Robots::disallow_all();
      record(archive_.set_page_state(url, archive::PageState::Failed, r.error().message, unix_now()));
      event.outcome = "error: " + r.error().message;
      tell(event);
      return report(url);
    }
    const archive::Response& response = *r;
    event.status = response.status;
    event.bytes = response.body.size();
    event.outcome = "stored";
    ++stats_.fetched;
    record(archive_.store_capture(response));
    record(archive_.set_page_state(url, archive::PageState::Fetched, std::to_string(response.status),
                                   unix_now()));
    if (response.status >= 400) ++stats_.failed;

    if (url == host.robots_url) {
      event.outcome = "robots.txt";
      host.robots = Robots::from_response(response.status, response.body, options_.user_agent);
      // Crawl-delay is not in RFC 9309, but a site that asks for more patience gets it.
      if (auto delay = host.robots->crawl_delay(); delay && *delay > options_.delay_seconds) {
        frontier_.set_delay(origin, Frontier::Duration(*delay));
      }
      for (const auto& sitemap : host.robots->sitemaps()) follow(url, sitemap);
    } else if (response.status >= 300 && response.status < 400) {
      event.outcome = "redirect";
      follow(url, archive::header_value(response.headers, "Location"));
    } else if (response.status == 200 && is_html(response.content_type)) {
      event.outcome = extract_page(response, origin);
    } else if (response.status == 200 && is_xml(response.content_type)) {
      event.outcome = "sitemap or feed";
      if (auto urls = extract::feed_or_sitemap_urls(response.body, url)) {
        for (const auto& u : *urls) follow(url, u);
      }
    }
    tell(event);
    if (++since_commit_ >= kBatchResponses || Clock::now() - last_commit_ >= kBatchTime) {
      since_commit_ = 0;
      last_commit_ = Clock::now();
      record(archive_.commit_batch());
      record(archive_.begin_batch());
    }
    report(url);
  }

  // Returns what the page was, for the fetch log.
  std::string extract_page(const archive::Response& response, const std::string& origin) {
    // Relative dates ("3 hours ago") are read against the server's clock when it sent one.
    const auto sent = extract::parse_timestamp(archive::header_value(response.headers, "Date"));
    auto page = extractor_.extract(response.body, response.url, response.content_type,
                                   sent.value_or(response.fetched_at));
    if (!page) return "not HTML";  // the capture is kept for a later extractor
    if (page->reader.empty()) ++stats_.unread;
    for (const auto& link : page->links) record(enqueue(link));
    for (const auto& feed : page->feeds) record(enqueue(feed));  // new threads, for updates
    if (!page->reply_links.empty()) record(archive_.store_reply_links(page->reply_links, response.fetched_at));
    if (page->thread) {
      ++stats_.threads;
      stats_.comments += static_cast<std::int64_t>(page->thread->comments.size());
      record(archive_.store_thread_page(origin, *page->thread, response.fetched_at));
      return "thread page (" + page->reader + ")";
    }
    return page->reader.empty() ? "no reader" : "page (" + page->reader + ")";
  }

  void follow(const std::string& base, std::string_view ref) {
    if (ref.empty()) return;
    if (auto url = resolve_url(base, ref)) record(enqueue(*url));
  }

  void report(const std::string& url) {
    stats_.last_url = url;
    stats_.queued = static_cast<std::int64_t>(frontier_.queued());
    if (progress_) progress_(stats_);
  }

  // Archive errors end the crawl: continuing would lose data silently.
  template <typename R>
  void record(const R& r) {
    if (!r && !error_) {
      error_ = r.error();
      fetcher_.cancel_all();
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
      }
      if (!finished_) poll_stop();
      finish_if_idle();
    });
  }

  void finish_if_idle() {
    if (fetcher_.in_flight() > 0) return;
    if (!stopping() && !limit_reached() && !frontier_.empty()) return;
    finished_ = true;
    wake_.cancel();
    stop_poll_.cancel();
  }

  archive::Archive& archive_;
  const extract::Extractor& extractor_;
  const CrawlOptions& options_;
  Scope scope_;
  const std::function<void(const CrawlProgress&)>& progress_;
  const std::atomic<bool>& stop_;
  asio::io_context io_;
  Fetcher fetcher_;
  Frontier frontier_;
  asio::steady_timer wake_;       // fires when the frontier's next host may be fetched
  asio::steady_timer stop_poll_;  // checks `stop` (set from a signal handler thread)
  std::map<std::string, Host> hosts_;
  CrawlProgress stats_;
  std::int64_t started_ = 0;
  int since_commit_ = 0;
  Clock::time_point last_commit_ = Clock::now();
  bool resuming_ = false;  // the crawl before this one, of the same start URLs, did not end
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
  std::vector<std::string> starts;
  for (const auto& u : options.start_urls) {
    auto n = normalize_url(u);
    if (!n) return n.error();
    starts.push_back(*n);
  }
  auto scope = Scope::from_start_urls(starts);
  if (!scope) return scope.error();
  Crawl c(archive, extractor, options, std::move(*scope), progress, stop);
  return c.run();
}

}  // namespace fora::crawler
