// The retry policy: what is asked again, and after how long.
#include "retry.h"

#include <gtest/gtest.h>

namespace fora::crawler::detail {
namespace {

TEST(Retry, OnlyWhatAnotherTryMayCure) {
  EXPECT_TRUE(is_retryable(500, false));
  EXPECT_TRUE(is_retryable(503, false));
  EXPECT_TRUE(is_retryable(429, false));
  EXPECT_TRUE(is_retryable(0, true));    // a timeout, a reset
  EXPECT_FALSE(is_retryable(0, false));  // a host that does not resolve
  EXPECT_FALSE(is_retryable(404, false));
  EXPECT_FALSE(is_retryable(200, false));
}

TEST(Retry, BacksOffExponentiallyWithJitterAndStops) {
  const RetryPolicy p{3, 1.0, 600};
  EXPECT_DOUBLE_EQ(*retry_wait(p, 1, 1.0, "", 0), 1.0);
  EXPECT_DOUBLE_EQ(*retry_wait(p, 2, 1.0, "", 0), 2.0);
  EXPECT_DOUBLE_EQ(*retry_wait(p, 3, 0.5, "", 0), 2.0);
  EXPECT_DOUBLE_EQ(*retry_wait(p, 3, 1.5, "", 0), 6.0);
  EXPECT_EQ(retry_wait(p, 4, 1.0, "", 0), std::nullopt);
  EXPECT_EQ(retry_wait({0, 1.0, 600}, 1, 1.0, "", 0), std::nullopt);  // --retries 0
}

TEST(Retry, RetryAfterIsAFloorAndACap) {
  const RetryPolicy p{2, 1.0, 600};
  EXPECT_DOUBLE_EQ(*retry_wait(p, 1, 1.0, "30", 0), 30.0);
  EXPECT_DOUBLE_EQ(*retry_wait(p, 2, 1.0, "0", 0), 2.0);      // never less than the backoff
  EXPECT_EQ(retry_wait(p, 1, 1.0, "3600", 0), std::nullopt);  // longer than we wait: give up
  // An HTTP date, read against now: Thu, 01 Jan 1970 00:02:00 GMT is 120 s after 0.
  EXPECT_DOUBLE_EQ(*retry_after_seconds("Thu, 01 Jan 1970 00:02:00 GMT", 0), 120.0);
  EXPECT_DOUBLE_EQ(*retry_after_seconds("Thu, 01 Jan 1970 00:02:00 GMT", 200), 0.0);  // past
  EXPECT_EQ(retry_after_seconds("soon", 0), std::nullopt);
  EXPECT_DOUBLE_EQ(*retry_wait(p, 1, 1.0, "soon", 0), 1.0);  // unreadable: the backoff alone
}

}  // namespace
}  // namespace fora::crawler::detail
