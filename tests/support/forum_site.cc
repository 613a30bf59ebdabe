#include "support/forum_site.h"

#include "support/board_markup.h"

namespace fora::test {

std::size_t ForumSite::post_count() const {
  std::size_t n = 0;
  for (const SiteTopic& t : topics) n += t.posts.size();
  return n;
}

ForumSite forum_board() {
  ForumSite site;
  site.topics = board::make_board().topics;
  return site;
}

}  // namespace fora::test
