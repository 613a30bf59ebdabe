#include "fora/crawler/scope.h"

#include <gtest/gtest.h>

namespace fora::crawler {
namespace {

TEST(Scope, AcceptsTheStartHostsOnly) {
  auto scope = Scope::from_start_urls({"https://example.com/", "http://127.0.0.1:8080/blog/"});
  ASSERT_TRUE(scope) << scope.error().message;
  EXPECT_TRUE(scope->in_scope("https://example.com/2022/12/16/soyuz/"));
  EXPECT_TRUE(scope->in_scope("HTTPS://EXAMPLE.com:443/x"));
  EXPECT_TRUE(scope->in_scope("http://127.0.0.1:8080/other/"));  // the whole host, not the path
  EXPECT_FALSE(scope->in_scope("http://example.com/"));          // other scheme
  EXPECT_FALSE(scope->in_scope("https://www.example.com/"));     // other host
  EXPECT_FALSE(scope->in_scope("http://127.0.0.1:8081/"));       // other port
  EXPECT_FALSE(scope->in_scope("mailto:x@example.com"));
  EXPECT_FALSE(scope->in_scope("not a url"));
}

TEST(Scope, NormalizesAndDeduplicatesStartUrls) {
  auto scope = Scope::from_start_urls({"HTTP://Example.com", "http://example.com:80/"});
  ASSERT_TRUE(scope);
  EXPECT_EQ(scope->start_urls(), std::vector<std::string>{"http://example.com/"});
}

TEST(Scope, RejectsABadStartUrl) {
  auto scope = Scope::from_start_urls({"https://example.com/", "example.org"});
  ASSERT_FALSE(scope);
  EXPECT_EQ(scope.error().code, Errc::InvalidArgument);
  EXPECT_NE(scope.error().message.find("example.org"), std::string::npos);
}

TEST(Scope, RejectsNoStartUrl) {
  auto scope = Scope::from_start_urls({});
  ASSERT_FALSE(scope);
  EXPECT_EQ(scope.error().code, Errc::InvalidArgument);
}

}  // namespace
}  // namespace fora::crawler
