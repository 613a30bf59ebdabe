#include "link_filter.h"

#include <functional>

#include "fora/url/url.h"

namespace fora::crawler::detail {

bool LinkFilter::mark(std::string_view normalized) {
  const std::uint64_t h = std::hash<std::string_view>{}(normalized);
  std::lock_guard lock(mutex_);
  return seen_.insert(h).second;
}

void LinkFilter::admit(std::string_view normalized, std::vector<std::string>& out) {
  // The common case is a link seen before (menus, sidebars): that is asked first, then the
  // rest, once per URL.
  if (!mark(normalized)) return;
  if (scope_.in_scope(normalized) && !trap_reason(normalized)) out.emplace_back(normalized);
}

void LinkFilter::admit_ref(std::string_view base, std::string_view ref,
                           std::vector<std::string>& out) {
  if (ref.empty()) return;
  if (auto url = resolve_url(base, ref)) admit(*url, out);  // resolve_url() normalizes
}

}  // namespace fora::crawler::detail
