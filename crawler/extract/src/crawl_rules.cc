#include "crawl_rules.h"

#include <boost/algorithm/string/case_conv.hpp>

#include <algorithm>

namespace fora::extract {
namespace {

constexpr std::size_t kMaxRegexInput = 4096;  // see profile_match.cc

// Drops the parameters named in `names` from the query of `url`. Both '&' and ';' separate
// parameters (SMF writes "?topic=5.0;PHPSESSID=...").
std::string strip_params(const std::string& url, const std::vector<std::string>& names) {
  const std::size_t q = url.find('?');
  if (q == std::string::npos || names.empty()) return url;
  std::string out = url.substr(0, q);
  std::string kept;
  std::size_t start = q + 1;
  char sep = 0;
  while (start <= url.size()) {
    std::size_t end = url.find_first_of("&;", start);
    if (end == std::string::npos) end = url.size();
    const std::string param = url.substr(start, end - start);
    const std::string key = boost::algorithm::to_lower_copy(param.substr(0, param.find('=')));
    if (!param.empty() && std::find(names.begin(), names.end(), key) == names.end()) {
      if (!kept.empty()) kept += sep;
      kept += param;
    }
    if (end == url.size()) break;
    sep = url[end];
    start = end + 1;
  }
  return kept.empty() ? out : out + "?" + kept;
}

// "/path?query" of an absolute URL.
std::string path_and_query(const std::string& url) {
  std::size_t host = url.find("://");
  host = host == std::string::npos ? 0 : host + 3;
  const std::size_t path = url.find('/', host);
  std::string out = path == std::string::npos ? "/" : url.substr(path);
  if (out.size() > kMaxRegexInput) out.resize(kMaxRegexInput);
  return out;
}

bool any_match(const std::vector<std::regex>& rules, const std::string& s) {
  return std::any_of(rules.begin(), rules.end(),
                     [&](const std::regex& re) { return std::regex_search(s, re); });
}

}  // namespace

std::optional<std::string> apply_crawl_rules(const Profile::Crawl& rules, const std::string& url) {
  std::string link = strip_params(url, rules.strip_params);
  const std::string target = path_and_query(link);
  if (any_match(rules.skip, target)) return std::nullopt;
  if (!rules.follow.empty() && !any_match(rules.follow, target)) return std::nullopt;
  return link;
}

}  // namespace fora::extract
