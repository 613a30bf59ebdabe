// fora reextract [--site S]: the stored pages read again with today's readers.
#include <fmt/format.h>

#include "commands.h"
#include "fora/crawler/reextract.h"

namespace fora::cli {

struct ReextractCommand {
  std::string site;  // only this site
  bool quiet = false;
};

Status run_reextract(const Context& ctx, const ReextractCommand& cmd) {
  auto extractor = ctx.open_extractor();
  if (!extractor) return extractor.error();
  std::string site;
  if (!cmd.site.empty()) {
    auto key = site_option(cmd.site);
    if (!key) return key.error();
    site = std::move(*key);
  }
  auto archive = ctx.open_archive(archive::Archive::Mode::Write);
  if (!archive) return archive.error();
  auto run = RunLog::start(**archive, ctx);
  if (!run) return run.error();
  auto report = crawler::reextract(**archive, *extractor, site);
  if (!report) return run->finish(report.error());
  FORA_TRY(run->finish(ok(), 0, static_cast<std::int64_t>(report->problems.size())));
  for (const std::string& p : report->problems) ctx.err.write("fora: " + clean(p) + "\n");
  if (!cmd.quiet) {
    ctx.out.write(fmt::format("{} pages read again, {} with a thread; {} posts and comments new or changed"
                              " (run `fora index` to search them)\n",
                              report->pages, report->thread_pages, report->changed));
  }
  return ok();
}

namespace {

Command::Run add_reextract_options(CLI::App& re) {
  auto rex = std::make_shared<ReextractCommand>();
  re.add_option("--site", rex->site, "Only this site (e.g. example.com)");
  add_quiet_flag(re, rex->quiet);
  return [rex](const Context& ctx) { return run_reextract(ctx, *rex); };
}

}  // namespace

const Command reextract_command{"reextract", "Read every stored page again with today's readers; changed text becomes new versions", add_reextract_options};

}  // namespace fora::cli
