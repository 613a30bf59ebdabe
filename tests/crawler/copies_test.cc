// Copies: a payload is a copy once another URL answered it; the same URL again is not.
#include <gtest/gtest.h>

#include <string>

#include "copies.h"

namespace fora::crawler::detail {
namespace {

// A stand-in for a SHA-256: 32 bytes that differ from the first on.
std::string digest(int n) {
  std::string d(32, '\x5a');
  for (int i = 0; i < 4; ++i) d[i] = static_cast<char>((n >> (8 * i)) & 0xff);
  return d;
}

TEST(Copies, ASecondUrlWithTheSameBytesIsACopy) {
  Copies copies;
  EXPECT_FALSE(copies.seen_elsewhere("http://h/x/", digest(7)));
  EXPECT_FALSE(copies.seen_elsewhere("http://h/x/", digest(7)));  // the same address again
  EXPECT_TRUE(copies.seen_elsewhere("http://h/x/a/", digest(7)));
  EXPECT_TRUE(copies.seen_elsewhere("http://h/x/a/b/", digest(7)));
  EXPECT_FALSE(copies.seen_elsewhere("http://h/y/", digest(8)));  // other bytes
}

// The table grows as pages come (a crawl of a million pages) and forgets none.
TEST(Copies, RemembersEveryPayloadAsTheTableGrows) {
  Copies copies;
  for (int i = 0; i < 50000; ++i)
    ASSERT_FALSE(copies.seen_elsewhere("http://h/p" + std::to_string(i), digest(i))) << i;
  for (int i = 0; i < 50000; ++i) {
    ASSERT_FALSE(copies.seen_elsewhere("http://h/p" + std::to_string(i), digest(i))) << i;
    ASSERT_TRUE(copies.seen_elsewhere("http://h/q" + std::to_string(i), digest(i))) << i;
  }
}

}  // namespace
}  // namespace fora::crawler::detail
