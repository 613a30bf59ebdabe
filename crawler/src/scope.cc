#include "fora/crawler/scope.h"

#include <algorithm>

#include "fora/extract/page_limits.h"
#include "fora/url/url.h"

namespace fora::crawler {
namespace {

// The host of an origin ("host" or "host:port"; IPv6 in brackets), without the port.
std::string host_of(std::string_view origin) {
  const std::size_t colon = origin.rfind(':');
  if (colon != std::string_view::npos && origin.find(']', colon) == std::string_view::npos)
    origin = origin.substr(0, colon);
  return std::string(origin);
}

bool any_match(const std::vector<std::regex>& patterns, std::string_view url) {
  const std::string s(url.substr(0, extract::kMaxRegexInput));
  return std::any_of(patterns.begin(), patterns.end(),
                     [&](const std::regex& re) { return std::regex_search(s, re); });
}

Result<std::vector<std::regex>> compile(const std::vector<std::string>& patterns, const char* option) {
  std::vector<std::regex> out;
  for (const std::string& p : patterns) {
    try {
      out.emplace_back(p, std::regex::ECMAScript | std::regex::optimize);
    } catch (const std::regex_error& e) {
      return make_error(Errc::InvalidArgument,
                        std::string(option) + " '" + p + "' is not a regular expression: " + e.what());
    }
  }
  return out;
}

}  // namespace

Result<Scope> Scope::from_start_urls(const std::vector<std::string>& start_urls, const ScopeRules& rules) {
  if (start_urls.empty()) {
    return make_error(Errc::InvalidArgument, "no start URL given",
                      "name at least one URL, e.g. https://example.com/");
  }
  Scope scope;
  scope.kind_ = rules.kind;
  auto include = compile(rules.include, "--include");
  if (!include) return include.error();
  auto exclude = compile(rules.exclude, "--exclude");
  if (!exclude) return exclude.error();
  scope.include_ = std::move(*include);
  scope.exclude_ = std::move(*exclude);
  for (const auto& raw : start_urls) {
    auto url = Url::parse(raw);
    if (!url) return url.error();
    if (std::find(scope.start_urls_.begin(), scope.start_urls_.end(), *url) != scope.start_urls_.end()) continue;
    Origin o{std::string(url->scheme()), std::string(url->origin()), host_of(url->origin()), {}};
    if (o.domain.rfind("www.", 0) == 0) o.domain.erase(0, 4);
    const std::string_view path = url->path_and_query();
    const std::string_view dir = path.substr(0, path.substr(0, path.find('?')).rfind('/') + 1);
    o.prefix = o.scheme + "://" + o.host_port + std::string(dir);
    scope.origins_.push_back(std::move(o));
    scope.start_urls_.push_back(std::move(*url));
  }
  return scope;
}

bool Scope::in_origins(const Url& url) const {
  switch (kind_) {
    case ScopeRules::Kind::Host:
      return std::any_of(origins_.begin(), origins_.end(), [&](const Origin& o) {
        return o.scheme == url.scheme() && o.host_port == url.origin();
      });
    case ScopeRules::Kind::Domain: {
      const std::string host = host_of(url.origin());
      return std::any_of(origins_.begin(), origins_.end(), [&](const Origin& o) {
        return host == o.domain ||
               (host.size() > o.domain.size() && host.ends_with(o.domain) &&
                host[host.size() - o.domain.size() - 1] == '.');
      });
    }
    case ScopeRules::Kind::Prefix:
      return std::any_of(origins_.begin(), origins_.end(),
                         [&](const Origin& o) { return url.str().rfind(o.prefix, 0) == 0; });
  }
  return false;
}

bool Scope::in_scope(const Url& url) const {
  if (!in_origins(url)) return false;
  if (!include_.empty() && !any_match(include_, url.str())) return false;
  return exclude_.empty() || !any_match(exclude_, url.str());
}

}  // namespace fora::crawler
