// Politeness: the spacing of one host's requests, from --delay, Crawl-delay, 429/503 and the
// host's response times.
#include <gtest/gtest.h>

#include "crawl_host.h"

namespace fora::crawler::detail {
namespace {

TEST(Politeness, TheSlowerOfWhatTheHostAskedAndFiveTimesItsResponseTime) {
  Politeness p(1.0);
  EXPECT_DOUBLE_EQ(p.after_response(50), 1.0);     // fast: the asked second
  EXPECT_DOUBLE_EQ(p.after_response(400), 2.0);    // 5 x 0.4 s
  EXPECT_DOUBLE_EQ(p.after_response(60000), 30.0); // at most 30 s
  p.crawl_delay(0.5);                              // less than --delay: no change
  EXPECT_DOUBLE_EQ(p.asked(), 1.0);
  p.crawl_delay(4);
  EXPECT_DOUBLE_EQ(p.after_response(50), 4.0);
}

TEST(Politeness, A429DoublesTheSpacingWithinBounds) {
  Politeness off(0);  // --delay 0: politeness off, response times ignored
  EXPECT_DOUBLE_EQ(off.after_response(5000), 0.0);
  EXPECT_FALSE(off.slowed());
  off.slow_down();
  EXPECT_TRUE(off.slowed());
  EXPECT_DOUBLE_EQ(off.after_response(5000), 1.0);  // at least 1 s
  off.slow_down();
  EXPECT_DOUBLE_EQ(off.asked(), 2.0);
  for (int i = 0; i < 10; ++i) off.slow_down();
  EXPECT_DOUBLE_EQ(off.asked(), 60.0);  // at most 60 s
}

}  // namespace
}  // namespace fora::crawler::detail
