#include "fora/crawler/crawl_settings.h"

#include <nlohmann/json.hpp>

#include "fora/version.h"

namespace fora::crawler {
namespace {

struct ScopeName {
  ScopeRules::Kind kind;
  std::string_view name;
};
constexpr ScopeName kScopeNames[] = {
    {ScopeRules::Kind::Host, "host"}, {ScopeRules::Kind::Domain, "domain"}, {ScopeRules::Kind::Prefix, "prefix"}};

// Bad JSON for a settings value: the catalog holds something fora did not write.
Error corrupt(const std::string& what) {
  return make_error(Errc::Corrupt, "a site's crawl settings in the catalog do not read: " + what,
                    "crawl the site again with `fora crawl URL`: that records them anew");
}

}  // namespace

std::string CrawlSettings::default_user_agent() { return "fora/" FORA_VERSION; }

std::string_view scope_kind_name(ScopeRules::Kind kind) {
  for (const ScopeName& s : kScopeNames)
    if (s.kind == kind) return s.name;
  return "host";
}

Result<ScopeRules::Kind> scope_kind_from_name(std::string_view name) {
  for (const ScopeName& s : kScopeNames)
    if (s.name == name) return s.kind;
  return make_error(Errc::InvalidArgument, "not a scope: " + std::string(name), "host, domain or prefix");
}

std::string format_duration(std::int64_t seconds) {
  struct Unit {
    std::int64_t seconds;
    char name;
  };
  // Weeks are left out: "30d" reads better than "4w2d" would, and 14 days as "2w" is no clearer.
  for (const Unit u : {Unit{86400, 'd'}, Unit{3600, 'h'}, Unit{60, 'm'}})
    if (seconds > 0 && seconds % u.seconds == 0) return std::to_string(seconds / u.seconds) + u.name;
  return std::to_string(seconds) + "s";
}

std::string CrawlSettings::to_json() const {
  const nlohmann::json j = {{"start_urls", start_urls},
                            {"scope", scope_kind_name(scope.kind)},
                            {"include", scope.include},
                            {"exclude", scope.exclude},
                            {"max_depth", max_depth},
                            {"delay", delay_seconds},
                            {"user_agent", user_agent},
                            {"timeout", timeout_seconds},
                            {"connections", connections},
                            {"per_host", per_host},
                            {"retries", retries},
                            {"robots_max_age", robots_max_age_seconds},
                            {"min_interval", format_duration(revisit.min_seconds)},
                            {"max_interval", format_duration(revisit.max_seconds)}};
  return j.dump();
}

Result<CrawlSettings> CrawlSettings::from_json(std::string_view json) {
  CrawlSettings s;
  std::string scope, min_interval, max_interval;
  try {
    const nlohmann::json j = nlohmann::json::parse(json);
    if (!j.is_object()) return corrupt("not a JSON object");
    s.start_urls = j.value("start_urls", s.start_urls);
    scope = j.value("scope", std::string(scope_kind_name(s.scope.kind)));
    s.scope.include = j.value("include", s.scope.include);
    s.scope.exclude = j.value("exclude", s.scope.exclude);
    s.max_depth = j.value("max_depth", s.max_depth);
    s.delay_seconds = j.value("delay", s.delay_seconds);
    s.user_agent = j.value("user_agent", s.user_agent);
    s.timeout_seconds = j.value("timeout", s.timeout_seconds);
    s.connections = j.value("connections", s.connections);
    s.per_host = j.value("per_host", s.per_host);
    s.retries = j.value("retries", s.retries);
    s.robots_max_age_seconds = j.value("robots_max_age", s.robots_max_age_seconds);
    min_interval = j.value("min_interval", format_duration(s.revisit.min_seconds));
    max_interval = j.value("max_interval", format_duration(s.revisit.max_seconds));
  } catch (const nlohmann::json::exception& e) {
    return corrupt(e.what());
  }
  auto kind = scope_kind_from_name(scope);
  if (!kind) return corrupt(kind.error().message);
  s.scope.kind = *kind;
  auto lo = parse_duration(min_interval);
  if (!lo) return corrupt("min_interval: " + lo.error().message);
  auto hi = parse_duration(max_interval);
  if (!hi) return corrupt("max_interval: " + hi.error().message);
  s.revisit = {*lo, *hi};
  return s;
}

CrawlOptions CrawlSettings::options() const {
  CrawlOptions o;
  o.start_urls = start_urls;
  o.scope = scope;
  o.max_depth = max_depth;
  o.delay_seconds = delay_seconds;
  o.user_agent = user_agent;
  o.timeout_seconds = timeout_seconds;
  o.connections = connections;
  o.per_host = per_host;
  o.retries = retries;
  o.robots_max_age_seconds = robots_max_age_seconds;
  o.revisit = revisit;
  return o;
}

}  // namespace fora::crawler
