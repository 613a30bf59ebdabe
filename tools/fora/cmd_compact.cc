// fora compact [--level N]: compress the snapshots, and the words of posts and comments in
// the catalog, again with each site's dictionaries.
#include <fmt/format.h>

#include "commands.h"
#include "fora/archive/compact.h"
#include "number_option.h"
#include "people_text.h"

namespace fora::cli {

struct CompactCommand {
  int level = 19;                       // zstd level the records are compressed again at
  std::int64_t dictionary_after = 256;  // a site with this many records and no dictionary gets one
  bool quiet = false;
};

Status run_compact(const Context& ctx, const CompactCommand& cmd) {
  auto archive = ctx.open_archive(archive::Archive::Mode::Write);
  if (!archive) return archive.error();
  (*archive)->captures().set_dictionary_policy(cmd.dictionary_after);
  auto run = RunLog::start(**archive, ctx);
  if (!run) return run.error();
  const bool live = ctx.err.is_tty() && !cmd.quiet;
  auto report = archive::compact((*archive)->captures(), cmd.level, [&](std::int64_t done, std::int64_t total) {
    if (live) ctx.err.write(fmt::format("\r\x1b[Kcompressed {} of {} captures again", done, total));
  });
  if (live) ctx.err.write("\r\x1b[K");
  if (!report) return run->finish(report.error());
  FORA_TRY(run->finish(ok(), 0, static_cast<std::int64_t>(report->problems.size())));
  for (const std::string& p : report->problems) ctx.err.write("fora: " + clean(p) + "\n");
  if (!cmd.quiet) {
    ctx.out.write(fmt::format("{} compressed again at level {}, {} removed; snapshots {:.1f} MB -> {:.1f} MB\n",
                              counted(report->captures_moved, "capture"), cmd.level,
                              counted(report->segments_removed, "segment"),
                              static_cast<double>(report->bytes_before) / 1e6,
                              static_cast<double>(report->bytes_after) / 1e6));
    ctx.out.write(fmt::format("{} of posts and comments compressed again; catalog {:.1f} MB -> {:.1f} MB\n",
                              counted(report->versions_moved, "version"),
                              static_cast<double>(report->catalog_before) / 1e6,
                              static_cast<double>(report->catalog_after) / 1e6));
    if (!report->problems.empty())
      ctx.out.write(fmt::format("{} captures or versions left as they were (damaged: `fora verify --repair` sets them aside)\n",
                                report->problems.size()));
  }
  return ok();
}

namespace {

Command::Run add_compact_options(CLI::App& co) {
  auto compact = std::make_shared<CompactCommand>();
  co.add_option("--level", compact->level, "zstd level (1-19): 19 stores least and takes longest")->transform(decimal<decltype(compact->level)>())->capture_default_str()->check(CLI::Range(1, 19));
  co.add_option("--dictionary-after", compact->dictionary_after, "A site with this many pages and no dictionary gets one first (0: never)")->transform(decimal<decltype(compact->dictionary_after)>())->capture_default_str()->check(CLI::NonNegativeNumber);
  add_quiet_flag(co, compact->quiet);
  return [compact](const Context& ctx) { return run_compact(ctx, *compact); };
}

}  // namespace

const Command compact_command{"compact", "Compress the snapshots again with each site's dictionary, at a higher level; removes emptied segments", add_compact_options};

}  // namespace fora::cli
