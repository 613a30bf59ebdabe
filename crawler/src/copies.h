// Copies: pages whose bytes were already seen under another URL in this crawl. The same
// payload under many addresses is a trap on any engine: a "not found" page served with 200
// for every path, a session id or a calendar day in the path, each copy's relative links
// making new addresses for the next copy. A copy is archived and read, but its links are
// not followed: the first copy's already were. Thread-safe.
#pragma once

#include <cstdint>
#include <mutex>
#include <string_view>
#include <unordered_map>

namespace fora::crawler::detail {

class Copies {
 public:
  // Records that `url` answered `payload`; true when another URL answered the same before.
  bool seen_elsewhere(std::string_view url, std::string_view payload);

 private:
  std::mutex mutex_;
  // Payload hash -> hash of the first URL that answered it. 64-bit hashes: a collision
  // (about 1 in 10^7 per million pages) costs one page's links, which other pages name too.
  std::unordered_map<std::uint64_t, std::uint64_t> first_url_;
};

}  // namespace fora::crawler::detail
