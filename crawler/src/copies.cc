#include "copies.h"

#include <functional>

namespace fora::crawler::detail {

bool Copies::seen_elsewhere(std::string_view url, std::string_view payload) {
  const std::uint64_t p = std::hash<std::string_view>{}(payload);
  const std::uint64_t u = std::hash<std::string_view>{}(url);
  std::lock_guard lock(mutex_);
  auto [it, inserted] = first_url_.try_emplace(p, u);
  return !inserted && it->second != u;
}

}  // namespace fora::crawler::detail
