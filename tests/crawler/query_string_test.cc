// filter_query: query strings as pages write them ('&' and ';' both separate parameters).
#include <gtest/gtest.h>

#include "fora/url/query_string.h"

namespace fora {
namespace {

TEST(FilterQuery, KeepsOrderAndSeparatorsOfWhatStays) {
  auto drop_session = [](std::string_view key, std::string_view) { return key == "phpsessid" || key == "sid"; };
  EXPECT_EQ(filter_query("topic=5.0;PHPSESSID=04de;start=15", drop_session), "topic=5.0;start=15");
  EXPECT_EQ(filter_query("f=5&t=82202&sid=acc6", drop_session), "f=5&t=82202");
  EXPECT_EQ(filter_query("SID=1", drop_session), "");
  EXPECT_EQ(filter_query("a=1&&b=2", drop_session), "a=1&b=2");
  EXPECT_EQ(filter_query("", drop_session), "");
}

}  // namespace
}  // namespace fora
