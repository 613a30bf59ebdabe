// Frontier: the URLs waiting to be fetched, one FIFO queue per host (origin), with per-host
// politeness: at most `per_host`
// requests in flight per host, and at least `delay` between the starts of two requests to
// one host; a host can be held (nothing popped) while its robots.txt is awaited. It does not
// de-duplicate: the crawl admits each URL once before it gets here (LinkFilter).
// The clock is passed in, so the policy is testable without sleeping. Not thread-safe: owned
// by the crawl's event loop.
#pragma once

#include <chrono>
#include <cstddef>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "fora/url/url.h"

namespace fora::crawler {

class Frontier {
 public:
  using Clock = std::chrono::steady_clock;
  using TimePoint = Clock::time_point;
  using Duration = std::chrono::duration<double>;  // seconds

  // `delay`: the default minimum spacing between request starts to one host; may be 0.
  // `per_host`: requests in flight to one host at most (at least 1).
  explicit Frontier(Duration delay, std::size_t per_host = 1);

  // Queues `url` at the back of its host's queue.
  void push(Url url);

  // The next URL to fetch at `now`: the front of the queue of a host that is not held, has
  // fewer than `per_host` requests in flight and whose delay has passed (the one waiting
  // longest when several are ready). Counts the request as in flight and records `now` as
  // the host's last start. nullopt when none is ready.
  std::optional<Url> pop_ready(TimePoint now);

  // When pop_ready() will next have something, if no done() comes first: the earliest time
  // an idle host with queued URLs becomes ready (may be <= now; TimePoint{} for a host never
  // contacted). nullopt when every host with queued URLs is busy or held, or nothing is queued.
  std::optional<TimePoint> next_ready_time() const;

  // A request to `origin` (url_origin of a popped URL) finished at `now`; the host may be
  // popped again once its delay since the last start has passed. Unknown origins are ignored.
  void done(std::string_view origin, TimePoint now);

  // While held, nothing of `origin` is popped (its URLs stay queued).
  void hold(std::string_view origin);
  void release(std::string_view origin);

  // Uses `delay` for `origin` instead of the default (e.g. a robots.txt Crawl-delay).
  void set_delay(std::string_view origin, Duration delay);
  // The delay that applies to `origin`.
  Duration delay(std::string_view origin) const;

  std::size_t queued() const { return queued_; }        // URLs waiting
  std::size_t in_flight() const { return in_flight_; }  // popped, not yet done()
  bool empty() const { return queued_ == 0 && in_flight_ == 0; }  // the crawl is finished

 private:
  struct Host {
    std::deque<Url> queue;
    std::size_t in_flight = 0;
    bool held = false;
    std::optional<TimePoint> last_start;
    std::optional<Duration> delay;  // overrides delay_ when set
  };
  TimePoint ready_at(const Host& host) const;

  bool poppable(const Host& host) const {
    return !host.held && host.in_flight < per_host_ && !host.queue.empty();
  }

  Duration delay_;
  std::size_t per_host_;
  std::map<std::string, Host, std::less<>> hosts_;
  std::size_t queued_ = 0;
  std::size_t in_flight_ = 0;
};

}  // namespace fora::crawler
