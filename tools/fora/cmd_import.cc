// fora import FILE...: WARC files from wget, Heritrix, warcio/Browsertrix or fora into the
// archive, read and ready to index.
#include <fmt/format.h>

#include "commands.h"
#include "people_text.h"
#include "fora/crawler/import_warc.h"

namespace fora::cli {

struct ImportCommand {
  std::vector<std::string> files;  // .warc, .warc.gz, .warc.zst
  bool quiet = false;
};

Status run_import(const Context& ctx, const ImportCommand& cmd) {
  auto extractor = ctx.open_extractor();
  if (!extractor) return extractor.error();
  auto archive = ctx.open_archive(archive::Archive::Mode::Write);
  if (!archive) return archive.error();
  auto run = RunLog::start(**archive, ctx);
  if (!run) return run.error();
  std::vector<std::filesystem::path> files(cmd.files.begin(), cmd.files.end());
  const bool live = ctx.err.is_tty() && !cmd.quiet;
  auto report = crawler::import_warc(**archive, *extractor, files, [&](const std::filesystem::path& f) {
    if (live) ctx.err.write(fmt::format("\r\x1b[Kimporting {}", clean(f.string())));
  });
  if (live) ctx.err.write("\r\x1b[K");
  if (!report) return run->finish(report.error());
  for (const std::string& p : report->problems) ctx.err.write("fora: skipped: " + clean(p) + "\n");
  if (!cmd.quiet) {
    ctx.out.write(fmt::format("{} read: {}, {} new captures, {} thread pages; {} skipped\n",
                              counted(report->records, "record"), counted(report->responses, "response"),
                              report->added, report->thread_pages,
                              counted(static_cast<std::int64_t>(report->problems.size()), "bad record")));
  }
  // A file that is no WARC at all (empty, text, a gzip of something else) is a mistake of
  // the command, not damage to skip: the others are imported, and it is named.
  Status outcome = ok();
  if (!report->not_warc.empty()) {
    std::string names;
    for (const auto& f : report->not_warc) names += (names.empty() ? "" : ", ") + clean(f.string());
    outcome = make_error(Errc::Corrupt,
                         fmt::format("{} {} no WARC record", names, report->not_warc.size() == 1 ? "holds" : "hold"),
                         "fora import reads WARC files (.warc, .warc.gz, .warc.zst)");
  }
  return run->finish(outcome, 0, static_cast<std::int64_t>(report->problems.size()));
}

namespace {

Command::Run add_import_options(CLI::App& im) {
  auto imp = std::make_shared<ImportCommand>();
  im.add_option("file", imp->files, "WARC files")->required()->check(CLI::ExistingFile);
  add_quiet_flag(im, imp->quiet);
  return [imp](const Context& ctx) { return run_import(ctx, *imp); };
}

}  // namespace

const Command import_command{"import", "Read WARC files (wget, Heritrix, warcio/Browsertrix, fora; .warc, .warc.gz, .warc.zst) into the archive", add_import_options};

}  // namespace fora::cli
