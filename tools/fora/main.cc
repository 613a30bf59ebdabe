// fora: the command line. Parses options, dispatches to one cmd_<name>.cc, and maps errors
// to a message and an exit code (once, here).
#include <CLI/CLI.hpp>
#include <clocale>
#include <cstdio>
#include <fmt/format.h>

#include "commands.h"
#include "number_option.h"

namespace {

using fora::Errc;

int report(const fora::cli::Context& ctx, const fora::Error& e) {
  std::string text = fmt::format("fora: {}\n", fora::cli::clean(e.message));
  if (!e.hint.empty()) text += fmt::format("  hint: {}\n", fora::cli::clean(e.hint));
  ctx.err.write(text);
  return fora::cli::exit_code(e.code);
}

}  // namespace

int main(int argc, char** argv) {
  std::setlocale(LC_ALL, "");
  using namespace fora::cli;

  CLI::App app{"fora: archive forum and blog threads, and search them by author, date and topic.\n"
               "Typical use: fora crawl https://site/ ; fora index ; fora search 'author:Edward soyuz'"};
  app.set_version_flag("--version", std::string("fora ") + FORA_VERSION);
  app.require_subcommand(1);
  // Usage errors read like every other error: "fora: " and what was wrong, then a hint.
  app.failure_message([](const CLI::App*, const CLI::Error& e) {
    return fmt::format("fora: {}\n  hint: fora --help, or fora COMMAND --help\n", e.what());
  });
  std::string archive_opt, profiles_opt;
  app.add_option("--archive", archive_opt,
                 "Archive folder (default: $FORA_ARCHIVE, else $XDG_DATA_HOME/fora, else ~/.local/share/fora)");
  app.add_option("--profiles", profiles_opt, "Folder of extraction profiles (*.toml); default: the installed ones");

  CrawlCommand crawl;
  auto* c = app.add_subcommand("crawl", "Fetch sites into the archive: follows links within each start URL's host, obeys robots.txt");
  c->add_option("url", crawl.urls, "Start URL(s), e.g. https://example.com/");
  c->add_option("--from", crawl.from, "Read more start URLs from FILE, one a line ('#' starts a comment); each site gets its own queue and politeness");
  c->add_option("--delay", crawl.delay, "Seconds between two requests to one host")->transform(decimal_fraction())->capture_default_str();
  c->add_option("--max-pages", crawl.max_pages, "Stop after this many requests (0: no limit)")->transform(decimal<decltype(crawl.max_pages)>())->capture_default_str();
  c->add_option("--max-depth", crawl.max_depth, "Follow links at most this many hops from a start URL (0: no limit)")->transform(decimal<decltype(crawl.max_depth)>())->capture_default_str()->check(CLI::NonNegativeNumber);
  c->add_option("--robots-max-age", crawl.robots_max_age, "Seconds a host's robots.txt is trusted before it is read again (RFC 9309: at most a day)")->transform(decimal_fraction())->capture_default_str()->check(CLI::Range(1.0, 86400.0));
  c->add_option("--timeout", crawl.timeout, "Seconds before a request is abandoned")->transform(decimal<decltype(crawl.timeout)>())->capture_default_str();
  c->add_option("--user-agent", crawl.user_agent, "User-Agent sent, and matched in robots.txt")->capture_default_str();
  c->add_option("--jobs,-j", crawl.jobs, "Threads that read and compress pages (0: one per core)")->transform(decimal<decltype(crawl.jobs)>())->capture_default_str();
  c->add_option("--connections", crawl.connections, "Requests in flight in all")->transform(decimal<decltype(crawl.connections)>())->capture_default_str()->check(CLI::PositiveNumber);
  c->add_option("--per-host", crawl.per_host, "Requests in flight to one host (--delay still spaces their starts)")->transform(decimal<decltype(crawl.per_host)>())->capture_default_str()->check(CLI::PositiveNumber);
  c->add_option("--retries", crawl.retries, "Tries again after a timeout, reset, 5xx or 429 (waiting 1 s, 2 s, ... or Retry-After)")->transform(decimal<decltype(crawl.retries)>())->capture_default_str()->check(CLI::Range(0, 10));
  c->add_option("--frontier-window", crawl.window, "URLs of one host kept in memory; the rest wait in the catalog")->transform(decimal<decltype(crawl.window)>())->capture_default_str()->check(CLI::Range(2, 10000000));
  c->add_option("--scope", crawl.scope, "How far from the start URLs: host (their scheme, host and port), domain (their hosts and every host under them), prefix (URLs under a start URL's folder)")->capture_default_str()->check(CLI::IsMember({"host", "domain", "prefix"}));
  c->add_option("--include", crawl.include, "Follow only URLs this regex finds something in (repeatable)")->allow_extra_args(false);
  c->add_option("--exclude", crawl.exclude, "Never follow URLs this regex finds something in (repeatable)")->allow_extra_args(false);
  c->add_flag("--quiet,-q", crawl.quiet, "No progress line and no summary");
  c->add_flag("--json", crawl.json, "Print the summary as one JSON object (counts per outcome and per host)");
  c->add_option("--segment-size", crawl.segment_size, "Start a new snapshot segment once one holds this much (e.g. 256MB, 1GB)")->capture_default_str()->transform(CLI::AsSizeValue(false))->check(CLI::Range(std::int64_t{1} << 16, std::int64_t{1} << 40));
  c->add_option("--dictionary-after", crawl.dictionary_after, "Train a site's compression dictionary once this many of its pages are stored (0: never)")->transform(decimal<decltype(crawl.dictionary_after)>())->capture_default_str()->check(CLI::NonNegativeNumber);
  c->add_option("--min-interval", crawl.min_interval, "`fora update` visits a page at most this often, however often it changes (e.g. 6h, 1d)")->capture_default_str();
  c->add_option("--max-interval", crawl.max_interval, "`fora update` visits a page at least this often, however quiet it is (e.g. 30d, 2w)")->capture_default_str();
  c->add_option("--log", crawl.log, "Append one line per request to FILE: time, status, bytes, ms, URL, outcome");

  UpdateCommand update;
  auto* up = app.add_subcommand("update", "Visit again what is due on every site crawled before (new threads, new comments, edits, deletions), then update the index");
  up->add_option("--site", update.sites, "Only this site (repeatable; e.g. example.com)")->allow_extra_args(false);
  up->add_flag("--no-index", update.no_index, "Leave the index as it is (run `fora index` later)");
  up->add_option("--min-interval", update.min_interval, "Visit a page at most this often, however often it changes (e.g. 6h, 1d; default: the crawl's)");
  up->add_option("--max-interval", update.max_interval, "Visit a page at least this often, however quiet it is (e.g. 30d, 2w; default: the crawl's)");
  up->add_option("--delay", update.delay, "Seconds between two requests to one host (default: what the site was crawled with)")->transform(decimal_fraction());
  up->add_option("--jobs,-j", update.jobs, "Threads that read and compress pages (0: one per core)")->transform(decimal<decltype(update.jobs)>())->capture_default_str();
  up->add_option("--log", update.log, "Append one line per request to FILE: time, status, bytes, ms, URL, outcome");
  up->add_flag("--quiet,-q", update.quiet, "Print nothing but errors (for cron)");
  up->add_flag("--json", update.json, "Print the summary as one JSON object");

  IndexCommand index;
  auto* i = app.add_subcommand("index", "Bring the search index up to date with the archive (incremental)");
  i->add_flag("--rebuild", index.rebuild, "Build a new index from scratch and switch to it atomically");

  SearchCommand search;
  auto* s = app.add_subcommand("search", "Search posts and comments");
  s->footer(
      "Query syntax: author:Edward  author:\"David Eastman\"  type:comment|post  topic:soyuz\n"
      "  tag:Soyuz  category:Space  date:2022-12-16  date:2022-12  date:2019..2021  date:30d..\n"
      "  \"exact phrase\"  own:word  quote:word  replyto:Chris  is:edited  is:gone  AND OR NOT ( )\n"
      "Natural form: fora search every Edward comment on Soyuz  (prints how it was read)");
  s->add_option("query", search.words, "The query (several words are joined)")->required();
  s->add_option("--limit,-n", search.limit, "Results to show")->transform(decimal<decltype(search.limit)>())->capture_default_str();
  s->add_option("--offset", search.offset, "Results to skip")->transform(decimal<decltype(search.offset)>())->capture_default_str();
  s->add_option("--sort", search.sort, "relevance, date or -date")
      ->check(CLI::IsMember({"relevance", "date", "-date"}))->capture_default_str();
  s->add_flag_callback("--json", [&search] { search.format = "json"; }, "One JSON object per result per line");
  s->add_flag_callback("--csv", [&search] { search.format = "csv"; }, "CSV with a header row");
  s->add_flag("--count", search.count, "Print only the number of results");
  s->add_flag("--literal", search.literal, "Do not read the query as natural language");

  ShowCommand show;
  auto* sh = app.add_subcommand("show", "Print one post or comment in full, with its thread");
  sh->add_option("id", show.id, "The ID that search prints in [brackets]")->transform(decimal<decltype(show.id)>())->required();
  sh->add_flag("--json", show.json, "As one JSON object");
  sh->add_flag("--history", show.history, "Every version fora saw, when it was first and last seen, and a word diff to the one before ([-removed-] {+added+}); with --json, \"versions\" and \"thread_versions\"");

  StatsCommand stats;
  auto* st = app.add_subcommand("stats", "Counts of what the archive holds");
  st->add_flag("--json", stats.json, "As one JSON object");

  ExtractCommand extract;
  auto* x = app.add_subcommand("extract", "Show what fora reads from one page (a file or a URL); archives nothing");
  x->add_option("target", extract.target, "An HTML file or an http(s) URL")->required();
  x->add_option("--url", extract.url, "The page's address, for its links and ids (default: the target)");
  x->add_option("--captured", extract.captured, "When the page was captured (ISO 8601), for relative dates");
  x->add_option("--profile", extract.profile, "Apply this profile file (*.toml), whatever its [match] says");
  x->add_flag("--json", extract.json, "One JSON object per post/comment per line (the format of show --json)");
  x->add_flag("--links", extract.links, "Print the links a crawl would follow from this page");

  ImportCommand imp;
  auto* im = app.add_subcommand("import", "Read WARC files (wget, Heritrix, warcio/Browsertrix, fora; .warc, .warc.gz, .warc.zst) into the archive");
  im->add_option("file", imp.files, "WARC files")->required()->check(CLI::ExistingFile);
  im->add_flag("--quiet,-q", imp.quiet, "Print nothing but errors");

  ReextractCommand rex;
  auto* re = app.add_subcommand("reextract", "Read every stored page again with today's readers; changed text becomes new versions");
  re->add_option("--site", rex.site, "Only this site (e.g. example.com)");
  re->add_flag("--quiet,-q", rex.quiet, "Print nothing but errors");

  ExportCommand exp;
  auto* ex = app.add_subcommand("export", "Write the archive out: the captures as a .warc.gz, the threads as JSON lines");
  ex->add_option("--warc", exp.warc, "Every capture's records (request, response, revisit) to FILE.warc.gz, a gzip member per record");
  ex->add_option("--jsonl", exp.jsonl, "Threads, posts and comments with every version and its dates to FILE, one JSON object a line");
  ex->add_option("--site", exp.site, "Only this site (e.g. example.com)");
  ex->add_option("--since", exp.since, "Only captures fetched, and entries seen, since this time (e.g. 2024-01-31)");
  ex->add_flag("--quiet,-q", exp.quiet, "Print nothing but errors");

  CompactCommand compact;
  auto* co = app.add_subcommand("compact", "Compress the snapshots again with each site's dictionary, at a higher level; removes emptied segments");
  co->add_option("--level", compact.level, "zstd level (1-19): 19 stores least and takes longest")->transform(decimal<decltype(compact.level)>())->capture_default_str()->check(CLI::Range(1, 19));
  co->add_option("--dictionary-after", compact.dictionary_after, "A site with this many pages and no dictionary gets one first (0: never)")->transform(decimal<decltype(compact.dictionary_after)>())->capture_default_str()->check(CLI::NonNegativeNumber);
  co->add_flag("--quiet,-q", compact.quiet, "Print nothing but errors");

  VerifyCommand verify;
  auto* v = app.add_subcommand("verify", "Check the archive is whole: every record decodes and is where the catalog says; exit 1 on damage");
  v->add_flag("--deep", verify.deep, "Also recompute every payload digest and check the catalog database");
  v->add_flag("--json", verify.json, "As one JSON object");
  v->add_flag("--repair", verify.repair, "Mend the damage found: move damaged segment bytes to snapshots/damaged/, drop the captures and words lost, queue their pages for the next crawl or update; then check deeply");

  LogCommand log;
  auto* lg = app.add_subcommand("log", "List past runs that wrote to the archive: command, start, end, pages, new/edited/gone, errors");
  lg->add_option("--limit,-n", log.limit, "Runs to list, newest first")->transform(decimal<decltype(log.limit)>())->capture_default_str()->check(CLI::PositiveNumber);
  lg->add_flag("--json", log.json, "One JSON object per run per line");

  auto* pr = app.add_subcommand("profiles", "List the extraction profiles, where each was loaded from, and its match rules");

  Context ctx{{}, {}, Terminal(stdout), Terminal(stderr), {}};
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  for (int k = 1; k < argc; ++k) {
    const std::string arg = argv[k];
    if (!ctx.command_line.empty()) ctx.command_line += ' ';
    ctx.command_line += arg.find_first_of(" \t'\"") == std::string::npos ? arg : "'" + arg + "'";
  }
  ctx.archive_dir = fora::cli::default_location(
      archive_opt.empty() ? std::nullopt : std::optional<std::filesystem::path>(archive_opt));
  if (!profiles_opt.empty()) ctx.profiles_dir = profiles_opt;

  fora::Status status = fora::ok();
  if (*c) status = run_crawl(ctx, crawl);
  else if (*up) status = run_update(ctx, update);
  else if (*i) status = run_index(ctx, index);
  else if (*s) status = run_search(ctx, search);
  else if (*sh) status = run_show(ctx, show);
  else if (*st) status = run_stats(ctx, stats);
  else if (*x) status = run_extract(ctx, extract);
  else if (*v) status = run_verify(ctx, verify);
  else if (*co) status = run_compact(ctx, compact);
  else if (*ex) status = run_export(ctx, exp);
  else if (*im) status = run_import(ctx, imp);
  else if (*re) status = run_reextract(ctx, rex);
  else if (*pr) status = run_profiles(ctx);
  else if (*lg) status = run_log(ctx, log);
  std::fflush(stdout);
  if (!status) return report(ctx, status.error());
  return 0;
}
