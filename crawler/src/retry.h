// The crawl's retry policy, apart from the event loop so that it can be tested without a
// server: which answers are asked for again, and after how long.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace fora::crawler::detail {

struct RetryPolicy {
  int retries = 2;                        // more tries after the first
  double base_seconds = 1.0;              // the first wait; each next one doubles
  double max_retry_after_seconds = 600;   // a longer Retry-After gives the page up at once
};

// Whether an answer may be cured by asking again: a transient network error (timeout,
// reset, truncated body), a 5xx, or a 429.
bool is_retryable(int status, bool transient_error);

// The wait before try `attempt` (1 for the first retry): base × 2^(attempt-1) × `jitter`
// (the caller draws it from [0.5, 1.5]), and never less than `retry_after` (the header's
// text, seconds or an HTTP date, read against `now`). nullopt when the retries are spent
// or Retry-After asks for longer than the policy waits.
std::optional<double> retry_wait(const RetryPolicy& policy, int attempt, double jitter,
                                 std::string_view retry_after, std::int64_t now);

// Retry-After as seconds ("120") or an HTTP date, from `now`; nullopt when absent or
// unreadable.
std::optional<double> retry_after_seconds(std::string_view value, std::int64_t now);

}  // namespace fora::crawler::detail
