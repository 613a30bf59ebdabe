#include "retry.h"

#include <algorithm>
#include <cstdlib>
#include <string>

#include "fora/archive/http_date.h"

namespace fora::crawler::detail {

bool is_retryable(int status, bool transient_error) {
  return status == 0 ? transient_error : status >= 500 || status == 429;
}

std::optional<double> retry_after_seconds(std::string_view value, std::int64_t now) {
  if (value.empty()) return std::nullopt;
  const std::string text(value);
  char* end = nullptr;
  const double seconds = std::strtod(text.c_str(), &end);
  if (end != text.c_str() && *end == '\0') return std::max(0.0, seconds);
  if (auto when = archive::parse_http_date(text, now)) return std::max<double>(0.0, static_cast<double>(*when - now));
  return std::nullopt;
}

std::optional<double> retry_wait(const RetryPolicy& policy, int attempt, double jitter,
                                 std::string_view retry_after, std::int64_t now) {
  if (attempt < 1 || attempt > policy.retries) return std::nullopt;
  double wait = policy.base_seconds * static_cast<double>(1 << std::min(attempt - 1, 20)) * jitter;
  if (auto after = retry_after_seconds(retry_after, now)) {
    if (*after > policy.max_retry_after_seconds) return std::nullopt;
    wait = std::max(wait, *after);
  }
  return wait;
}

}  // namespace fora::crawler::detail
