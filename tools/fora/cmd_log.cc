// fora log [-n N] [--json]: the runs that wrote to the archive, newest first.
#include <fmt/format.h>

#include "commands.h"
#include "number_option.h"
#include "output.h"
#include "fora/archive/http_response.h"
#include "people_text.h"

namespace fora::cli {

struct LogCommand {
  std::size_t limit = 20;
  OutputOptions output;  // --json, --csv, --fields, --no-pager
};

namespace {

std::string took(const archive::RunRecord& r) {
  if (!r.ended_at) return "-";
  const std::int64_t s = *r.ended_at - r.started_at;
  if (s < 120) return fmt::format("{} s", s);
  if (s < 7200) return fmt::format("{} min", s / 60);
  return fmt::format("{:.1f} h", static_cast<double>(s) / 3600);
}

std::string outcome(const archive::RunRecord& r) {
  if (!r.ended_at) return "running, or killed";
  if (r.exit_code == 0) return r.outcome;
  return fmt::format("exit {}: {}", r.exit_code, r.outcome);
}

}  // namespace

Status run_log(const Context& ctx, const LogCommand& cmd) {
  auto printer = Printer::make(ctx, cmd.output, {&run_kind()});
  if (!printer) return printer.error();
  auto archive = ctx.open_archive(archive::Archive::Mode::Read);
  if (!archive) return archive.error();
  auto runs = (*archive)->runs().latest(cmd.limit);
  if (!runs) return runs.error();
  if (runs->empty()) printer->text("no runs recorded yet\n");
  else
    printer->text(fmt::format("{:>4}  {:<20}  {:>6}  {:>7}  {:>7}  {:>6}  {:>5}  {:>6}  {}\n", "run", "started (UTC)",
                              "took", "pages", "new", "edited", "gone", "errors", "command: outcome"));
  for (const auto& r : *runs) {
    printer->record(run_kind(), run_record(r));
    printer->text(fmt::format("{:>4}  {:<20}  {:>6}  {:>7}  {:>7}  {:>6}  {:>5}  {:>6}  {}: {}\n", r.id,
                              date_for_people(r.started_at, "exact").substr(0, 16), took(r), r.pages_fetched,
                              r.entries_new, r.entries_edited, r.entries_gone, r.errors, clean(r.command),
                              clean(outcome(r))));
  }
  return ok();
}

namespace {

Command::Run add_log_options(CLI::App& lg) {
  auto log = std::make_shared<LogCommand>();
  lg.add_option("--limit,-n", log->limit, "Runs to list, newest first")->transform(decimal<decltype(log->limit)>())->capture_default_str()->check(CLI::PositiveNumber);
  add_output_options(lg, log->output, "one per run");
  return [log](const Context& ctx) { return run_log(ctx, *log); };
}

}  // namespace

const Command log_command{"log", "List past runs that wrote to the archive: command, start, end, pages, new/edited/gone, errors", add_log_options};

}  // namespace fora::cli
