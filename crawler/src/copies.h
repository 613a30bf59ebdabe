// Copies: pages whose bytes were already seen under another URL. The same payload under many
// addresses is a trap on any engine: a "not found" page served with 200 for every path, a
// session id or a calendar day in the path, each copy's relative links making new addresses
// for the next copy. A copy is archived (as a revisit of the first) and read, but its links
// are not followed: the first copy's already were, in this run or in an earlier one (a
// crawl is told the payloads its archive holds before it starts). Thread-safe.
#pragma once

#include <cstdint>
#include <mutex>
#include <string_view>
#include <vector>

namespace fora::crawler::detail {

class Copies {
 public:
  // Records that `url` answered a payload with this SHA-256 (the capture's digest, computed
  // once for the archive); true when another URL answered the same before.
  bool seen_elsewhere(std::string_view url, std::string_view payload_sha256);

 private:
  // Open addressing over 64-bit hashes kept at most half full, as LinkFilter's: a payload
  // (its digest's first 8 bytes) and the first URL that answered it, 16 bytes a page, so a
  // million pages cost 16 to 32 MB. A collision of two URLs' hashes (about 1 in 10^7 per
  // million pages) takes a copy for the first; of two payloads, costs one page's links,
  // which other pages name too.
  struct Slot {
    std::uint64_t payload = 0;  // 0: empty
    std::uint64_t url = 0;
  };
  std::mutex mutex_;
  std::vector<Slot> slots_ = std::vector<Slot>(1024);
  std::size_t used_ = 0;
  Slot& slot_locked(std::uint64_t payload);
};

}  // namespace fora::crawler::detail
