#include "copies.h"

#include <cstring>
#include <functional>

namespace fora::crawler::detail {

Copies::Slot& Copies::slot_locked(std::uint64_t payload) {
  const std::size_t mask = slots_.size() - 1;  // the size is a power of two
  for (std::size_t i = payload & mask;; i = (i + 1) & mask)
    if (slots_[i].payload == payload || slots_[i].payload == 0) return slots_[i];
}

bool Copies::seen_elsewhere(std::string_view url, std::string_view payload_sha256) {
  std::uint64_t p = 0;
  if (payload_sha256.size() < sizeof p) return false;  // no digest: nothing to tell
  std::memcpy(&p, payload_sha256.data(), sizeof p);
  if (p == 0) p = 1;  // 0 marks an empty slot
  const std::uint64_t u = std::hash<std::string_view>{}(url);
  std::lock_guard lock(mutex_);
  if (2 * (used_ + 1) > slots_.size()) {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    for (const Slot& s : old)
      if (s.payload != 0) slot_locked(s.payload) = s;
  }
  Slot& s = slot_locked(p);
  if (s.payload == 0) {
    s = {p, u};
    ++used_;
    return false;
  }
  return s.url != u;
}

}  // namespace fora::crawler::detail
