#include "link_filter.h"

#include <functional>

#include "fora/crawler/url.h"

namespace fora::crawler::detail {

bool LinkFilter::mark(std::string_view normalized) {
  const std::uint64_t h = std::hash<std::string_view>{}(normalized);
  std::lock_guard lock(mutex_);
  return seen_.insert(h).second;
}

void LinkFilter::admit(std::string_view found, std::vector<std::string>& out) {
  auto url = normalize_url(found);
  if (!url || !scope_.in_scope(*url) || trap_reason(*url)) return;
  if (mark(*url)) out.push_back(std::move(*url));
}

void LinkFilter::admit_ref(std::string_view base, std::string_view ref,
                           std::vector<std::string>& out) {
  if (ref.empty()) return;
  if (auto url = resolve_url(base, ref)) admit(*url, out);
}

}  // namespace fora::crawler::detail
