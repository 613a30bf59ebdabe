// URL resolution for links found in pages, sitemaps and feeds (libcurl's URL parser, so
// fora and its fetcher agree on what a URL is).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace fora::extract {

// `ref` resolved against the absolute `base`, fragment removed; nullopt unless the result
// is an http or https URL.
std::optional<std::string> resolve_url(std::string_view base, std::string_view ref);

// Collects URLs in first-seen order, dropping duplicates.
class LinkList {
 public:
  void add(std::string url);
  std::vector<std::string> take() { return std::move(urls_); }
  std::size_t size() const { return urls_.size(); }

 private:
  std::vector<std::string> urls_;
  std::unordered_set<std::string> seen_;
};

}  // namespace fora::extract
