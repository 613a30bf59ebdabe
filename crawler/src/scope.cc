#include "fora/crawler/scope.h"

#include <algorithm>

#include "fora/url/url.h"

namespace fora::crawler {

Result<Scope> Scope::from_start_urls(const std::vector<std::string>& start_urls) {
  if (start_urls.empty()) {
    return make_error(Errc::InvalidArgument, "no start URL given",
                      "name at least one URL, e.g. https://example.com/");
  }
  Scope scope;
  for (const auto& raw : start_urls) {
    auto url = normalize_url(raw);
    if (!url) return url.error();
    if (std::find(scope.start_urls_.begin(), scope.start_urls_.end(), *url) !=
        scope.start_urls_.end()) {
      continue;
    }
    scope.start_urls_.push_back(*url);
    scope.origins_.push_back({url_scheme(*url), url_origin(*url)});
  }
  return scope;
}

bool Scope::in_scope(std::string_view url) const {
  // url_scheme() and url_origin() answer for any spelling as for its normalized one (and
  // read a normalized one without parsing it).
  const std::string scheme = url_scheme(url);
  const std::string origin = url_origin(url);
  if (scheme.empty() || origin.empty()) return false;
  return std::any_of(origins_.begin(), origins_.end(),
                     [&](const Origin& o) { return o.scheme == scheme && o.host_port == origin; });
}

}  // namespace fora::crawler
