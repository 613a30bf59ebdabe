// fora verify [--deep] [--repair]: is the archive whole? (and, with --repair, make it so)
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "output.h"
#include "fora/archive/repair.h"
#include "fora/archive/verify.h"
#include "people_text.h"

namespace fora::cli {

struct VerifyCommand {
  bool deep = false;  // recompute every digest too
  bool json = false;
  bool repair = false;  // mend what is damaged first (archive::repair), then check deeply
};

Status run_verify(const Context& ctx, const VerifyCommand& cmd) {
  // Opened for writing: the lock keeps a crawl from appending while the segments are read,
  // and opening cuts a torn tail (which context.cc reports as mended).
  auto archive = ctx.open_archive(archive::Archive::Mode::Write);
  if (!archive) return archive.error();
  std::optional<archive::RepairReport> repaired;
  if (cmd.repair) {
    auto run = RunLog::start(**archive, ctx);
    if (!run) return run.error();
    auto r = archive::repair((*archive)->captures());
    if (!r) return run->finish(r.error());
    FORA_TRY(run->finish(ok(), 0, static_cast<std::int64_t>(r->found.size())));
    repaired = std::move(*r);
    if (!cmd.json) {
      for (const std::string& line : repaired->found) ctx.out.write("damaged: " + clean(line) + "\n");
      for (const std::string& line : repaired->actions) ctx.out.write("repaired: " + clean(line) + "\n");
      ctx.out.write(fmt::format("repair: {} rewritten, {} and {} lost, {} queued to be fetched again\n",
                                counted(repaired->segments_rewritten, "segment"),
                                counted(repaired->captures_lost, "capture"),
                                counted(repaired->versions_lost, "version"),
                                counted(repaired->pages_queued, "page")));
    }
  }
  const bool deep = cmd.deep || cmd.repair;
  auto report = archive::verify((*archive)->captures(), deep);
  if (!report) return report.error();
  if (cmd.json) {
    nlohmann::json j = {{"segments", report->segments}, {"records", report->records},
                        {"captures", report->captures}, {"bytes", report->bytes},
                        {"deep", deep},                 {"mended", (*archive)->repairs()},
                        {"problems", report->problems}};
    if (repaired) {
      j["repair"] = {{"found", repaired->found},
                     {"actions", repaired->actions},
                     {"segments_rewritten", repaired->segments_rewritten},
                     {"captures_lost", repaired->captures_lost},
                     {"versions_lost", repaired->versions_lost},
                     {"pages_queued", repaired->pages_queued}};
    }
    j["v"] = kRecordVersion;
    ctx.out.write(json_line(j));
  } else {
    for (const std::string& p : report->problems) ctx.out.write(clean(p) + "\n");
    ctx.out.write(fmt::format("{} ({:.1f} MB), {}, {}{}: {}\n", counted(report->segments, "segment"),
                              static_cast<double>(report->bytes) / 1e6, counted(report->records, "record"),
                              counted(report->captures, "capture"), cmd.deep ? ", digests recomputed" : "",
                              report->problems.empty()
                                  ? "no damage"
                                  : counted(static_cast<std::int64_t>(report->problems.size()), "problem")));
  }
  if (!report->problems.empty()) {
    return make_error(Errc::Corrupt, fmt::format("the archive {} is damaged", ctx.archive_dir.string()),
                      cmd.repair ? "what is left is damage to the catalog's own tables: restore catalog.db from a backup"
                                 : "the lines above name each segment and offset; `fora verify --repair` sets the damaged"
                                   " bytes aside and queues their pages to be fetched again");
  }
  return ok();
}

namespace {

Command::Run add_verify_options(CLI::App& v) {
  auto verify = std::make_shared<VerifyCommand>();
  v.add_flag("--deep", verify->deep, "Also recompute every payload digest and check the catalog database");
  v.add_flag("--json", verify->json, "As one JSON object");
  v.add_flag("--repair", verify->repair, "Mend the damage found: move damaged segment bytes to snapshots/damaged/, drop the captures and words lost, queue their pages for the next crawl or update; then check deeply");
  return [verify](const Context& ctx) { return run_verify(ctx, *verify); };
}

}  // namespace

const Command verify_command{"verify", "Check the archive is whole: every record decodes and is where the catalog says; exit 1 on damage", add_verify_options};

}  // namespace fora::cli
