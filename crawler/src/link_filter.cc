#include "link_filter.h"

#include <functional>

#include "fora/url/url.h"

namespace fora::crawler::detail {

bool LinkFilter::insert_locked(std::uint64_t h) {
  const std::size_t mask = slots_.size() - 1;  // the size is a power of two
  for (std::size_t i = h & mask;; i = (i + 1) & mask) {
    if (slots_[i] == h) return false;
    if (slots_[i] == 0) {
      slots_[i] = h;
      ++used_;
      return true;
    }
  }
}

bool LinkFilter::mark(const Url& url) {
  std::uint64_t h = std::hash<std::string_view>{}(url.str());
  if (h == 0) h = 1;  // 0 marks an empty slot
  std::lock_guard lock(mutex_);
  if (2 * (used_ + 1) > slots_.size()) {
    std::vector<std::uint64_t> old(slots_.size() * 2, 0);
    old.swap(slots_);
    used_ = 0;
    for (std::uint64_t k : old)
      if (k != 0) insert_locked(k);
  }
  return insert_locked(h);
}

void LinkFilter::admit(const Url& url, std::vector<Url>& out) {
  // The common case is a link seen before (menus, sidebars): that is asked first, then the
  // rest, once per URL.
  if (!mark(url)) return;
  if (!scope_.in_scope(url) || trap_reason(url.str())) return;
  Url page = same_page(url);
  if (page == url || mark(page)) out.push_back(std::move(page));
}

void LinkFilter::admit_feed(const Url& url, std::vector<Url>& out) {
  if (!mark(url)) return;
  if (scope_.in_scope(url) && !growth_trap_reason(url.str())) out.push_back(url);
}

}  // namespace fora::crawler::detail
