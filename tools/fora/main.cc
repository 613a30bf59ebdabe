// fora: the command line. Builds it from the table of commands (commands.h), runs the one
// chosen, and maps errors to a message and an exit code (once, here).
#include <CLI/CLI.hpp>
#include <clocale>
#include <cstdio>
#include <fmt/format.h>

#include <utility>
#include <vector>

#include "commands.h"

namespace {

using fora::Errc;

int report(const fora::cli::Context& ctx, const fora::Error& e) {
  std::string text = fmt::format("fora: {}\n", fora::cli::clean(e.message));
  if (!e.hint.empty()) text += fmt::format("  hint: {}\n", fora::cli::clean(e.hint));
  ctx.err.write(text);
  return fora::cli::exit_code(e.code);
}

}  // namespace

int main(int argc, char** argv) {
  std::setlocale(LC_ALL, "");
  using namespace fora::cli;

  CLI::App app{"fora: archive forum and blog threads, and search them by author, date and topic.\n"
               "Typical use: fora crawl https://site/ ; fora index ; fora search 'author:Edward soyuz'"};
  app.set_version_flag("--version", std::string("fora ") + FORA_VERSION);
  app.require_subcommand(1);
  // Usage errors read like every other error: "fora: " and what was wrong, then a hint.
  app.failure_message([](const CLI::App*, const CLI::Error& e) {
    return fmt::format("fora: {}\n  hint: fora --help, or fora COMMAND --help\n", e.what());
  });
  std::string archive_opt, profiles_opt;
  app.add_option("--archive", archive_opt,
                 "Archive folder (default: $FORA_ARCHIVE, else $XDG_DATA_HOME/fora, else ~/.local/share/fora)");
  app.add_option("--profiles", profiles_opt, "Folder of extraction profiles (*.toml); default: the installed ones");

  // Every command of the table, with the run its options feed.
  std::vector<std::pair<const CLI::App*, Command::Run>> runs;
  for (const Command* command : commands()) {
    CLI::App* sub = app.add_subcommand(std::string(command->name), std::string(command->help));
    if (command->hidden) sub->group("");
    runs.emplace_back(sub, command->add_options(*sub));
  }

  Context ctx{{}, {}, Terminal(stdout), Terminal(stderr), {}};
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  for (int k = 1; k < argc; ++k) {
    const std::string arg = argv[k];
    if (!ctx.command_line.empty()) ctx.command_line += ' ';
    ctx.command_line += arg.find_first_of(" \t'\"") == std::string::npos ? arg : "'" + arg + "'";
  }
  ctx.archive_dir = fora::cli::default_location(
      archive_opt.empty() ? std::nullopt : std::optional<std::filesystem::path>(archive_opt));
  if (!profiles_opt.empty()) ctx.profiles_dir = profiles_opt;

  fora::Status status = fora::ok();
  for (const auto& [sub, run] : runs)
    if (*sub) status = run(ctx);
  ctx.out.release();  // what a command held for the pager (output.h), before any error
  std::fflush(stdout);
  if (!status) return report(ctx, status.error());
  return 0;
}
