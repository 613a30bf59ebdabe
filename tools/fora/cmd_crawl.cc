// fora crawl URL...: fetch sites into the archive.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <ctime>
#include <fstream>

#include "commands.h"
#include "output.h"
#include "crawl_run.h"
#include "number_option.h"
#include "fora/crawler/crawl.h"
#include "fora/url/url.h"

namespace fora::cli {

// What `fora crawl` is given: start URLs, the settings kept with their sites, what belongs
// to this run only, and the options it shares with `fora update`.
struct CrawlCommand {
  std::vector<std::string> urls;
  std::string from;                  // --from FILE: more start URLs, one a line
  crawler::CrawlSettings settings;   // as the options set it; run_crawl adds the start URLs,
                                     // the scope and what RunOptions give
  std::string scope = "host";        // host | domain | prefix
  std::int64_t max_pages = 0;        // 0 = no limit
  std::size_t window = 1000;         // URLs of one host in memory; the rest wait in the catalog
  std::int64_t segment_size = std::int64_t{1} << 30;  // snapshot segments roll over at this size
  std::int64_t dictionary_after = 256;  // pages of a site before its zstd dictionary is trained; 0: never
  RunOptions run;
};

namespace {

// The start URLs of --from FILE: one a line, blank lines and '#' comments skipped.
Result<std::vector<std::string>> start_urls_from(const std::string& file) {
  std::ifstream in(file);
  if (!in) return make_error(Errc::NotFound, "cannot read the start URL list " + file);
  std::vector<std::string> urls;
  for (std::string line; std::getline(in, line);) {
    line = line.substr(0, line.find('#'));
    const auto first = line.find_first_not_of(" \t\r");
    if (first == std::string::npos) continue;
    urls.push_back(line.substr(first, line.find_last_not_of(" \t\r") - first + 1));
  }
  return urls;
}

}  // namespace

Status run_crawl(const Context& ctx, const CrawlCommand& given) {
  CrawlCommand cmd = given;
  if (!cmd.from.empty()) {
    auto more = start_urls_from(cmd.from);
    if (!more) return more.error();
    cmd.urls.insert(cmd.urls.end(), more->begin(), more->end());
  }
  if (cmd.urls.empty())
    return make_error(Errc::InvalidArgument, "no start URL", "name one (fora crawl https://example.com/) or a list (--from FILE)");
  crawler::CrawlSettings settings = cmd.settings;
  settings.start_urls = cmd.urls;
  auto scope = crawler::scope_kind_from_name(cmd.scope);
  if (!scope) return scope.error();
  settings.scope.kind = *scope;
  FORA_TRY(apply_run_options(cmd.run, settings));
  crawler::CrawlOptions options = settings.options();
  options.max_pages = cmd.max_pages;
  options.frontier_window = cmd.window;
  options.jobs = cmd.run.jobs;
  auto session = CrawlSession::open(ctx, cmd.run);
  if (!session) return session.error();
  archive::Archive& archive = *session->archive;
  RunLog& run = session->run;
  archive.captures().set_segment_limit(cmd.segment_size);
  archive.captures().set_dictionary_policy(cmd.dictionary_after);

  // An update crawls each of these sites again the same way.
  const std::string kept = settings.to_json();
  const std::int64_t now = std::time(nullptr);
  for (const std::string& url : cmd.urls)
    if (auto origin = normalize_url(url)) FORA_TRY(archive.queue().set_site_crawl(url_origin(*origin), kept, now));

  Tally tally;
  crawler::CrawlProgress seen;  // the latest counts, for the run's record if the crawl fails
  auto result = run_one_crawl(ctx, archive, session->extractor, options, cmd.run.quiet || cmd.run.json, session->log, tally, seen);
  if (!result) return run.finish(result.error(), seen.fetched, seen.failed);
  if (result->fetched == 0)
    return run.finish(make_error(Errc::Network, "nothing could be fetched from " + cmd.urls.front(),
                                  "check the address and that the site answers; --log FILE shows each attempt"),
                       result->fetched, result->failed);
  FORA_TRY(run.finish(ok(), result->fetched, result->failed));
  if (cmd.run.json) {
    nlohmann::json j = {{"fetched", result->fetched},     {"failed", result->failed},
                        {"disallowed", result->disallowed}, {"thread_pages", result->threads},
                        {"comments", result->comments},   {"no_reader", result->unread},
                        {"read_in_part", result->read_in_part},
                        {"resumed", result->resumed},     {"gone", result->gone},
                        {"traps", result->traps},
                        {"damaged_copies", result->damaged},
                        {"outcomes", tally.outcomes},
                        {"hosts", tally.hosts},           {"archive", ctx.archive_dir.string()}};
    j["v"] = kRecordVersion;
    ctx.out.write(json_line(j));
    return ok();
  }
  if (cmd.run.quiet) return ok();
  if (result->resumed > 0)
    ctx.out.write(fmt::format("resumed an interrupted crawl: {} pages it had queued\n", result->resumed));
  ctx.out.write(fmt::format(
      "crawled {} pages ({} failed, {} disallowed by robots.txt): {} thread pages, {} comments, "
      "{} pages no reader knows\n",
      result->fetched, result->failed, result->disallowed, result->threads, result->comments, result->unread));
  if (result->traps > 0)
    ctx.out.write(fmt::format("crawl traps: {} (redirect chains cut after 20 hops; --log FILE names them)\n",
                              result->traps));
  if (result->read_in_part > 0)
    ctx.out.write(fmt::format("read in part: {} pages (nested too deep or too large to read whole; --log FILE says "
                              "what was cut)\n",
                              result->read_in_part));
  if (result->gone > 0)
    ctx.out.write(fmt::format("marked gone: {} (posts and comments no longer on the pages that showed them)\n",
                              result->gone));
  if (result->damaged > 0)
    ctx.out.write(fmt::format("stored copies found damaged: {} (asked for again whole; `fora verify --repair` sets them aside)\n",
                              result->damaged));
  ctx.out.write(fmt::format("archive: {}\n", ctx.archive_dir.string()));
  return ok();
}


namespace {

Command::Run add_crawl_options(CLI::App& c) {
  auto crawl = std::make_shared<CrawlCommand>();
  crawler::CrawlSettings& kept = crawl->settings;
  c.add_option("url", crawl->urls, "Start URL(s), e.g. https://example.com/");
  c.add_option("--from", crawl->from, "Read more start URLs from FILE, one a line ('#' starts a comment); each site gets its own queue and politeness");
  add_run_options(c, crawl->run, &kept);
  c.add_option("--max-pages", crawl->max_pages, "Stop after this many requests (0: no limit)")->transform(decimal<decltype(crawl->max_pages)>())->capture_default_str();
  c.add_option("--max-depth", kept.max_depth, "Follow links at most this many hops from a start URL (0: no limit)")->transform(decimal<decltype(kept.max_depth)>())->capture_default_str()->check(CLI::NonNegativeNumber);
  c.add_option("--robots-max-age", kept.robots_max_age_seconds, "Seconds a host's robots.txt is trusted before it is read again (RFC 9309: at most a day)")->transform(decimal_fraction())->capture_default_str()->check(CLI::Range(1.0, 86400.0));
  c.add_option("--timeout", kept.timeout_seconds, "Seconds before a request is abandoned")->transform(decimal<decltype(kept.timeout_seconds)>())->capture_default_str();
  c.add_option("--user-agent", kept.user_agent, "User-Agent sent, and matched in robots.txt")->capture_default_str();
  c.add_option("--connections", kept.connections, "Requests in flight in all")->transform(decimal<decltype(kept.connections)>())->capture_default_str()->check(CLI::PositiveNumber);
  c.add_option("--per-host", kept.per_host, "Requests in flight to one host (--delay still spaces their starts)")->transform(decimal<decltype(kept.per_host)>())->capture_default_str()->check(CLI::PositiveNumber);
  c.add_option("--retries", kept.retries, "Tries again after a timeout, reset, 5xx or 429 (waiting 1 s, 2 s, ... or Retry-After)")->transform(decimal<decltype(kept.retries)>())->capture_default_str()->check(CLI::Range(0, 10));
  c.add_option("--frontier-window", crawl->window, "URLs of one host kept in memory; the rest wait in the catalog")->transform(decimal<decltype(crawl->window)>())->capture_default_str()->check(CLI::Range(2, 10000000));
  c.add_option("--scope", crawl->scope, "How far from the start URLs: host (their scheme, host and port), domain (their hosts and every host under them), prefix (URLs under a start URL's folder)")->capture_default_str()->check(CLI::IsMember({"host", "domain", "prefix"}));
  c.add_option("--include", kept.scope.include, "Follow only URLs this regex finds something in (repeatable)")->allow_extra_args(false);
  c.add_option("--exclude", kept.scope.exclude, "Never follow URLs this regex finds something in (repeatable)")->allow_extra_args(false);
  c.add_option("--segment-size", crawl->segment_size, "Start a new snapshot segment once one holds this much (e.g. 256MB, 1GB)")->capture_default_str()->transform(CLI::AsSizeValue(false))->check(CLI::Range(std::int64_t{1} << 16, std::int64_t{1} << 40));
  c.add_option("--dictionary-after", crawl->dictionary_after, "Train a site's compression dictionary once this many of its pages are stored (0: never)")->transform(decimal<decltype(crawl->dictionary_after)>())->capture_default_str()->check(CLI::NonNegativeNumber);
  return [crawl](const Context& ctx) { return run_crawl(ctx, *crawl); };
}

}  // namespace

const Command crawl_command{"crawl", "Fetch sites into the archive: follows links within each start URL's host, obeys robots.txt", add_crawl_options};

}  // namespace fora::cli
