#include "fora/crawler/frontier.h"

#include <gtest/gtest.h>

namespace fora::crawler {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

// The frontier over spellings, for readable tests (it holds Url values).
void push(Frontier& f, std::string_view url) { f.push(*Url::parse(url)); }
std::optional<std::string> pop(Frontier& f, Frontier::TimePoint now) {
  auto url = f.pop_ready(now);
  return url ? std::optional<std::string>(url->str()) : std::nullopt;
}

class FrontierTest : public ::testing::Test {
 protected:
  Frontier::TimePoint t0 = Frontier::TimePoint{} + std::chrono::hours(1);
};

// De-duplication is the crawl's LinkFilter's: the frontier queues what it is given, so a
// retry can queue a URL again.
TEST_F(FrontierTest, QueuesWhatItIsGivenAgainToo) {
  Frontier f(seconds(0));
  push(f, "https://example.com/a");
  EXPECT_EQ(pop(f, t0), "https://example.com/a");
  f.done("example.com", t0);
  push(f, "https://example.com/a");
  EXPECT_EQ(f.queued(), 1u);
}

TEST_F(FrontierTest, IsFifoPerHost) {
  Frontier f(seconds(0));
  push(f, "https://example.com/1");
  push(f, "https://example.com/2");
  push(f, "https://example.com/3");
  for (const char* expected :
       {"https://example.com/1", "https://example.com/2", "https://example.com/3"}) {
    EXPECT_EQ(pop(f, t0), expected);
    f.done("example.com", t0);
  }
  EXPECT_EQ(pop(f, t0), std::nullopt);
  EXPECT_TRUE(f.empty());
}

TEST_F(FrontierTest, PerHostCapBoundsRequestsInFlight) {
  Frontier f(seconds(0), 2);
  for (const char* u : {"https://a.example/1", "https://a.example/2", "https://a.example/3"}) push(f, u);
  EXPECT_EQ(pop(f, t0), "https://a.example/1");
  EXPECT_EQ(pop(f, t0), "https://a.example/2");
  EXPECT_EQ(pop(f, t0), std::nullopt);  // two in flight: the cap
  EXPECT_EQ(f.in_flight(), 2u);
  f.done("a.example", t0);
  EXPECT_EQ(pop(f, t0), "https://a.example/3");
}

TEST_F(FrontierTest, PerHostCapStillSpacesStartsByTheDelay) {
  Frontier f(seconds(1), 4);
  push(f, "https://a.example/1");
  push(f, "https://a.example/2");
  EXPECT_EQ(pop(f, t0), "https://a.example/1");
  EXPECT_EQ(pop(f, t0 + milliseconds(500)), std::nullopt);
  EXPECT_EQ(pop(f, t0 + seconds(1)), "https://a.example/2");
}

TEST_F(FrontierTest, HeldHostIsNotPoppedUntilReleased) {
  Frontier f(seconds(0), 4);
  f.hold("a.example");
  push(f, "https://a.example/1");
  push(f, "https://b.example/1");
  EXPECT_EQ(pop(f, t0), "https://b.example/1");
  EXPECT_EQ(pop(f, t0), std::nullopt);
  EXPECT_EQ(f.next_ready_time(), std::nullopt);  // nothing will become ready by itself
  f.release("a.example");
  EXPECT_EQ(pop(f, t0), "https://a.example/1");
}

TEST_F(FrontierTest, AtMostOneRequestInFlightPerHost) {
  Frontier f(seconds(0));
  push(f, "https://example.com/1");
  push(f, "https://example.com/2");
  push(f, "http://127.0.0.1:8080/a");
  auto first = pop(f, t0);
  auto second = pop(f, t0);
  ASSERT_TRUE(first && second);
  EXPECT_NE(*first, *second);  // one per host
  EXPECT_EQ(pop(f, t0), std::nullopt);
  EXPECT_EQ(f.in_flight(), 2u);
  EXPECT_EQ(f.next_ready_time(), std::nullopt);  // the waiting host is busy
  f.done("example.com", t0);
  EXPECT_EQ(pop(f, t0), "https://example.com/2");
  EXPECT_FALSE(f.empty());
}

TEST_F(FrontierTest, SpacesRequestStartsToOneHostByTheDelay) {
  Frontier f(seconds(2));
  push(f, "https://example.com/1");
  push(f, "https://example.com/2");
  EXPECT_EQ(pop(f, t0), "https://example.com/1");
  f.done("example.com", t0 + milliseconds(500));
  EXPECT_EQ(pop(f, t0 + milliseconds(1999)), std::nullopt);
  EXPECT_EQ(f.next_ready_time(), t0 + seconds(2));  // counted from the start, not the end
  EXPECT_EQ(pop(f, t0 + seconds(2)), "https://example.com/2");
}

TEST_F(FrontierTest, OtherHostsAreNotHeldBackByOnesDelay) {
  Frontier f(seconds(10));
  push(f, "https://a.example/1");
  push(f, "https://a.example/2");
  push(f, "https://b.example/1");
  EXPECT_EQ(pop(f, t0), "https://a.example/1");
  f.done("a.example", t0);
  EXPECT_EQ(pop(f, t0 + seconds(1)), "https://b.example/1");
}

TEST_F(FrontierTest, NextReadyTimeIsNowForFreshHosts) {
  Frontier f(seconds(5));
  EXPECT_EQ(f.next_ready_time(), std::nullopt);
  push(f, "https://example.com/");
  ASSERT_TRUE(f.next_ready_time());
  EXPECT_LE(*f.next_ready_time(), t0);
}

TEST_F(FrontierTest, PerHostDelayOverridesTheDefault) {
  Frontier f(seconds(1));
  push(f, "https://slow.example/1");
  push(f, "https://slow.example/2");
  f.set_delay("slow.example", seconds(30));
  EXPECT_TRUE(pop(f, t0));
  f.done("slow.example", t0);
  EXPECT_EQ(pop(f, t0 + seconds(29)), std::nullopt);
  EXPECT_EQ(f.next_ready_time(), t0 + seconds(30));
  EXPECT_TRUE(pop(f, t0 + seconds(30)));
}

TEST_F(FrontierTest, ZeroDelayAllowsBackToBackRequests) {
  Frontier f(seconds(0));
  push(f, "https://example.com/1");
  push(f, "https://example.com/2");
  EXPECT_TRUE(pop(f, t0));
  f.done("example.com", t0);
  EXPECT_TRUE(pop(f, t0));
}

TEST_F(FrontierTest, CountsQueuedAndInFlight) {
  Frontier f(seconds(0));
  push(f, "https://example.com/1");
  push(f, "https://example.com/2");
  EXPECT_EQ(f.queued(), 2u);
  pop(f, t0);
  EXPECT_EQ(f.queued(), 1u);
  EXPECT_EQ(f.in_flight(), 1u);
  f.done("unknown.example", t0);  // ignored
  EXPECT_EQ(f.in_flight(), 1u);
  f.done("example.com", t0);
  f.done("example.com", t0);  // twice: harmless
  EXPECT_EQ(f.in_flight(), 0u);
}

}  // namespace
}  // namespace fora::crawler
