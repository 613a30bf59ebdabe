// A profile's [crawl] rules applied to one link of the engine's pages.
#pragma once

#include <optional>
#include <string>

#include "fora/url/url.h"

#include "profile.h"

namespace fora::extract {

// `url` without the query parameters the rules strip and respelled by their url_rewrite;
// nullopt when the respelling is no URL. Also for the feeds a page names (feed_links), which
// no follow or skip rule judges: SMF's feed is asked for with more than its default 5 items.
std::optional<Url> respell_link(const Profile::Crawl& rules, const Url& url);
// The same, or nullopt when the link is a trap or noise (a `skip` match, or no `follow` match
// when follow rules exist). skip and follow see the path and query ("/viewtopic.php?t=5"), url_rewrite
// the whole URL.
std::optional<Url> apply_crawl_rules(const Profile::Crawl& rules, const Url& url);

}  // namespace fora::extract
