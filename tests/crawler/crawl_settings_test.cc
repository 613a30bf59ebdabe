// CrawlSettings: a site's crawl settings as the catalog keeps them. Its JSON reads back to
// the same settings, and the forms older fora wrote (tools/fora/crawl_run.cc before the
// crawler owned the format) still read, so archives crawled then keep updating.
#include <gtest/gtest.h>

#include "fora/crawler/crawl_settings.h"

namespace fora::crawler {
namespace {

CrawlSettings unusual() {
  CrawlSettings s;
  s.start_urls = {"https://forum.example/", "http://127.0.0.1:8080/blog/"};
  s.scope.kind = ScopeRules::Kind::Prefix;
  s.scope.include = {"/t/\\d+"};
  s.scope.exclude = {"\\?sort=", "/member/"};
  s.max_depth = 7;
  s.delay_seconds = 0.25;
  s.user_agent = "archivist/2 (+https://example.org/)";
  s.timeout_seconds = 45;
  s.connections = 3;
  s.per_host = 1;
  s.retries = 5;
  s.robots_max_age_seconds = 3600;
  s.revisit = {90, 14 * 86400};
  return s;
}

// Every setting of `a` (CrawlSettings, or the CrawlOptions made of them: the fields share
// their names) equals `b`'s.
template <class Settings>
void expect_same(const Settings& a, const CrawlSettings& b) {
  EXPECT_EQ(a.start_urls, b.start_urls);
  EXPECT_EQ(a.scope.kind, b.scope.kind);
  EXPECT_EQ(a.scope.include, b.scope.include);
  EXPECT_EQ(a.scope.exclude, b.scope.exclude);
  EXPECT_EQ(a.max_depth, b.max_depth);
  EXPECT_EQ(a.delay_seconds, b.delay_seconds);
  EXPECT_EQ(a.user_agent, b.user_agent);
  EXPECT_EQ(a.timeout_seconds, b.timeout_seconds);
  EXPECT_EQ(a.connections, b.connections);
  EXPECT_EQ(a.per_host, b.per_host);
  EXPECT_EQ(a.retries, b.retries);
  EXPECT_EQ(a.robots_max_age_seconds, b.robots_max_age_seconds);
  EXPECT_EQ(a.revisit.min_seconds, b.revisit.min_seconds);
  EXPECT_EQ(a.revisit.max_seconds, b.revisit.max_seconds);
}

TEST(CrawlSettings, JsonReadsBackTheSameSettings) {
  for (const CrawlSettings& s : {unusual(), CrawlSettings{}}) {
    auto back = CrawlSettings::from_json(s.to_json());
    ASSERT_TRUE(back) << back.error().message;
    expect_same(*back, s);
  }
}

// What `fora crawl --delay 0.5 --scope domain --exclude /login https://forum.example/` stored
// from the first update schema (commit 407091c) until the revisit bounds were added.
TEST(CrawlSettings, ReadsTheFormWithoutRevisitBounds) {
  auto s = CrawlSettings::from_json(
      R"({"connections":16,"delay":0.5,"exclude":["/login"],"include":[],"max_depth":0,"per_host":4,)"
      R"("retries":2,"robots_max_age":86400.0,"scope":"domain","start_urls":["https://forum.example/"],)"
      R"("timeout":30,"user_agent":"fora/0.1.0"})");
  ASSERT_TRUE(s) << s.error().message;
  EXPECT_EQ(s->start_urls, std::vector<std::string>{"https://forum.example/"});
  EXPECT_EQ(s->scope.kind, ScopeRules::Kind::Domain);
  EXPECT_EQ(s->scope.exclude, std::vector<std::string>{"/login"});
  EXPECT_EQ(s->delay_seconds, 0.5);
  EXPECT_EQ(s->user_agent, "fora/0.1.0");
  EXPECT_EQ(s->revisit.min_seconds, 6 * 3600) << "absent bounds take the defaults";
  EXPECT_EQ(s->revisit.max_seconds, 30 * 86400);
}

// The form with the bounds, as the user typed them (`--min-interval 1s --max-interval 2w`).
TEST(CrawlSettings, ReadsTheFormWithRevisitBoundsAsTyped) {
  auto s = CrawlSettings::from_json(
      R"({"connections":2,"delay":0.0,"exclude":[],"include":["/t/"],"max_depth":3,"max_interval":"2w",)"
      R"("min_interval":"1s","per_host":1,"retries":0,"robots_max_age":600.0,"scope":"prefix",)"
      R"("start_urls":["http://127.0.0.1:8080/forum/","http://127.0.0.1:8080/blog/"],"timeout":5,)"
      R"("user_agent":"fora/0.1.0"})");
  ASSERT_TRUE(s) << s.error().message;
  EXPECT_EQ(s->start_urls.size(), 2u);
  EXPECT_EQ(s->scope.kind, ScopeRules::Kind::Prefix);
  EXPECT_EQ(s->scope.include, std::vector<std::string>{"/t/"});
  EXPECT_EQ(s->max_depth, 3);
  EXPECT_EQ(s->timeout_seconds, 5);
  EXPECT_EQ(s->connections, 2u);
  EXPECT_EQ(s->per_host, 1u);
  EXPECT_EQ(s->retries, 0);
  EXPECT_EQ(s->robots_max_age_seconds, 600);
  EXPECT_EQ(s->revisit.min_seconds, 1);
  EXPECT_EQ(s->revisit.max_seconds, 14 * 86400);
}

TEST(CrawlSettings, WhatForaDidNotWriteIsCorrupt) {
  for (const char* bad : {"", "not json", "[1,2]", R"({"delay":"fast"})", R"({"start_urls":"http://a/"})",
                          R"({"scope":"planet"})", R"({"min_interval":"soon"})", R"({"max_interval":7})"}) {
    auto s = CrawlSettings::from_json(bad);
    ASSERT_FALSE(s) << bad;
    EXPECT_EQ(s.error().code, Errc::Corrupt) << bad;
    EXPECT_NE(s.error().message.find("crawl settings"), std::string::npos) << s.error().message;
  }
}

TEST(CrawlSettings, DurationsAreWrittenInTheLargestUnitThatDividesThem) {
  EXPECT_EQ(format_duration(6 * 3600), "6h");
  EXPECT_EQ(format_duration(30 * 86400), "30d");
  EXPECT_EQ(format_duration(90), "90s");
  EXPECT_EQ(format_duration(45 * 60), "45m");
  for (std::int64_t seconds : {1, 59, 60, 3601, 86400, 14 * 86400}) {
    auto back = parse_duration(format_duration(seconds));
    ASSERT_TRUE(back);
    EXPECT_EQ(*back, seconds);
  }
}

TEST(CrawlSettings, CrawlOptionsCarryEverySetting) {
  const CrawlSettings s = unusual();
  const CrawlOptions o = s.options();
  expect_same(o, s);
  EXPECT_FALSE(o.update);
}

}  // namespace
}  // namespace fora::crawler
