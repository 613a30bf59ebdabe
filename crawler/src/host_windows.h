// HostWindows: the fetch loop's view of the hosts it crawls (on the io thread, no locks):
// the frontier, and for each host its robots.txt, its window of URLs in memory (the rest wait
// in the catalog until the window has room) and the spacing of its requests. A host's first
// URL holds the host until its robots.txt, fetched first, is answered.
#pragma once

#include <chrono>
#include <cstddef>
#include <deque>
#include <map>
#include <optional>
#include <string>

#include "crawl_host.h"
#include "fora/crawler/frontier.h"
#include "fora/crawler/robots.h"
#include "fora/url/url.h"
#include "link_filter.h"
#include "page_work.h"

namespace fora::crawler::detail {

class HostWindows {
 public:
  using Clock = std::chrono::steady_clock;

  // `window`: URLs of one host in memory; `delay`, `per_host`: the politeness of each host
  // until its robots.txt or its answers say otherwise.
  HostWindows(std::size_t window, double delay, std::size_t per_host, LinkFilter& filter);

  std::size_t window() const { return window_; }
  Frontier& frontier() { return frontier_; }
  const Frontier& frontier() const { return frontier_; }

  // Puts an admitted URL in the frontier, or leaves it in the catalog when its host's window
  // is full.
  void push(const Url& url, ToFetch how);
  // Pushes `urls`, and notes that the hosts of `left_in_catalog` have more in the catalog.
  void take(std::vector<std::pair<Url, ToFetch>> urls, const std::vector<Url>& left_in_catalog);
  // What a worker read of a page of the host: its robots.txt (or where that moved), its reader.
  void page_read(const PageRead& page);
  // The host of `url`; a new one is held until its robots.txt, which is fetched first.
  CrawlHost& host_of(const Url& url);
  CrawlHost& at(const std::string& origin) { return hosts_.at(origin); }
  const CrawlHost& at(const std::string& origin) const { return hosts_.at(origin); }
  // What the loop knows of `url`, a URL of `origin` in memory (nullptr when it is not).
  const ToFetch* in_memory(const std::string& origin, const std::string& url) const;
  // `url`, in memory, is asked for again without validators (its stored copy is damaged).
  void ask_again_whole(const Url& url);
  // `url`'s way through the pipeline ended: it leaves its host's window.
  void forget(const std::string& url);

  // Holds the host of `url` until its robots.txt, at its usual place, is read (again).
  void ask_robots_first(CrawlHost& host, const Url& url);
  // The next host whose robots.txt is to be fetched, if any.
  std::optional<std::string> next_robots_due();
  void robots_again(const std::string& origin, bool first) {
    first ? robots_due_.push_front(origin) : robots_due_.push_back(origin);
  }
  bool robots_pending() const { return !robots_due_.empty(); }
  // robots.txt of `origin` was read (or found unreachable): its rules and Crawl-delay apply,
  // and the host is released.
  void robots_known(const std::string& origin, Robots robots);
  // robots.txt of `origin` redirected to `url`: asked for there (RFC 9309: up to five
  // redirects are followed; past them robots.txt is unavailable, and everything allowed).
  void robots_moved(const std::string& origin, const Url& url);
  // What robots.txt says of fetching `url` of `origin` now, a URL popped from the frontier
  // (which counts it done but for Open).
  enum class Gate {
    Open,        // fetch it
    AskAgain,    // robots.txt is past its age limit (`max_age_seconds`; at most 5 minutes when
                 // it could not be reached): the host waits, `url` queued, while it is read again
    Unreachable, // robots.txt cannot be reached: nothing is fetched, nothing refused (RFC 9309 §2.3.1.4)
    Disallowed,  // refused
  };
  Gate gate(const std::string& origin, const Url& url, double max_age_seconds);

  // The host's spacing after a response that took `response_ms` (Politeness), or after a 429
  // or 503 (slow_down).
  void pace(const std::string& origin, double response_ms);
  void slow_down(const std::string& origin);

  // Whether the host has URLs in the catalog to read into its window. Not while its
  // robots.txt is unreachable: those would only be read back and left queued again.
  static bool waits_in_catalog(const CrawlHost& host) {
    return host.overflow && !(host.robots && host.robots->is_unreachable());
  }
  // The hosts whose windows are to be refilled from the catalog now.
  std::vector<std::string> to_refill() const;
  // A refill of `origin` starts: returns how many URLs to ask the catalog for (those in
  // memory come first, so they are asked for too).
  std::size_t start_refill(const std::string& origin);
  // A refill of `origin` asked for `want` URLs and got `pages`: they join its window.
  template <typename Pages>
  void refilled(const std::string& origin, std::size_t want, const Pages& pages);
  bool any_waits_in_catalog() const;

  std::size_t count() const { return hosts_.size(); }
  std::int64_t waiting_for_robots() const;
  std::int64_t slowed() const;

 private:
  const std::size_t window_;
  const double delay_;
  LinkFilter& filter_;
  Frontier frontier_;
  std::map<std::string, CrawlHost> hosts_;
  std::deque<std::string> robots_due_;  // hosts whose robots.txt is to be fetched first
};

template <typename Pages>
void HostWindows::refilled(const std::string& origin, std::size_t want, const Pages& pages) {
  CrawlHost& host = hosts_.at(origin);
  host.refilling = false;
  host.overflow = false;
  for (const auto& page : pages) {
    if (host.in_memory.count(page.url)) continue;
    auto url = Url::parse(page.url);
    if (!url) continue;
    if (host.in_memory.size() >= window_) {
      host.overflow = true;
      break;
    }
    filter_.mark(*url);  // found again as a link, it is not queued twice
    host.in_memory.emplace(page.url, ToFetch{page.depth, page.etag, page.last_modified, page.hops});
    frontier_.push(std::move(*url));
  }
  if (pages.size() >= want) host.overflow = true;
}

}  // namespace fora::crawler::detail
