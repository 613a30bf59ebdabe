// The fora(1) manual page and the bash and zsh completions, written from the CLI11 tree that
// main.cc built from the command table (commands.h): every command and option appears as
// `fora --help` shows it, and a new one cannot be missed. The build writes them with
// `fora __manpage` and `fora __completion bash|zsh` (cmd_manual.cc); hidden commands (whose
// CLI11 group is empty) are left out. Pure functions of the tree.
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace fora::cli {

// roff source for man(1): NAME, SYNOPSIS, DESCRIPTION, OPTIONS, COMMANDS (each with its
// options, their help and defaults), QUERY SYNTAX, EXIT STATUS (from exit_code()),
// ENVIRONMENT, FILES.
std::string man_page(const CLI::App& app, const std::string& version);

// A script for bash (sourced by bash-completion) and one for zsh (#compdef). Both complete
// commands and options, and the value of --site with the archive's sites, read by running
// `fora __complete sites`; a site name is never evaluated by the shell.
std::string bash_completion(const CLI::App& app);
std::string zsh_completion(const CLI::App& app);

// The commands shown to the user (not the hidden ones), in table order.
std::vector<const CLI::App*> visible_commands(const CLI::App& app);

}  // namespace fora::cli
