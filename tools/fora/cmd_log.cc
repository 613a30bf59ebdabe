// fora log [-n N] [--json]: the runs that wrote to the archive, newest first.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "number_option.h"
#include "printer.h"

namespace fora::cli {

struct LogCommand {
  std::size_t limit = 20;
  bool json = false;
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
  auto archive = ctx.open_archive(archive::Archive::Mode::Read);
  if (!archive) return archive.error();
  auto runs = (*archive)->runs().latest(cmd.limit);
  if (!runs) return runs.error();
  if (cmd.json) {
    for (const auto& r : *runs) {
      nlohmann::json j = {{"id", r.id},
                          {"command", r.command},
                          {"started", r.started_at},
                          {"ended", r.ended_at ? nlohmann::json(*r.ended_at) : nlohmann::json()},
                          {"pages_fetched", r.pages_fetched},
                          {"new", r.entries_new},
                          {"edited", r.entries_edited},
                          {"gone", r.entries_gone},
                          {"errors", r.errors},
                          {"exit_code", r.exit_code},
                          {"outcome", r.outcome}};
      ctx.out.write(j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
    }
    return ok();
  }
  if (runs->empty()) {
    ctx.out.write("no runs recorded yet\n");
    return ok();
  }
  ctx.out.write(fmt::format("{:>4}  {:<20}  {:>6}  {:>7}  {:>7}  {:>6}  {:>5}  {:>6}  {}\n", "run", "started (UTC)", "took",
                            "pages", "new", "edited", "gone", "errors", "command: outcome"));
  for (const auto& r : *runs) {
    ctx.out.write(fmt::format("{:>4}  {:<20}  {:>6}  {:>7}  {:>7}  {:>6}  {:>5}  {:>6}  {}: {}\n", r.id,
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
  lg.add_flag("--json", log->json, "One JSON object per run per line");
  return [log](const Context& ctx) { return run_log(ctx, *log); };
}

}  // namespace

const Command log_command{"log", "List past runs that wrote to the archive: command, start, end, pages, new/edited/gone, errors", add_log_options};

}  // namespace fora::cli
