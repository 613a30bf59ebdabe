// fora crawl URL...: fetch sites into the archive.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <ctime>
#include <fstream>

#include "commands.h"
#include "crawl_run.h"
#include "fora/crawler/crawl.h"
#include "fora/url/url.h"

namespace fora::cli {
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
  if (cmd.delay < 0) return make_error(Errc::InvalidArgument, "--delay must be 0 or more seconds");
  auto options = crawl_options(cmd);
  if (!options) return options.error();
  auto extractor = ctx.open_extractor();
  if (!extractor) return extractor.error();
  std::ofstream log;
  if (!cmd.log.empty()) {
    log.open(cmd.log, std::ios::app);
    if (!log) return make_error(Errc::Io, "cannot write the log file " + cmd.log);
  }
  auto archive = ctx.open_archive(archive::Archive::Mode::Write);
  if (!archive) return archive.error();
  (*archive)->captures().set_segment_limit(cmd.segment_size);
  (*archive)->captures().set_dictionary_policy(cmd.dictionary_after);
  auto run = RunLog::start(**archive, ctx);
  if (!run) return run.error();

  // An update crawls each of these sites again the same way.
  const std::string settings = crawl_settings(cmd);
  const std::int64_t now = std::time(nullptr);
  for (const std::string& url : cmd.urls)
    if (auto origin = normalize_url(url)) FORA_TRY((*archive)->queue().set_site_crawl(url_origin(*origin), settings, now));

  Tally tally;
  crawler::CrawlProgress seen;  // the latest counts, for the run's record if the crawl fails
  auto result = run_one_crawl(ctx, **archive, *extractor, *options, cmd.quiet || cmd.json, log, tally, seen);
  if (!result) return run->finish(result.error(), seen.fetched, seen.failed);
  if (result->fetched == 0)
    return run->finish(make_error(Errc::Network, "nothing could be fetched from " + cmd.urls.front(),
                                  "check the address and that the site answers; --log FILE shows each attempt"),
                       result->fetched, result->failed);
  FORA_TRY(run->finish(ok(), result->fetched, result->failed));
  if (cmd.json) {
    nlohmann::json j = {{"fetched", result->fetched},     {"failed", result->failed},
                        {"disallowed", result->disallowed}, {"thread_pages", result->threads},
                        {"comments", result->comments},   {"no_reader", result->unread},
                        {"read_in_part", result->read_in_part},
                        {"resumed", result->resumed},     {"gone", result->gone},
                        {"traps", result->traps},
                        {"damaged_copies", result->damaged},
                        {"outcomes", tally.outcomes},
                        {"hosts", tally.hosts},           {"archive", ctx.archive_dir.string()}};
    ctx.out.write(j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
    return ok();
  }
  if (cmd.quiet) return ok();
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

}  // namespace fora::cli
