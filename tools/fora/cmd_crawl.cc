// fora crawl URL...: fetch sites into the archive.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <ctime>
#include <fstream>
#include <map>

#include "commands.h"
#include "fora/crawler/crawl.h"
#include "fora/url/url.h"
#include "interrupt.h"

namespace fora::cli {
namespace {

// What the crawl did, per outcome and per host, for --json.
struct Tally {
  std::map<std::string, std::int64_t> outcomes;
  std::map<std::string, std::map<std::string, std::int64_t>> hosts;

  void add(const crawler::FetchEvent& e) {
    // "thread page (profile:phpbb)" counts as "thread page"; "error: …" as "error".
    std::string kind = e.outcome.substr(0, e.outcome.find_first_of("(:"));
    while (!kind.empty() && kind.back() == ' ') kind.pop_back();
    ++outcomes[kind];
    ++hosts[url_origin(e.url)][kind];
  }
};

std::string log_line(const crawler::FetchEvent& e) {
  const std::time_t now = std::time(nullptr);
  return fmt::format("{} {} {} {:.0f} {} {}\n", archive::format_utc(now), e.status, e.bytes, e.ms,
                     clean(e.url), clean(e.outcome));
}

}  // namespace

Status run_crawl(const Context& ctx, const CrawlCommand& cmd) {
  if (cmd.delay < 0) return make_error(Errc::InvalidArgument, "--delay must be 0 or more seconds");
  auto extractor = ctx.open_extractor();
  if (!extractor) return extractor.error();
  std::ofstream log;
  if (!cmd.log.empty()) {
    log.open(cmd.log, std::ios::app);
    if (!log) return make_error(Errc::Io, "cannot write the log file " + cmd.log);
  }
  auto archive = ctx.open_archive(archive::Archive::Mode::Write);
  if (!archive) return archive.error();

  Tally tally;
  crawler::CrawlOptions options;
  options.start_urls = cmd.urls;
  options.delay_seconds = cmd.delay;
  options.max_pages = cmd.max_pages;
  options.max_depth = cmd.max_depth;
  options.timeout_seconds = cmd.timeout;
  options.user_agent = cmd.user_agent;
  options.jobs = cmd.jobs;
  options.connections = cmd.connections;
  options.per_host = cmd.per_host;
  options.retries = cmd.retries;
  options.frontier_window = cmd.window;
  options.scope.kind = cmd.scope == "domain"   ? crawler::ScopeRules::Kind::Domain
                       : cmd.scope == "prefix" ? crawler::ScopeRules::Kind::Prefix
                                               : crawler::ScopeRules::Kind::Host;
  options.scope.include = cmd.include;
  options.scope.exclude = cmd.exclude;
  options.on_fetch = [&](const crawler::FetchEvent& e) {
    tally.add(e);
    if (log) log << log_line(e) << std::flush;
  };

  // Ctrl-C: the crawl finishes its current batch, commits, and returns Cancelled.
  StopOnSignal stop;
  const bool live = ctx.err.is_tty() && !cmd.quiet;
  auto last_draw = std::chrono::steady_clock::time_point{};
  const auto progress = [&](const crawler::CrawlProgress& p) {
    if (!live) return;
    const auto now = std::chrono::steady_clock::now();
    if (now - last_draw < std::chrono::milliseconds(250)) return;  // at most 4 a second
    last_draw = now;
    ctx.err.write(fmt::format("\r\x1b[Kfetched {}  queued {}  failed {}  threads {}  comments {}  {}",
                              p.fetched, p.queued, p.failed, p.threads, p.comments,
                              clean(p.last_url).substr(0, 60)));
  };
  auto result = crawler::crawl(**archive, *extractor, options, progress, stop.requested());
  if (live) ctx.err.write("\r\x1b[K");
  if (!result) return result.error();
  if (result->fetched == 0)
    return make_error(Errc::Network, "nothing could be fetched from " + cmd.urls.front(),
                      "check the address and that the site answers; --log FILE shows each attempt");
  if (cmd.json) {
    nlohmann::json j = {{"fetched", result->fetched},     {"failed", result->failed},
                        {"disallowed", result->disallowed}, {"thread_pages", result->threads},
                        {"comments", result->comments},   {"no_reader", result->unread},
                        {"resumed", result->resumed},     {"outcomes", tally.outcomes},
                        {"hosts", tally.hosts},           {"archive", ctx.archive_dir.string()}};
    ctx.out.write(j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
    return ok();
  }
  if (cmd.quiet) return ok();
  if (result->resumed > 0)
    ctx.out.write(fmt::format("resumed an interrupted crawl: {} pages it had queued\n", result->resumed));
  ctx.out.write(fmt::format(
      "crawled {} pages ({} failed, {} disallowed by robots.txt): {} thread pages, {} comments, "
      "{} pages no reader knows\n"
      "archive: {}\n",
      result->fetched, result->failed, result->disallowed, result->threads, result->comments,
      result->unread, ctx.archive_dir.string()));
  return ok();
}

}  // namespace fora::cli
