// Copies: a payload is a copy once another URL answered it; the same URL again is not.
#include <gtest/gtest.h>

#include <string>

#include "copies.h"

namespace fora::crawler::detail {
namespace {

TEST(Copies, ASecondUrlWithTheSameBytesIsACopy) {
  Copies copies;
  const std::string page = "<html><body>not found <a href='a/'>a</a></body></html>";
  EXPECT_FALSE(copies.seen_elsewhere("http://h/x/", page));
  EXPECT_FALSE(copies.seen_elsewhere("http://h/x/", page));  // the same address again
  EXPECT_TRUE(copies.seen_elsewhere("http://h/x/a/", page));
  EXPECT_TRUE(copies.seen_elsewhere("http://h/x/a/b/", page));
  EXPECT_FALSE(copies.seen_elsewhere("http://h/y/", page + " "));  // one byte differs
}

}  // namespace
}  // namespace fora::crawler::detail
