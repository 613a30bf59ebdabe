// The links a page names, collected once each. They are resolved by fora's one resolver
// (fora/url/url.h), so fora and its fetcher agree on what a URL is.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "fora/url/url.h"

namespace fora::extract {

// Collects URLs in first-seen order, dropping duplicates.
class LinkList {
 public:
  void add(Url url);
  std::vector<Url> take() { return std::move(urls_); }
  std::size_t size() const { return urls_.size(); }

 private:
  std::vector<Url> urls_;
  std::unordered_set<std::string> seen_;
};

}  // namespace fora::extract
