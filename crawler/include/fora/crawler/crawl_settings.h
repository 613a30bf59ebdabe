// CrawlSettings: how a site was crawled (its start URLs, how far from them, politeness and
// the revisit bounds), kept in the catalog beside the site so that `fora update` crawls it
// again the same way. The catalog stores the JSON form below; the archive holds it as an
// opaque string (PageQueue::set_site_crawl, PageQueue::site_crawls), so the crawler alone owns
// its format. Every JSON form fora has written reads back: keys added later take their
// defaults when absent. A value type; its functions are pure and thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fora/crawler/crawl.h"
#include "fora/crawler/revisit.h"
#include "fora/crawler/scope.h"
#include "fora/result.h"

namespace fora::crawler {

struct CrawlSettings {
  std::vector<std::string> start_urls;     // absolute http(s) URLs, as given
  ScopeRules scope;                        // how far from them (default: their hosts)
  int max_depth = 0;                       // hops from a start URL; 0 = any
  double delay_seconds = 1.0;              // minimum time between two requests to one host
  std::string user_agent = default_user_agent();  // sent, and matched against robots.txt
  long timeout_seconds = 30;               // per request
  std::size_t connections = 16;            // requests in flight in all
  std::size_t per_host = 4;                // requests in flight to one host
  int retries = 2;                         // more tries after a timeout, reset, 5xx or 429
  double robots_max_age_seconds = 86400;   // robots.txt is read again when older
  RevisitBounds revisit;                   // 6 h .. 30 d

  // "fora/<version>": what a crawl sends unless told otherwise.
  static std::string default_user_agent();

  // One JSON object, its keys those of every form before it ("start_urls", "scope",
  // "include", "exclude", "max_depth", "delay", "user_agent", "timeout", "connections",
  // "per_host", "retries", "robots_max_age", "min_interval", "max_interval"; the intervals
  // as durations such as "6h").
  std::string to_json() const;
  // Reads to_json() back, and every older form: an absent key keeps its default.
  // Errors: Corrupt (not JSON, not an object, a value of the wrong type, an unknown scope or
  // an interval that is no duration).
  static Result<CrawlSettings> from_json(std::string_view json);

  // The crawler's options for a crawl with these settings; what belongs to one run only
  // (jobs, max_pages, frontier_window, update, the callbacks) keeps CrawlOptions' defaults.
  CrawlOptions options() const;
};

// "host", "domain", "prefix" <-> ScopeRules::Kind. Errors: InvalidArgument, naming `name`.
std::string_view scope_kind_name(ScopeRules::Kind kind);
Result<ScopeRules::Kind> scope_kind_from_name(std::string_view name);

// Seconds as parse_duration() reads them, in the largest unit that divides them:
// 21600 -> "6h", 2592000 -> "30d", 90 -> "90s".
std::string format_duration(std::int64_t seconds);

}  // namespace fora::crawler
