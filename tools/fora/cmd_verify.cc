// fora verify [--deep]: is the archive whole?
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "printer.h"

namespace fora::cli {

Status run_verify(const Context& ctx, const VerifyCommand& cmd) {
  // Opened for writing: the lock keeps a crawl from appending while the segments are read,
  // and opening cuts a torn tail (which context.cc reports as mended).
  auto archive = ctx.open_archive(archive::Archive::Mode::Write);
  if (!archive) return archive.error();
  auto report = (*archive)->verify(cmd.deep);
  if (!report) return report.error();
  if (cmd.json) {
    nlohmann::json j = {{"segments", report->segments}, {"records", report->records},
                        {"captures", report->captures}, {"bytes", report->bytes},
                        {"deep", cmd.deep},             {"mended", (*archive)->repairs()},
                        {"problems", report->problems}};
    ctx.out.write(j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
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
                      "the lines above name each segment and offset; what they hold cannot be read back");
  }
  return ok();
}

}  // namespace fora::cli
