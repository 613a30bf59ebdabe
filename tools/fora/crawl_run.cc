#include "crawl_run.h"

#include <fmt/format.h>

#include <chrono>
#include <ctime>

#include "fora/archive/http_response.h"
#include "fora/crawler/revisit.h"
#include "fora/url/url.h"
#include "interrupt.h"
#include "number_option.h"

namespace fora::cli {
namespace {

std::string log_line(const crawler::FetchEvent& e) {
  const std::time_t now = std::time(nullptr);
  return fmt::format("{} {} {} {:.0f} {} {}\n", archive::format_utc(now), e.status, e.bytes, e.ms,
                     clean(e.url), clean(e.outcome));
}

}  // namespace

void add_run_options(CLI::App& sub, RunOptions& run, const crawler::CrawlSettings* first_crawl) {
  // A crawl shows its defaults; an update's are what each site was crawled with.
  const auto defaults = [first_crawl](CLI::Option* opt, const std::string& first) {
    if (first_crawl) opt->default_str(first);
  };
  const std::string kept = first_crawl ? "" : "; default: the crawl's";
  defaults(sub.add_option("--delay", run.delay,
                          std::string("Seconds between two requests to one host") +
                              (first_crawl ? "" : " (default: what the site was crawled with)"))
               ->transform(decimal_fraction()),
           first_crawl ? fmt::format("{}", first_crawl->delay_seconds) : "");
  sub.add_option("--jobs,-j", run.jobs, "Threads that read and compress pages (0: one per core)")
      ->transform(decimal<decltype(run.jobs)>())->capture_default_str();
  sub.add_flag("--quiet,-q", run.quiet, "No progress line and no summary: nothing but errors (for cron)");
  sub.add_flag("--json", run.json, "Print the summary as one JSON object (counts per outcome and per host)");
  defaults(sub.add_option("--min-interval", run.min_interval,
                          "`fora update` visits a page at most this often, however often it changes (e.g. 6h, 1d" + kept + ")"),
           first_crawl ? crawler::format_duration(first_crawl->revisit.min_seconds) : "");
  defaults(sub.add_option("--max-interval", run.max_interval,
                          "`fora update` visits a page at least this often, however quiet it is (e.g. 30d, 2w" + kept + ")"),
           first_crawl ? crawler::format_duration(first_crawl->revisit.max_seconds) : "");
  sub.add_option("--log", run.log, "Append one line per request to FILE: time, status, bytes, ms, URL, outcome");
}

Status apply_run_options(const RunOptions& run, crawler::CrawlSettings& settings) {
  if (run.delay) {
    if (*run.delay < 0) return make_error(Errc::InvalidArgument, "--delay must be 0 or more seconds");
    settings.delay_seconds = *run.delay;
  }
  crawler::RevisitBounds bounds = settings.revisit;
  if (run.min_interval) {
    auto lo = crawler::parse_duration(*run.min_interval);
    if (!lo) return make_error(Errc::InvalidArgument, "--min-interval: " + lo.error().message, lo.error().hint);
    bounds.min_seconds = *lo;
  }
  if (run.max_interval) {
    auto hi = crawler::parse_duration(*run.max_interval);
    if (!hi) return make_error(Errc::InvalidArgument, "--max-interval: " + hi.error().message, hi.error().hint);
    bounds.max_seconds = *hi;
  }
  if (bounds.min_seconds > bounds.max_seconds)
    return make_error(Errc::InvalidArgument, "--min-interval is longer than --max-interval",
                      "e.g. --min-interval 6h --max-interval 30d");
  settings.revisit = bounds;
  return ok();
}

Result<CrawlSession> CrawlSession::open(const Context& ctx, const RunOptions& run) {
  auto extractor = ctx.open_extractor();
  if (!extractor) return extractor.error();
  std::ofstream log;
  if (!run.log.empty()) {
    log.open(run.log, std::ios::app);
    if (!log) return make_error(Errc::Io, "cannot write the log file " + run.log);
  }
  auto archive = ctx.open_archive(archive::Archive::Mode::Write);
  if (!archive) return archive.error();
  auto started = RunLog::start(**archive, ctx);
  if (!started) return started.error();
  return CrawlSession{std::move(*extractor), std::move(log), std::move(*archive), *started};
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
