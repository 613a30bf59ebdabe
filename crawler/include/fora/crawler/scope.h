// What the crawler may follow: Scope says which hosts belong to the crawl; trap_reason() says
// which URLs on those hosts are duplicate-URL traps (DESIGN.md, "WordPress crawl traps").
// Both are pure functions of their inputs; a Scope is immutable after creation and may be
// read from any thread.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fora/result.h"

namespace fora::crawler {

class Scope {
 public:
  // The scope of a crawl started at `start_urls`: every URL with the same scheme, host and
  // port as one of them. Errors: InvalidArgument (a start URL that is not absolute
  // http/https; the message names it), and also when `start_urls` is empty.
  static Result<Scope> from_start_urls(const std::vector<std::string>& start_urls);

  // True when `url` (any spelling; it is normalized first) has the scheme, host and port of
  // a start URL. False for URLs that cannot be parsed.
  bool in_scope(std::string_view url) const;

  // The normalized start URLs, in the order given, without duplicates.
  const std::vector<std::string>& start_urls() const { return start_urls_; }

 private:
  struct Origin {
    std::string scheme;
    std::string host_port;  // url_origin(): "example.com", "127.0.0.1:8080"
  };
  Scope() = default;
  std::vector<std::string> start_urls_;
  std::vector<Origin> origins_;
};

// Why `url` is a crawl trap (a page that only duplicates others or never ends), or nullopt
// when it is worth fetching. Recognised (WordPress): ?replytocom=, ?share=, ?like_comment=,
// feeds other than the main /feed/ (comment feeds /<post>/feed/, /category/x/feed/,
// /feed/atom/, ?feed=), /amp/ and ?amp, ?s= and /search/ results, date archives (/2022/,
// /2022/12/, /2022/12/16/ with no post slug, also their /page/N/) and ?m= calendars,
// /wp-json/ (incl. oembed), wp-login.php, /wp-admin/, xmlrpc.php, ?p= alone (a post by
// number, also phpBB's and vBulletin's post permalinks) and ?page_id=
// shortlinks (duplicates of permalinks), /trackback/ and /embed/ post variants.
// On any engine: calendars (/calendar/, calendar.php, ?year= ?month= ?day= ?week= ?date=
// ?cal=). Session ids and per-request tokens are not traps: normalize_url() drops them.
// comment-page-N is pagination of long threads and is NOT a trap; nor are /page/N/,
// /category/x/, /tag/x/, the main /feed/, sitemaps.
// Assumes the site lives at the host's root (the main feed is /feed/).
std::optional<std::string> trap_reason(std::string_view url);

}  // namespace fora::crawler
