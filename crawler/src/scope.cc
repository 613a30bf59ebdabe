#include "fora/crawler/scope.h"

#include <algorithm>

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

// A URL long enough to make std::regex recurse deep is cut: the patterns look at hosts and
// paths, which come first.
constexpr std::size_t kMaxRegexInput = 4096;

bool any_match(const std::vector<std::regex>& patterns, std::string_view url) {
  const std::string s(url.substr(0, kMaxRegexInput));
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
    auto url = normalize_url(raw);
    if (!url) return url.error();
    if (std::find(scope.start_urls_.begin(), scope.start_urls_.end(), *url) !=
        scope.start_urls_.end()) {
      continue;
    }
    scope.start_urls_.push_back(*url);
    Origin o{url_scheme(*url), url_origin(*url), host_of(url_origin(*url)), {}};
    if (o.domain.rfind("www.", 0) == 0) o.domain.erase(0, 4);
    const std::string path = url_path_and_query(*url);
    const std::string dir = path.substr(0, path.substr(0, path.find('?')).rfind('/') + 1);
    o.prefix = o.scheme + "://" + o.host_port + dir;
    scope.origins_.push_back(std::move(o));
  }
  return scope;
}

bool Scope::in_origins(std::string_view url) const {
  // url_scheme() and url_origin() answer for any spelling as for its normalized one (and
  // read a normalized one without parsing it).
  const std::string scheme = url_scheme(url);
  const std::string origin = url_origin(url);
  if (scheme.empty() || origin.empty()) return false;
  switch (kind_) {
    case ScopeRules::Kind::Host:
      return std::any_of(origins_.begin(), origins_.end(), [&](const Origin& o) {
        return o.scheme == scheme && o.host_port == origin;
      });
    case ScopeRules::Kind::Domain: {
      const std::string host = host_of(origin);
      return std::any_of(origins_.begin(), origins_.end(), [&](const Origin& o) {
        return host == o.domain ||
               (host.size() > o.domain.size() && host.ends_with(o.domain) &&
                host[host.size() - o.domain.size() - 1] == '.');
      });
    }
    case ScopeRules::Kind::Prefix: {
      auto normalized = normalize_url(url);
      return normalized && std::any_of(origins_.begin(), origins_.end(), [&](const Origin& o) {
               return normalized->rfind(o.prefix, 0) == 0;
             });
    }
  }
  return false;
}

bool Scope::in_scope(std::string_view url) const {
  if (!in_origins(url)) return false;
  if (!include_.empty() && !any_match(include_, url)) return false;
  return exclude_.empty() || !any_match(exclude_, url);
}

}  // namespace fora::crawler
