#include "crawl_run.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <ctime>

#include "fora/archive/http_response.h"
#include "fora/crawler/revisit.h"
#include "fora/url/url.h"
#include "interrupt.h"

namespace fora::cli {
namespace {

std::string log_line(const crawler::FetchEvent& e) {
  const std::time_t now = std::time(nullptr);
  return fmt::format("{} {} {} {:.0f} {} {}\n", archive::format_utc(now), e.status, e.bytes, e.ms,
                     clean(e.url), clean(e.outcome));
}

}  // namespace

Result<crawler::CrawlOptions> crawl_options(const CrawlCommand& cmd) {
  crawler::CrawlOptions options;
  auto lo = crawler::parse_duration(cmd.min_interval);
  if (!lo) return make_error(Errc::InvalidArgument, "--min-interval: " + lo.error().message, lo.error().hint);
  auto hi = crawler::parse_duration(cmd.max_interval);
  if (!hi) return make_error(Errc::InvalidArgument, "--max-interval: " + hi.error().message, hi.error().hint);
  if (*lo > *hi)
    return make_error(Errc::InvalidArgument, "--min-interval is longer than --max-interval",
                      "e.g. --min-interval 6h --max-interval 30d");
  options.revisit = {*lo, *hi};
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
  return options;
}

std::string crawl_settings(const CrawlCommand& cmd) {
  const nlohmann::json j = {{"start_urls", cmd.urls},     {"scope", cmd.scope},
                            {"include", cmd.include},     {"exclude", cmd.exclude},
                            {"max_depth", cmd.max_depth}, {"delay", cmd.delay},
                            {"user_agent", cmd.user_agent}, {"timeout", cmd.timeout},
                            {"connections", cmd.connections}, {"per_host", cmd.per_host},
                            {"retries", cmd.retries},     {"robots_max_age", cmd.robots_max_age},
                            {"min_interval", cmd.min_interval}, {"max_interval", cmd.max_interval}};
  return j.dump();
}

Status apply_crawl_settings(std::string_view settings, CrawlCommand& cmd) {
  try {
    const nlohmann::json j = nlohmann::json::parse(settings);
    cmd.urls = j.value("start_urls", cmd.urls);
    cmd.scope = j.value("scope", cmd.scope);
    cmd.include = j.value("include", cmd.include);
    cmd.exclude = j.value("exclude", cmd.exclude);
    cmd.max_depth = j.value("max_depth", cmd.max_depth);
    cmd.delay = j.value("delay", cmd.delay);
    cmd.user_agent = j.value("user_agent", cmd.user_agent);
    cmd.timeout = j.value("timeout", cmd.timeout);
    cmd.connections = j.value("connections", cmd.connections);
    cmd.per_host = j.value("per_host", cmd.per_host);
    cmd.retries = j.value("retries", cmd.retries);
    cmd.robots_max_age = j.value("robots_max_age", cmd.robots_max_age);
    cmd.min_interval = j.value("min_interval", cmd.min_interval);
    cmd.max_interval = j.value("max_interval", cmd.max_interval);
  } catch (const nlohmann::json::exception& e) {
    return make_error(Errc::Corrupt, std::string("a site's crawl settings in the catalog do not read: ") + e.what(),
                      "crawl the site again with `fora crawl URL`: that records them anew");
  }
  return ok();
}

void Tally::add(const crawler::FetchEvent& e) {
  // "thread page (profile:phpbb)" counts as "thread page", "error: …" as "error",
  // "retry 1 of 2 in 1.3 s: …" as "retry".
  std::string kind = e.outcome.substr(0, e.outcome.find_first_of("(:0123456789"));
  while (!kind.empty() && kind.back() == ' ') kind.pop_back();
  ++outcomes[kind];
  ++hosts[url_origin(e.url)][kind];
}

Result<crawler::CrawlProgress> run_one_crawl(const Context& ctx, archive::Archive& archive,
                                             const extract::Extractor& extractor, crawler::CrawlOptions options,
                                             bool quiet, std::ofstream& log, Tally& tally,
                                             crawler::CrawlProgress& seen) {
  options.on_fetch = [&](const crawler::FetchEvent& e) {
    tally.add(e);
    if (log.is_open()) log << log_line(e) << std::flush;
  };
  // Said even when quiet: damage in the archive is what `fora verify --repair` is for.
  options.on_damage = [&](const std::string& line) { ctx.err.write("fora: " + clean(line) + "\n"); };
  // Ctrl-C: the crawl finishes its current batch, commits, and returns Cancelled.
  StopOnSignal stop;
  // On a terminal one line redrawn at most 4 times a second; elsewhere (a log, a pipe) a
  // plain line every 10 s; nothing when quiet.
  const bool live = ctx.err.is_tty() && !quiet;
  const bool plain = !ctx.err.is_tty() && !quiet;
  const auto began = std::chrono::steady_clock::now();
  auto last_draw = began;
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
  auto result = crawler::crawl(archive, extractor, options, progress, stop.requested());
  if (live) ctx.err.write("\r\x1b[K");
  if (result) seen = *result;
  return result;
}

}  // namespace fora::cli
