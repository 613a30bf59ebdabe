#include "links.h"

namespace fora::extract {

void LinkList::add(Url url) {
  if (seen_.insert(url.str()).second) urls_.push_back(std::move(url));
}

}  // namespace fora::extract
