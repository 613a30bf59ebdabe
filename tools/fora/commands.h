// The subcommands of `fora`, as one table. Each cmd_<name>.cc defines its Command: the
// name, the line of help, and add_options(), which adds its options to the CLI11 subcommand
// main.cc made for it and returns the run those options feed. A command never sees argv;
// main.cc walks the table to build the command line, runs what was chosen and maps its
// Status to a message and an exit code. The man page and the shell completions (`fora
// __manpage`, `fora __completion`, run by the build) walk the CLI11 tree built from this
// same table, so they cannot miss a command or an option.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <memory>
#include <span>
#include <string_view>

#include "context.h"
#include "fora/result.h"

namespace fora::cli {

struct Command {
  // The command's work, bound to the options add_options() filled; called once parsed.
  using Run = std::function<Status(const Context&)>;
  std::string_view name;
  std::string_view help;             // one line: what `fora --help` and the man page say of it
  Run (*add_options)(CLI::App& sub);
  bool hidden = false;               // for the build and the shell: not in --help nor the man page
};

// Every command, in the order `fora --help` and the man page list them.
std::span<const Command* const> commands();

// --quiet,-q for a command that prints progress or a summary: nothing but errors.
void add_quiet_flag(CLI::App& sub, bool& quiet);

extern const Command crawl_command;
extern const Command update_command;
extern const Command index_command;
extern const Command search_command;
extern const Command threads_command;
extern const Command authors_command;
extern const Command show_command;
extern const Command stats_command;
extern const Command extract_command;
extern const Command import_command;
extern const Command reextract_command;
extern const Command export_command;
extern const Command compact_command;
extern const Command verify_command;
extern const Command log_command;
extern const Command serve_command;
extern const Command profiles_command;
extern const Command manpage_command;     // hidden: for the build (cmd_manual.cc)
extern const Command completion_command;  // hidden: for the build
extern const Command complete_command;    // hidden: for the shell

}  // namespace fora::cli
