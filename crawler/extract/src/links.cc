#include "links.h"

namespace fora::extract {

void LinkList::add(std::string url) {
  if (seen_.insert(url).second) urls_.push_back(std::move(url));
}

}  // namespace fora::extract
