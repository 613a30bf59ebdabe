// fora index: bring the Xapian index up to date with the catalog.
#include <fmt/format.h>

#include "commands.h"
#include "fora/indexer/index_writer.h"
#include "interrupt.h"

namespace fora::cli {

struct IndexCommand {
  bool rebuild = false;
  bool quiet = false;  // no progress line, no summary
  double compact_past = 25;  // percent, see IndexOptions::compact_past
  int shards = 0;            // see IndexOptions::shards
  std::string shard_by = "period";
};
Status run_index(const Context& ctx, const IndexCommand& cmd) {
  auto archive = ctx.open_archive(archive::Archive::Mode::Write);  // the writer's lock
  if (!archive) return archive.error();
  auto run = RunLog::start(**archive, ctx);
  if (!run) return run.error();
  StopOnSignal stop;
  const bool live = ctx.err.is_tty() && !cmd.quiet;
  const auto progress = [&ctx, live](const indexer::IndexProgress& p) {
    if (live && p.done % 1000 == 0) ctx.err.write(fmt::format("\r\x1b[Kindexed {}", p.done));
  };
  indexer::IndexOptions options{cmd.rebuild, cmd.compact_past / 100, cmd.shards,
                                cmd.shard_by == "site" ? indexer::ShardBy::Site : indexer::ShardBy::Period};
  // A new split needs a new generation: --shards implies --rebuild.
  if (cmd.shards > 0) options.rebuild = true;
  auto summary = indexer::update_index(**archive, options, progress, stop.requested());
  if (live) ctx.err.write("\r\x1b[K");
  FORA_TRY(run->finish(summary ? ok() : Status(summary.error())));
  if (cmd.quiet) return ok();
  ctx.out.write(fmt::format("indexed: {} added, {} updated; {} documents (generation {}{})\n", summary->added,
                            summary->updated, summary->documents, summary->generation,
                            summary->compacted ? ", compacted" : ""));
  return ok();
}

namespace {

Command::Run add_index_options(CLI::App& i) {
  auto index = std::make_shared<IndexCommand>();
  i.add_flag("--rebuild", index->rebuild, "Build a new index from scratch and switch to it atomically");
  i.add_option("--compact-past", index->compact_past,
               "Write a fresh, compacted index once the entries changed since the last one exceed "
               "this percentage of it (0: never)")
      ->check(CLI::Range(0.0, 1000.0))
      ->capture_default_str();
  auto* shards = i.add_option("--shards", index->shards,
               "Split the index into N main databases (with --rebuild implied), which Xapian searches as one and "
               "which can be served from other machines (see the README); later rebuilds keep the split")
      ->check(CLI::Range(1, 256));
  i.add_option("--shard-by", index->shard_by,
               "How --shards splits: period (whole years, oldest first, about equal in size) or site")
      ->check(CLI::IsMember({"period", "site"}))
      ->needs(shards)
      ->capture_default_str();
  add_quiet_flag(i, index->quiet);
  return [index](const Context& ctx) { return run_index(ctx, *index); };
}

}  // namespace

const Command index_command{"index", "Bring the search index up to date with the archive (incremental)", add_index_options};

}  // namespace fora::cli
