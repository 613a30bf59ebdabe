#include "fora/crawler/frontier.h"

#include "fora/url/url.h"

namespace fora::crawler {

Frontier::Frontier(Duration delay, std::size_t per_host)
    : delay_(delay), per_host_(per_host < 1 ? 1 : per_host) {}

void Frontier::push(Url url) {
  std::string origin(url.origin());
  hosts_[std::move(origin)].queue.push_back(std::move(url));
  ++queued_;
}

Frontier::TimePoint Frontier::ready_at(const Host& host) const {
  if (!host.last_start) return TimePoint{};  // never contacted: ready at once
  return *host.last_start +
         std::chrono::duration_cast<Clock::duration>(host.delay.value_or(delay_));
}

std::optional<Url> Frontier::pop_ready(TimePoint now) {
  Host* best = nullptr;
  TimePoint best_at{};
  for (auto& [origin, host] : hosts_) {
    if (!poppable(host)) continue;
    const TimePoint at = ready_at(host);
    if (at > now) continue;
    if (best == nullptr || at < best_at) {
      best = &host;
      best_at = at;
    }
  }
  if (best == nullptr) return std::nullopt;
  Url url = std::move(best->queue.front());
  best->queue.pop_front();
  ++best->in_flight;
  best->last_start = now;
  --queued_;
  ++in_flight_;
  return url;
}

std::optional<Frontier::TimePoint> Frontier::next_ready_time() const {
  std::optional<TimePoint> earliest;
  for (const auto& [origin, host] : hosts_) {
    if (!poppable(host)) continue;
    const TimePoint at = ready_at(host);
    if (!earliest || at < *earliest) earliest = at;
  }
  return earliest;
}

void Frontier::done(std::string_view origin, TimePoint /*now: spacing counts from starts*/) {
  auto it = hosts_.find(origin);
  if (it == hosts_.end() || it->second.in_flight == 0) return;
  --it->second.in_flight;
  --in_flight_;
}

void Frontier::hold(std::string_view origin) { hosts_[std::string(origin)].held = true; }

void Frontier::release(std::string_view origin) {
  auto it = hosts_.find(origin);
  if (it != hosts_.end()) it->second.held = false;
}

void Frontier::set_delay(std::string_view origin, Duration delay) {
  hosts_[std::string(origin)].delay = delay;
}

Frontier::Duration Frontier::delay(std::string_view origin) const {
  auto it = hosts_.find(origin);
  return it == hosts_.end() ? delay_ : it->second.delay.value_or(delay_);
}

}  // namespace fora::crawler
