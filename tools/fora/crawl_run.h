// What `fora crawl` and `fora update` share: the crawler's options from the command's, the
// crawl settings kept per site (so an update crawls a site the way it was crawled), and one
// crawl run with its progress line, its per-request log and its tally.
#pragma once

#include <cstdint>
#include <fstream>
#include <map>
#include <string>
#include <string_view>

#include "context.h"
#include "fora/crawler/crawl.h"

namespace fora::cli {

// What `fora crawl` is given.
struct CrawlCommand {
  std::vector<std::string> urls;
  std::string from;           // --from FILE: more start URLs, one a line
  double delay = 1.0;         // seconds between two requests to one host
  std::int64_t max_pages = 0; // 0 = no limit
  int max_depth = 0;          // 0 = no limit
  double robots_max_age = 86400;  // seconds a robots.txt is trusted
  long timeout = 30;          // seconds per request
  std::string user_agent = "fora/" FORA_VERSION_STRING;
  bool quiet = false;     // no progress line, no summary (errors still go to stderr)
  bool json = false;      // the summary as one JSON object
  std::string log;        // --log FILE: one line per request
  unsigned jobs = 0;              // worker threads; 0 = one per core
  std::size_t connections = 16;   // requests in flight in all
  std::size_t per_host = 4;       // requests in flight to one host
  int retries = 2;                // more tries after a timeout, reset, 5xx or 429
  std::size_t window = 1000;      // URLs of one host in memory; the rest wait in the catalog
  std::string scope = "host";     // host | domain | prefix
  std::vector<std::string> include, exclude;  // regexes over whole URLs
  std::int64_t segment_size = std::int64_t{1} << 30;  // snapshot segments roll over at this size
  std::int64_t dictionary_after = 256;  // pages of a site before its zstd dictionary is trained; 0: never
  std::string min_interval = "6h";  // `fora update` visits a page at most this often...
  std::string max_interval = "30d"; // ...and at least this often (revisit.h)
};

// Errors: InvalidArgument (a revisit interval that is no duration, or bounds the wrong way round).
Result<crawler::CrawlOptions> crawl_options(const CrawlCommand& cmd);

// The settings of `cmd` an update crawls with again, as JSON: start URLs, scope, include,
// exclude, depth, delay, user agent, timeout, connections, retries, revisit bounds.
std::string crawl_settings(const CrawlCommand& cmd);
// Reads crawl_settings() back into `cmd`. Errors: Corrupt (not such JSON).
Status apply_crawl_settings(std::string_view settings, CrawlCommand& cmd);

// What the crawl did, per outcome and per host, for --json.
struct Tally {
  std::map<std::string, std::int64_t> outcomes;
  std::map<std::string, std::map<std::string, std::int64_t>> hosts;
  void add(const crawler::FetchEvent& e);
};

// Runs one crawl with `options`: a progress line on a terminal (a plain line every 10 s
// elsewhere; none when `quiet`), each request appended to `log` when it is open, counted in
// `tally`. Ctrl-C stops it (Cancelled). `seen` holds the latest counts, also on failure.
Result<crawler::CrawlProgress> run_one_crawl(const Context& ctx, archive::Archive& archive,
                                             const extract::Extractor& extractor, crawler::CrawlOptions options,
                                             bool quiet, std::ofstream& log, Tally& tally,
                                             crawler::CrawlProgress& seen);

}  // namespace fora::cli
