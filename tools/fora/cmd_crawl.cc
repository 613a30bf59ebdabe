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
    // "thread page (profile:phpbb)" counts as "thread page", "error: …" as "error",
    // "retry 1 of 2 in 1.3 s: …" as "retry".
    std::string kind = e.outcome.substr(0, e.outcome.find_first_of("(:0123456789"));
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
  auto extractor = ctx.open_extractor();
  if (!extractor) return extractor.error();
  std::ofstream log;
  if (!cmd.log.empty()) {
    log.open(cmd.log, std::ios::app);
    if (!log) return make_error(Errc::Io, "cannot write the log file " + cmd.log);
  }
  auto archive = ctx.open_archive(archive::Archive::Mode::Write);
  if (!archive) return archive.error();
  (*archive)->set_segment_limit(cmd.segment_size);
  (*archive)->set_dictionary_policy(cmd.dictionary_after);
  auto run = RunLog::start(**archive, ctx);
  if (!run) return run.error();

  Tally tally;
  crawler::CrawlOptions options;
  options.start_urls = cmd.urls;
  options.delay_seconds = cmd.delay;
  options.max_pages = cmd.max_pages;
  options.max_depth = cmd.max_depth;
  options.robots_max_age_seconds = cmd.robots_max_age;
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
  // On a terminal one line redrawn at most 4 times a second; elsewhere (a log, a pipe) a
  // plain line every 10 s; nothing with --quiet or --json.
  const bool live = ctx.err.is_tty() && !cmd.quiet && !cmd.json;
  const bool plain = !ctx.err.is_tty() && !cmd.quiet && !cmd.json;
  const auto began = std::chrono::steady_clock::now();
  auto last_draw = began;
  crawler::CrawlProgress seen;  // the latest counts, for the run's record if the crawl fails
  const auto progress = [&](const crawler::CrawlProgress& p) {
    seen = p;
    if (!live && !plain) return;
    const auto now = std::chrono::steady_clock::now();
    if (now - last_draw < (live ? std::chrono::milliseconds(250) : std::chrono::milliseconds(10000))) return;
    last_draw = now;
    const double seconds = std::chrono::duration<double>(now - began).count();
    std::string hosts = fmt::format("{} host{}", p.hosts, p.hosts == 1 ? "" : "s");
    if (p.hosts_waiting > 0) hosts += fmt::format(", {} awaiting robots.txt", p.hosts_waiting);
    if (p.hosts_slowed > 0) hosts += fmt::format(", {} slowed down", p.hosts_slowed);
    const std::string line = fmt::format(
        "fetched {} ({:.0f}/s, {:.1f} MB)  queued {}  errors {}  threads {}  comments {}  {}",
        p.fetched, seconds > 0 ? static_cast<double>(p.fetched) / seconds : 0.0,
        static_cast<double>(p.bytes) / 1e6, p.queued, p.failed, p.threads, p.comments, hosts);
    if (live) ctx.err.write("\r\x1b[K" + line.substr(0, 160));
    else ctx.err.write(line + "\n");
  };
  auto result = crawler::crawl(**archive, *extractor, options, progress, stop.requested());
  if (live) ctx.err.write("\r\x1b[K");
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
                        {"resumed", result->resumed},     {"gone", result->gone},
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
  if (result->gone > 0)
    ctx.out.write(fmt::format("marked gone: {} (posts and comments no longer on the pages that showed them)\n",
                              result->gone));
  ctx.out.write(fmt::format("archive: {}\n", ctx.archive_dir.string()));
  return ok();
}

}  // namespace fora::cli
