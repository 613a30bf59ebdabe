#include "links.h"

#include <curl/curl.h>

#include <memory>

namespace fora::extract {
namespace {

struct UrlFree {
  void operator()(CURLU* u) const { curl_url_cleanup(u); }
};
struct CurlStringFree {
  void operator()(char* s) const { curl_free(s); }
};
using UrlPtr = std::unique_ptr<CURLU, UrlFree>;
using CurlString = std::unique_ptr<char, CurlStringFree>;

std::string_view trim(std::string_view s) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace

std::optional<std::string> resolve_url(std::string_view base, std::string_view ref) {
  ref = trim(ref);
  if (ref.empty() || ref.front() == '#') return std::nullopt;  // same page
  UrlPtr url(curl_url());
  if (!url) return std::nullopt;
  std::string base_s(base);
  std::string ref_s(ref);
  // Setting a relative URL on a handle that holds the base resolves it (RFC 3986).
  if (curl_url_set(url.get(), CURLUPART_URL, base_s.c_str(), CURLU_NON_SUPPORT_SCHEME) != CURLUE_OK)
    return std::nullopt;
  if (curl_url_set(url.get(), CURLUPART_URL, ref_s.c_str(),
                   CURLU_NON_SUPPORT_SCHEME | CURLU_URLENCODE) != CURLUE_OK)
    return std::nullopt;
  char* scheme_raw = nullptr;
  if (curl_url_get(url.get(), CURLUPART_SCHEME, &scheme_raw, 0) != CURLUE_OK) return std::nullopt;
  CurlString scheme(scheme_raw);
  std::string_view s(scheme.get());
  if (s != "http" && s != "https") return std::nullopt;
  curl_url_set(url.get(), CURLUPART_FRAGMENT, nullptr, 0);
  char* full_raw = nullptr;
  if (curl_url_get(url.get(), CURLUPART_URL, &full_raw, 0) != CURLUE_OK) return std::nullopt;
  CurlString full(full_raw);
  return std::string(full.get());
}

void LinkList::add(std::string url) {
  if (seen_.insert(url).second) urls_.push_back(std::move(url));
}

}  // namespace fora::extract
