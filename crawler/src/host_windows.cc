#include "host_windows.h"

#include <algorithm>

namespace fora::crawler::detail {

HostWindows::HostWindows(std::size_t window, double delay, std::size_t per_host, LinkFilter& filter)
    : window_(std::max<std::size_t>(2, window)),
      delay_(delay),
      filter_(filter),
      frontier_(std::chrono::duration<double>(delay), per_host) {}

void HostWindows::push(const Url& url, ToFetch how) {
  CrawlHost& host = host_of(url);
  if (url == host.robots_url) return;
  if (host.in_memory.size() >= window_) {
    host.overflow = true;
    return;
  }
  if (host.in_memory.emplace(url.str(), std::move(how)).second) frontier_.push(url);
}

void HostWindows::take(std::vector<std::pair<Url, ToFetch>> urls, const std::vector<Url>& left_in_catalog) {
  for (auto& [url, how] : urls) push(url, std::move(how));
  for (const Url& url : left_in_catalog) host_of(url).overflow = true;
}

void HostWindows::page_read(const PageRead& page) {
  if (page.robots) robots_known(page.origin, *page.robots);
  if (page.robots_moved) robots_moved(page.origin, *page.robots_moved);
  if (page.html && !page.reader.empty()) hosts_.at(page.origin).reader = page.reader;
}

CrawlHost& HostWindows::host_of(const Url& url) {
  const std::string origin(url.origin());
  auto [it, fresh] = hosts_.try_emplace(origin, delay_);
  CrawlHost& host = it->second;
  if (fresh) {
    ask_robots_first(host, url);
    filter_.mark(*host.robots_url);
  }
  return host;
}

const ToFetch* HostWindows::in_memory(const std::string& origin, const std::string& url) const {
  const auto& urls = hosts_.at(origin).in_memory;
  const auto found = urls.find(url);
  return found == urls.end() ? nullptr : &found->second;
}

void HostWindows::ask_again_whole(const Url& url) {
  auto& urls = hosts_.at(std::string(url.origin())).in_memory;
  if (auto found = urls.find(url.str()); found != urls.end()) found->second.etag.clear(), found->second.last_modified.clear();
  frontier_.push(url);  // still in memory: the window counts it
}

void HostWindows::forget(const std::string& url) {
  if (auto host = hosts_.find(url_origin(url)); host != hosts_.end()) host->second.in_memory.erase(url);
}

void HostWindows::ask_robots_first(CrawlHost& host, const Url& url) {
  host.robots.reset();
  host.robots_hops = 0;
  host.robots_url = Url::resolve(url, "/robots.txt");
  frontier_.hold(url.origin());
  robots_due_.emplace_back(url.origin());
}

std::optional<std::string> HostWindows::next_robots_due() {
  if (robots_due_.empty()) return std::nullopt;
  std::string origin = std::move(robots_due_.front());
  robots_due_.pop_front();
  return origin;
}

void HostWindows::robots_known(const std::string& origin, Robots robots) {
  CrawlHost& host = hosts_.at(origin);
  // Crawl-delay is not in RFC 9309, but a site that asks for more patience gets it.
  if (auto delay = robots.crawl_delay()) host.politeness.crawl_delay(*delay);
  frontier_.set_delay(origin, Frontier::Duration(host.politeness.asked()));
  host.robots = std::move(robots);
  host.robots_at = Clock::now();
  frontier_.release(origin);
}

void HostWindows::robots_moved(const std::string& origin, const Url& url) {
  CrawlHost& host = hosts_.at(origin);
  if (++host.robots_hops <= 5) {
    host.robots_url = url;
    robots_due_.push_back(origin);
  } else {
    robots_known(origin, Robots::allow_all());
  }
}

HostWindows::Gate HostWindows::gate(const std::string& origin, const Url& url, double max_age_seconds) {
  CrawlHost& host = hosts_.at(origin);
  if (!host.robots) return Gate::Open;
  const double seconds = host.robots->is_unreachable() ? std::min(max_age_seconds, 300.0) : max_age_seconds;
  if (Clock::now() - host.robots_at > std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds))) {
    frontier_.done(origin, Clock::now());
    frontier_.push(url);
    ask_robots_first(host, url);
    return Gate::AskAgain;
  }
  if (host.robots->is_unreachable() || !host.robots->allowed(url.path_and_query())) {
    frontier_.done(origin, Clock::now());
    return host.robots->is_unreachable() ? Gate::Unreachable : Gate::Disallowed;
  }
  return Gate::Open;
}

void HostWindows::pace(const std::string& origin, double response_ms) {
  frontier_.set_delay(origin, Frontier::Duration(hosts_.at(origin).politeness.after_response(response_ms)));
}

void HostWindows::slow_down(const std::string& origin) {
  CrawlHost& host = hosts_.at(origin);
  host.politeness.slow_down();
  frontier_.set_delay(origin, Frontier::Duration(host.politeness.asked()));
}

std::vector<std::string> HostWindows::to_refill() const {
  std::vector<std::string> origins;
  for (const auto& [origin, host] : hosts_)
    if (waits_in_catalog(host) && !host.refilling && host.in_memory.size() < window_ / 2) origins.push_back(origin);
  return origins;
}

std::size_t HostWindows::start_refill(const std::string& origin) {
  CrawlHost& host = hosts_.at(origin);
  host.refilling = true;
  return window_ + host.in_memory.size();
}

bool HostWindows::any_waits_in_catalog() const {
  return std::any_of(hosts_.begin(), hosts_.end(), [](const auto& h) { return waits_in_catalog(h.second); });
}

std::int64_t HostWindows::waiting_for_robots() const {
  return std::count_if(hosts_.begin(), hosts_.end(), [](const auto& h) { return !h.second.robots; });
}

std::int64_t HostWindows::slowed() const {
  return std::count_if(hosts_.begin(), hosts_.end(), [](const auto& h) { return h.second.politeness.slowed(); });
}

}  // namespace fora::crawler::detail
