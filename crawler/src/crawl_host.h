// What a crawl keeps for each host (origin): its robots.txt, its window of URLs in memory,
// and the spacing of its requests. Owned by the crawl's event loop; no locks.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <unordered_map>

#include "fora/crawler/robots.h"
#include "fora/url/url.h"

namespace fora::crawler::detail {

// How far apart to start requests to one host, in seconds: the spacing the host asked for
// (--delay, raised by its robots.txt Crawl-delay and by 429/503 answers), or, as Heritrix
// does it, five times its last response time when that is more (a slow host is loaded less).
// With --delay 0 politeness is off, and only a 429/503 spaces requests.
class Politeness {
 public:
  explicit Politeness(double delay) : polite_(delay > 0), asked_(delay) {}

  // robots.txt asked for `seconds` between requests (more than --delay counts).
  void crawl_delay(double seconds) { asked_ = std::max(asked_, seconds); }
  // A 429 or 503: twice the spacing from now on (1 s at least, 60 s at most).
  void slow_down() {
    asked_ = std::max(asked_, std::min(std::max(2 * asked_, 1.0), 60.0));
    slowed_ = true;
  }
  // The spacing after a response that took `response_ms`.
  double after_response(double response_ms) const {
    return polite_ ? std::max(asked_, std::min(5 * response_ms / 1000, 30.0)) : asked_;
  }
  double asked() const { return asked_; }
  bool slowed() const { return slowed_; }

 private:
  bool polite_;
  double asked_;
  bool slowed_ = false;
};

// What the loop knows of a URL it is to fetch: how deep it was found, the validators of its
// stored copy (a refresh asks with them: If-None-Match, If-Modified-Since), and how many
// redirects in a row led to it.
struct ToFetch {
  int depth = 0;
  std::string etag, last_modified;
  int hops = 0;
};

struct CrawlHost {
  explicit CrawlHost(double delay) : politeness(delay) {}

  std::optional<Robots> robots;  // empty until robots.txt was answered
  std::chrono::steady_clock::time_point robots_at;  // when it was
  std::optional<Url> robots_url; // where robots.txt is asked for (moves with its redirects)
  int robots_hops = 0;           // redirects of robots.txt followed
  std::string reader;            // the reader of the host's last page
  // The host's URLs in memory: queued in the frontier or on their way through the
  // pipeline. At most the crawl's window; the rest wait in the catalog (state 'queued')
  // until the window has room (overflow), so a frontier of millions of URLs costs little.
  std::unordered_map<std::string, ToFetch> in_memory;
  bool overflow = false;   // queued URLs of this host wait in the catalog
  bool refilling = false;  // the writer is reading some of them
  Politeness politeness;
};

}  // namespace fora::crawler::detail
