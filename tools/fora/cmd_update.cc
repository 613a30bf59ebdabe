// fora update [--site S]...: visits again what is due on each site crawled before (its
// start URLs, the pages its schedule says, the pages a changed listing or thread points at,
// and every page never seen), then brings the index up to date. Made for cron: quiet with
// --quiet, exit 0 / 1 / 4 (locked).
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <ctime>
#include <fstream>
#include <map>
#include <set>

#include "commands.h"
#include "output.h"
#include "crawl_run.h"
#include "fora/indexer/index_writer.h"
#include "interrupt.h"

namespace fora::cli {

struct UpdateCommand {
  std::vector<std::string> sites;  // --site: only these (default: every site crawled)
  bool no_index = false;           // leave the index as it is
  RunOptions run;                  // delay and intervals: default, what each site was crawled with
};

namespace {

// The crawls an update runs: one per distinct crawl settings among the sites asked for (a
// crawl of several start URLs took in several sites).
Result<std::vector<crawler::CrawlSettings>> crawls_to_run(const archive::Archive& archive, const UpdateCommand& cmd) {
  auto sites = archive.queue().site_crawls();
  if (!sites) return sites.error();
  std::set<std::string> wanted;
  for (const std::string& s : cmd.sites) {
    auto origin = site_option(s);
    if (!origin) return origin.error();
    const bool known = std::any_of(sites->begin(), sites->end(), [&](const auto& site) { return site.origin == *origin; });
    if (!known) return make_error(Errc::NotFound, "--site " + s + ": the archive holds no such site", "`fora stats` lists its sites");
    wanted.insert(*origin);
  }
  std::vector<crawler::CrawlSettings> crawls;
  std::set<std::string> taken;
  for (const auto& site : *sites) {
    if (!wanted.empty() && !wanted.count(site.origin)) continue;
    const std::string key = site.settings.empty() ? "site " + site.origin : site.settings;
    if (!taken.insert(key).second) continue;
    crawler::CrawlSettings crawl;
    if (!site.settings.empty()) {
      auto kept = crawler::CrawlSettings::from_json(site.settings);
      if (!kept) return kept.error();
      crawl = std::move(*kept);
    } else {
      crawl.start_urls = site.start_urls;  // crawled before settings were kept: its depth-0 pages
    }
    if (crawl.start_urls.empty()) continue;  // pages imported from WARC files, never crawled
    crawls.push_back(std::move(crawl));
  }
  if (crawls.empty())
    return make_error(Errc::NotFound, "nothing to update: the archive has no crawled site",
                      "crawl one first: fora crawl https://example.com/");
  return crawls;
}

}  // namespace

Status run_update(const Context& ctx, const UpdateCommand& cmd) {
  auto session = CrawlSession::open(ctx, cmd.run);
  if (!session) return session.error();
  archive::Archive& archive = *session->archive;
  RunLog& run = session->run;
  auto crawls = crawls_to_run(archive, cmd);
  if (!crawls) return run.finish(crawls.error());

  Tally tally;
  crawler::CrawlProgress total;
  std::string lines;  // one per crawl, printed at the end
  for (crawler::CrawlSettings& crawl : *crawls) {
    if (Status applied = apply_run_options(cmd.run, crawl); !applied) return run.finish(applied.error());
    crawler::CrawlOptions options = crawl.options();
    options.jobs = cmd.run.jobs;
    options.update = true;
    crawler::CrawlProgress seen;
    auto result = run_one_crawl(ctx, archive, session->extractor, options, cmd.run.quiet || cmd.run.json, session->log, tally, seen);
    total.fetched += seen.fetched;
    total.failed += seen.failed;
    total.due += seen.due;
    total.signalled += seen.signalled;
    total.changed += seen.changed;
    total.damaged += seen.damaged;
    total.gone += seen.gone;
    total.threads += seen.threads;
    if (!result) return run.finish(result.error(), total.fetched, total.failed);
    const std::string more = crawl.start_urls.size() > 1 ? fmt::format(" and {} more", crawl.start_urls.size() - 1) : "";
    lines += fmt::format("{}{}: {} pages asked for ({} failed): {} due by their schedule, {} pointed at by a change; "
                         "{} showed something new\n",
                         clean(crawl.start_urls.front()), more, seen.fetched, seen.failed, seen.due, seen.signalled, seen.changed);
  }
  if (total.fetched == 0)
    return run.finish(make_error(Errc::Network, "nothing could be fetched: no site answered",
                                  "check the sites answer; --log FILE shows each attempt"),
                       total.fetched, total.failed);

  indexer::IndexSummary indexed;
  if (!cmd.no_index) {
    StopOnSignal stop;
    auto summary = indexer::update_index(archive, indexer::IndexOptions{}, {}, stop.requested());
    if (!summary) return run.finish(summary.error(), total.fetched, total.failed);
    indexed = *summary;
  }
  const archive::RunCounts counts = archive.runs().counts();
  FORA_TRY(run.finish(ok(), total.fetched, total.failed));
  if (cmd.run.json) {
    nlohmann::json j = {{"crawls", crawls->size()},      {"fetched", total.fetched},
                        {"failed", total.failed},        {"due", total.due},
                        {"signalled", total.signalled},  {"changed_pages", total.changed},
                        {"new", counts.entries_new},     {"edited", counts.entries_edited},
                        {"gone", counts.entries_gone},   {"damaged_copies", total.damaged},
                        {"outcomes", tally.outcomes},
                        {"hosts", tally.hosts}};
    if (!cmd.no_index)
      j["index"] = {{"added", indexed.added}, {"updated", indexed.updated}, {"documents", indexed.documents},
                    {"compacted", indexed.compacted}};
    j["v"] = kRecordVersion;
    ctx.out.write(json_line(j));
    return ok();
  }
  if (cmd.run.quiet) return ok();
  ctx.out.write(lines);
  if (total.damaged > 0)
    ctx.out.write(fmt::format("stored copies found damaged: {} (asked for again whole; `fora verify --repair` sets them aside)\n",
                              total.damaged));
  ctx.out.write(fmt::format("posts and comments: {} new, {} edited, {} gone\n", counts.entries_new,
                            counts.entries_edited, counts.entries_gone));
  if (!cmd.no_index)
    ctx.out.write(fmt::format("indexed: {} added, {} updated; {} documents (generation {}{})\n", indexed.added,
                              indexed.updated, indexed.documents, indexed.generation,
                              indexed.compacted ? ", compacted" : ""));
  return ok();
}

namespace {

Command::Run add_update_options(CLI::App& up) {
  auto update = std::make_shared<UpdateCommand>();
  up.add_option("--site", update->sites, "Only this site (repeatable; e.g. example.com)")->allow_extra_args(false);
  up.add_flag("--no-index", update->no_index, "Leave the index as it is (run `fora index` later)");
  add_run_options(up, update->run, nullptr);
  return [update](const Context& ctx) { return run_update(ctx, *update); };
}

}  // namespace

const Command update_command{"update", "Visit again what is due on every site crawled before (new threads, new comments, edits, deletions), then update the index", add_update_options};

}  // namespace fora::cli
