#include "crawl_rules.h"

#include <algorithm>

#include "fora/extract/page_limits.h"
#include "fora/url/query_string.h"

namespace fora::extract {
namespace {

// Drops the parameters named in `names` (lowercase) from the query of `url`.
std::string strip_params(const std::string& url, const std::vector<std::string>& names) {
  const std::size_t q = url.find('?');
  if (q == std::string::npos || names.empty()) return url;
  const std::string kept = filter_query(std::string_view(url).substr(q + 1), [&](std::string_view key, std::string_view) {
    return std::find(names.begin(), names.end(), key) != names.end();
  });
  return kept.empty() ? url.substr(0, q) : url.substr(0, q + 1) + kept;
}

bool any_match(const std::vector<std::regex>& rules, const std::string& s) {
  return std::any_of(rules.begin(), rules.end(),
                     [&](const std::regex& re) { return std::regex_search(s, re); });
}

}  // namespace

std::optional<Url> respell_link(const Profile::Crawl& rules, const Url& url) {
  std::string spelled = strip_params(url.str(), rules.strip_params);
  if (spelled.size() <= kMaxRegexInput)
    for (const UrlRewrite& rewrite : rules.url_rewrites)
      spelled = std::regex_replace(spelled, rewrite.pattern, rewrite.replacement);
  if (spelled == url.str()) return url;
  auto respelled = Url::parse(spelled);
  if (!respelled) return std::nullopt;
  return std::move(*respelled);
}

std::optional<Url> apply_crawl_rules(const Profile::Crawl& rules, const Url& url) {
  std::optional<Url> link = respell_link(rules, url);
  if (!link) return std::nullopt;
  const std::string target(link->path_and_query().substr(0, kMaxRegexInput));
  if (any_match(rules.skip, target)) return std::nullopt;
  if (!rules.follow.empty() && !any_match(rules.follow, target)) return std::nullopt;
  return link;
}

}  // namespace fora::extract
