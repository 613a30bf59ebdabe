// RetryTimers: the fetch loop's retries under way (on the io thread, no locks): how many
// times each URL was asked, and the timers that ask it again (retry.h says when).
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <string_view>

#include "retry.h"

namespace fora::crawler::detail {

class RetryTimers {
 public:
  RetryTimers(boost::asio::io_context& io, RetryPolicy policy) : io_(io), policy_(policy) {}

  // The wait before `url` is asked again after an answer of `status` (0: a network error,
  // `transient` or not), with the answer's Retry-After (`retry_after`, read against `now`),
  // and which try that is; nullopt when it is not asked again.
  struct Retry {
    double seconds = 0;
    int attempt = 0;
    // For the fetch log: "retry 1 of 2 in 1.3 s: HTTP 503".
    std::string outcome(int retries, const std::string& answer) const;
  };
  std::optional<Retry> plan(const std::string& url, int status, bool transient, std::string_view retry_after,
                            std::int64_t now);
  // Calls `then` after `seconds` (with false when cancel_all() came first).
  void after(double seconds, std::function<void(bool fired)> then);
  // `url` got an answer that is not asked again: its tries are forgotten.
  void forget(const std::string& url) { attempts_.erase(url); }
  void cancel_all();
  bool waiting() const { return !timers_.empty(); }

 private:
  boost::asio::io_context& io_;
  const RetryPolicy policy_;
  std::map<std::string, int> attempts_;                                 // URL -> retries so far
  std::set<std::shared_ptr<boost::asio::steady_timer>> timers_;        // retries waiting
  std::minstd_rand random_{std::random_device{}()};                    // jitter
};

}  // namespace fora::crawler::detail
