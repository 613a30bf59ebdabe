#include "fora/crawler/scope.h"

#include <gtest/gtest.h>

namespace fora::crawler {
namespace {

// Whether the text, read as a URL, is in scope; text that is no URL is not.
bool in(const Scope& scope, std::string_view text) {
  auto url = Url::parse(text);
  return url && scope.in_scope(*url);
}

TEST(Scope, AcceptsTheStartHostsOnly) {
  auto scope = Scope::from_start_urls({"https://example.com/", "http://127.0.0.1:8080/blog/"});
  ASSERT_TRUE(scope) << scope.error().message;
  EXPECT_TRUE(in(*scope, "https://example.com/2022/12/16/soyuz/"));
  EXPECT_TRUE(in(*scope, "HTTPS://EXAMPLE.com:443/x"));
  EXPECT_TRUE(in(*scope, "http://127.0.0.1:8080/other/"));  // the whole host, not the path
  EXPECT_FALSE(in(*scope, "http://example.com/"));          // other scheme
  EXPECT_FALSE(in(*scope, "https://www.example.com/"));     // other host
  EXPECT_FALSE(in(*scope, "http://127.0.0.1:8081/"));       // other port
  EXPECT_FALSE(in(*scope, "mailto:x@example.com"));
  EXPECT_FALSE(in(*scope, "not a url"));
}

TEST(Scope, DomainTakesInTheHostsUnderTheStartHost) {
  ScopeRules rules;
  rules.kind = ScopeRules::Kind::Domain;
  auto scope = Scope::from_start_urls({"https://www.example.com/"}, rules);
  ASSERT_TRUE(scope);
  EXPECT_TRUE(in(*scope, "https://example.com/a"));
  EXPECT_TRUE(in(*scope, "http://forum.example.com:8080/t/1"));
  EXPECT_TRUE(in(*scope, "https://www.example.com/"));
  EXPECT_FALSE(in(*scope, "https://notexample.com/"));
  EXPECT_FALSE(in(*scope, "https://example.com.evil.org/"));
}

TEST(Scope, PrefixTakesInTheStartFolder) {
  ScopeRules rules;
  rules.kind = ScopeRules::Kind::Prefix;
  auto scope = Scope::from_start_urls({"http://127.0.0.1:8080/forum/index.php?x=1"}, rules);
  ASSERT_TRUE(scope);
  EXPECT_TRUE(in(*scope, "http://127.0.0.1:8080/forum/"));
  EXPECT_TRUE(in(*scope, "http://127.0.0.1:8080/forum/t/1?page=2"));
  EXPECT_FALSE(in(*scope, "http://127.0.0.1:8080/forums/"));
  EXPECT_FALSE(in(*scope, "http://127.0.0.1:8080/blog/"));
  EXPECT_FALSE(in(*scope, "https://127.0.0.1:8080/forum/"));
}

TEST(Scope, IncludeAndExcludePatterns) {
  ScopeRules rules;
  rules.include = {"/t/", "/forum/?$"};
  rules.exclude = {"[?&]sort="};
  auto scope = Scope::from_start_urls({"https://example.com/forum/"}, rules);
  ASSERT_TRUE(scope);
  EXPECT_TRUE(in(*scope, "https://example.com/t/5"));
  EXPECT_TRUE(in(*scope, "https://example.com/forum/"));
  EXPECT_FALSE(in(*scope, "https://example.com/u/5"));
  EXPECT_FALSE(in(*scope, "https://example.com/t/5?sort=new"));
  EXPECT_FALSE(in(*scope, "https://other.example/t/5"));  // the host still counts

  rules.exclude = {"("};
  auto bad = Scope::from_start_urls({"https://example.com/"}, rules);
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("--exclude '('"), std::string::npos) << bad.error().message;
}

TEST(Scope, NormalizesAndDeduplicatesStartUrls) {
  auto scope = Scope::from_start_urls({"HTTP://Example.com", "http://example.com:80/"});
  ASSERT_TRUE(scope);
  ASSERT_EQ(scope->start_urls().size(), 1u);
  EXPECT_EQ(scope->start_urls()[0].str(), "http://example.com/");
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
