// What `fora crawl` and `fora update` share: their common options, and one crawl run with its
// progress line, its per-request log and its tally. The settings a site was crawled with
// are the crawler's (fora/crawler/crawl_settings.h): crawl stores them, update reads them
// back and applies its own options over them.
#pragma once

#include <cstdint>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "context.h"
#include "fora/crawler/crawl.h"
#include "fora/crawler/crawl_settings.h"

namespace fora::cli {

// The options `fora crawl` and `fora update` both take, defined once: the delay and revisit
// bounds (a crawl's are stored with its sites; an update's override what each site was
// crawled with) and how the run goes and what it prints.
struct RunOptions {
  std::optional<double> delay;              // --delay: seconds between two requests to one host
  std::optional<std::string> min_interval;  // --min-interval: a page is visited at most this often...
  std::optional<std::string> max_interval;  // --max-interval: ...and at least this often (revisit.h)
  unsigned jobs = 0;                        // --jobs: worker threads; 0 = one per core
  std::string log;                          // --log FILE: one line per request
  bool quiet = false;                       // no progress line, no summary (errors still go to stderr)
  bool json = false;                        // the summary as one JSON object
};

// Adds the options to `sub`. A crawl passes the settings a first crawl takes, shown as the
// defaults; an update passes none: its defaults are what each site was crawled with.
void add_run_options(CLI::App& sub, RunOptions& run, const crawler::CrawlSettings* first_crawl);

// `settings` with the delay and revisit bounds `run` gives. Errors: InvalidArgument (a
// negative delay, an interval that is no duration, or bounds the wrong way round).
Status apply_run_options(const RunOptions& run, crawler::CrawlSettings& settings);

// What a crawl or an update runs with: the readers, --log FILE to append to (closed when
// none is given), the archive opened for writing, and the run recorded in it (`fora log`).
struct CrawlSession {
  extract::Extractor extractor;
  std::ofstream log;
  std::unique_ptr<archive::Archive> archive;
  RunLog run;

  // Errors: those of opening the profiles and the archive; Io when the log cannot be written.
  static Result<CrawlSession> open(const Context& ctx, const RunOptions& run);
};

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
