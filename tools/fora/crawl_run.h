// What `fora crawl` and `fora update` share: the crawler's options from the command's, the
// crawl settings kept per site (so an update crawls a site the way it was crawled), and one
// crawl run with its progress line, its per-request log and its tally.
#pragma once

#include <cstdint>
#include <fstream>
#include <map>
#include <string>
#include <string_view>

#include "commands.h"
#include "fora/crawler/crawl.h"

namespace fora::cli {

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
