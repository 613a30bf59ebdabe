// fora stats: what the archive holds.
#include <fmt/format.h>

#include "commands.h"
#include "output.h"

namespace fora::cli {

struct StatsCommand {
  OutputOptions output;  // --json, --csv, --fields, --no-pager
};

Status run_stats(const Context& ctx, const StatsCommand& cmd) {
  auto printer = Printer::make(ctx, cmd.output, {&stats_kind()});
  if (!printer) return printer.error();
  auto archive = ctx.open_archive(archive::Archive::Mode::Read);
  if (!archive) return archive.error();
  auto s = (*archive)->stats();
  if (!s) return s.error();
  const std::pair<const char*, std::int64_t> rows[] = {
      {"sites", s->sites},
      {"pages", s->pages},
      {"captures", s->captures},
      {"threads", s->threads},
      {"posts", s->posts},
      {"comments", s->comments},
      {"comment_versions", s->comment_versions},
      {"authors", s->authors},
      {"edited", s->edited},
      {"gone", s->gone},
      {"snapshot_bytes", s->snapshot_bytes},
      {"catalog_bytes", s->catalog_bytes},
      {"index_bytes", s->index_bytes},
  };
  printer->record(stats_kind(), stats_record(*s));

  std::string text = fmt::format("archive           {}\n", clean(ctx.archive_dir.string()));
  for (const auto& [k, v] : rows) text += fmt::format("{:<17} {}\n", k, v);
  if (!s->per_site.empty()) {
    text += fmt::format("\n{:<32} {:>8} {:>10} {:>8} {:>8}\n", "site", "threads", "entries", "edited", "gone");
    for (const auto& site : s->per_site)
      text += fmt::format("{:<32} {:>8} {:>10} {:>8} {:>8}\n", clean(site.origin), site.threads, site.entries,
                          site.edited, site.gone);
  }
  printer->text(text);
  return ok();
}

namespace {

Command::Run add_stats_options(CLI::App& st) {
  auto stats = std::make_shared<StatsCommand>();
  add_output_options(st, stats->output, "one for the archive");
  return [stats](const Context& ctx) { return run_stats(ctx, *stats); };
}

}  // namespace

const Command stats_command{"stats", "Counts of what the archive holds", add_stats_options};

}  // namespace fora::cli
