// What the crawler may follow: Scope says which hosts belong to the crawl; trap_reason() says
// which URLs on those hosts are duplicate-URL traps (DESIGN.md, "WordPress crawl traps").
// Both are pure functions of their inputs; a Scope is immutable after creation and may be
// read from any thread.
#pragma once

#include <optional>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include "fora/result.h"
#include "fora/url/url.h"

namespace fora::crawler {

// How far from its start URLs a crawl may go.
struct ScopeRules {
  enum class Kind {
    Host,    // the scheme, host and port of a start URL (the default)
    Domain,  // the start host and every host under it, any scheme and port ("www." dropped:
             // https://www.example.com/ takes in forum.example.com and example.com)
    Prefix,  // URLs that begin with a start URL up to its last '/' (…/forum/ takes in
             // …/forum/t/1, not …/blog/)
  };
  Kind kind = Kind::Host;
  std::vector<std::string> include;  // ECMAScript regexes: when any, a URL must match one
  std::vector<std::string> exclude;  // a URL matching one is out
};

class Scope {
 public:
  // The scope of a crawl started at `start_urls` under `rules`. Errors: InvalidArgument (a
  // start URL that is not absolute http/https, a regex that does not compile; the message
  // names it), and also when `start_urls` is empty.
  static Result<Scope> from_start_urls(const std::vector<std::string>& start_urls,
                                       const ScopeRules& rules = {});

  // True when `url` is within the scope. Thread-safe.
  bool in_scope(const Url& url) const;

  // The start URLs, in the order given, without duplicates.
  const std::vector<Url>& start_urls() const { return start_urls_; }

 private:
  struct Origin {
    std::string scheme;
    std::string host_port;  // url_origin(): "example.com", "127.0.0.1:8080"
    std::string domain;     // the host without "www." and port, for Kind::Domain
    std::string prefix;     // the start URL up to its last '/', for Kind::Prefix
  };
  Scope() = default;
  bool in_origins(const Url& url) const;
  std::vector<Url> start_urls_;
  std::vector<Origin> origins_;
  ScopeRules::Kind kind_ = ScopeRules::Kind::Host;
  std::vector<std::regex> include_, exclude_;
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
// ?cal=), and addresses that grow without end (over 1024 characters, over 16 path segments
// or 12 parameters, a segment or a parameter three times: /a/b/a/b/a/b/). Session ids and per-request tokens are not traps: normalize_url() drops them.
// comment-page-N is pagination of long threads and is NOT a trap; nor are /page/N/,
// /category/x/, /tag/x/, the main /feed/, sitemaps.
// Assumes the site lives at the host's root (the main feed is /feed/).
std::optional<std::string> trap_reason(std::string_view url);
// Of those, only the addresses that grow without end (the rule for every URL, whoever
// names it).
std::optional<std::string> growth_trap_reason(std::string_view url);

// The page `url` shows, spelled without its display variants: the parameters that sort,
// cut by date, set the page size, highlight a word or open the page at one post
// (?sortby=, &order=, ;desc, ?datecut=, &pp=, &hilit=, &pid=, ...) are dropped, and a bare
// index.php/index.html is its folder. `url` itself when it has none. A crawl fetches each
// page once under this spelling, whichever variant it was linked as.
Url same_page(const Url& url);

}  // namespace fora::crawler
