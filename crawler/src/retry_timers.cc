#include "retry_timers.h"

#include <fmt/format.h>

#include <chrono>

namespace fora::crawler::detail {

std::optional<RetryTimers::Retry> RetryTimers::plan(const std::string& url, int status, bool transient,
                                                    std::string_view retry_after, std::int64_t now) {
  if (!is_retryable(status, transient)) return std::nullopt;
  const int tries = attempts_[url] + 1;
  std::uniform_real_distribution<double> jitter(0.5, 1.5);
  const auto wait = retry_wait(policy_, tries, jitter(random_), retry_after, now);
  if (!wait) return std::nullopt;
  attempts_[url] = tries;
  return Retry{*wait, tries};
}

std::string RetryTimers::Retry::outcome(int retries, const std::string& answer) const {
  return fmt::format("retry {} of {} in {:.1f} s: {}", attempt, retries, seconds, answer);
}

void RetryTimers::after(double seconds, std::function<void(bool fired)> then) {
  using Clock = std::chrono::steady_clock;
  auto timer = std::make_shared<boost::asio::steady_timer>(
      io_, std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds)));
  timers_.insert(timer);
  timer->async_wait([this, timer, then = std::move(then)](boost::system::error_code ec) {
    timers_.erase(timer);
    then(!ec);
  });
}

void RetryTimers::cancel_all() {
  for (const auto& timer : timers_) timer->cancel();
}

}  // namespace fora::crawler::detail
