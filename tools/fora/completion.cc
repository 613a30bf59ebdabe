// The bash and zsh completions, written from the command table. Site names come from the
// archive, which holds what web pages and users wrote: the scripts take them as data (read
// line by line, matched with a quoted pattern, inserted quoted), never through `eval`,
// `compgen -W` or any other word the shell would expand.
#include <fmt/format.h>

#include "manual.h"

namespace fora::cli {
namespace {

// The options whose value is a file or a folder, for the shells' file completion.
bool takes_path(const CLI::Option& opt) {
  for (const char* name : {"from", "log", "warc", "jsonl", "profile", "archive", "profiles"})
    if (opt.check_lname(name)) return true;
  return false;
}

// A flag expects no value (CLI11 gives it a type size all the same).
bool takes_value(const CLI::Option& opt) { return opt.get_expected_max() != 0; }

std::vector<std::string> names_of(const CLI::Option& opt) {
  std::vector<std::string> names;
  for (const std::string& s : opt.get_snames()) names.push_back("-" + s);
  for (const std::string& l : opt.get_lnames()) names.push_back("--" + l);
  return names;
}

std::string joined(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

// The options of `app` (flags and options, no positionals), and of them those that take a
// value, as words.
std::vector<std::string> option_words(const CLI::App& app, bool values_only) {
  std::vector<std::string> words;
  for (const CLI::Option* opt : app.get_options())
    if (opt->nonpositional() && (!values_only || takes_value(*opt)))
      for (const std::string& n : names_of(*opt)) words.push_back(n);
  return words;
}

// Help text inside a zsh single-quoted _arguments spec: no quote, and none of the
// characters _arguments reads in a description ([ ] :).
std::string zsh_text(std::string text) {
  std::string out;
  for (const char c : text) {
    if (c == '\'') out += "'\\''";
    else if (c == '[') out += '(';
    else if (c == ']') out += ')';
    else if (c == ':') out += "\\:";
    else if (c == '\\') out += "\\\\";
    else out += c;
  }
  return out;
}

// One option as _arguments specs, a spec per name.
std::string zsh_option(const CLI::Option& opt) {
  std::string action;
  if (takes_value(opt)) {
    if (opt.check_lname("site")) action = ":site:_fora_sites";
    else if (takes_path(opt)) action = ":file:_files";
    else action = fmt::format(":{}: ", zsh_text(opt.get_type_name().substr(0, opt.get_type_name().find_first_of(": "))));
  }
  const bool repeatable = opt.get_expected_max() > 1;
  std::string out;
  for (const std::string& name : names_of(opt))
    out += fmt::format(" \\\n      '{}{}[{}]{}'", repeatable ? "*" : "", name, zsh_text(opt.get_description()), action);
  return out;
}

std::string zsh_positionals(const CLI::App& command) {
  std::string out;
  for (const CLI::Option* p : command.get_options([](const CLI::Option* o) { return !o->nonpositional(); })) {
    const bool files = p->get_name(true) == "file" || p->get_name(true) == "target";
    out += fmt::format(" \\\n      '{}:{}:{}'", p->get_expected_max() > 1 ? "*" : "", zsh_text(p->get_name(true)),
                       files ? "_files" : " ");
  }
  return out;
}

}  // namespace

std::string bash_completion(const CLI::App& app) {
  std::vector<std::string> commands;
  std::string per_command;
  for (const CLI::App* command : visible_commands(app)) {
    commands.push_back(command->get_name());
    per_command += fmt::format("    {}) options=\"{}\" ;;\n", command->get_name(), joined(option_words(*command, false)));
  }
  std::vector<std::string> valued = option_words(app, true);
  for (const CLI::App* command : visible_commands(app))
    for (const std::string& w : option_words(*command, true))
      if (std::find(valued.begin(), valued.end(), w) == valued.end()) valued.push_back(w);
  std::vector<std::string> paths;
  for (const CLI::App* scope : [&] { auto all = visible_commands(app); all.push_back(&app); return all; }())
    for (const CLI::Option* opt : scope->get_options())
      if (opt->nonpositional() && takes_path(*opt))
        for (const std::string& n : names_of(*opt))
          if (std::find(paths.begin(), paths.end(), n) == paths.end()) paths.push_back(n);

  return fmt::format(R"(# bash completion for fora(1): written by `fora __completion bash` from fora's command
# table; do not edit.
_fora_sites() {{
  # The archive's sites, one a line, as data: matched with a quoted pattern and inserted
  # quoted, so no character of a site name is ever run by the shell.
  local site quoted
  while IFS= read -r site; do
    [[ $site == "$cur"* ]] || continue
    printf -v quoted '%q' "$site"
    COMPREPLY+=("$quoted")
  done < <(fora "${{archive[@]}}" __complete sites 2>/dev/null)
}}

_fora() {{
  local cur prev words cword
  if declare -F _init_completion >/dev/null; then
    _init_completion -n : || return  # host:port is one word
  else
    cur=${{COMP_WORDS[COMP_CWORD]}}; prev=${{COMP_WORDS[COMP_CWORD-1]}}
    words=("${{COMP_WORDS[@]}}"); cword=$COMP_CWORD
  fi
  COMPREPLY=()
  local commands="{commands}"
  local global="{global}"
  # The command is the first word that is no option; --archive DIR is passed on to
  # `fora __complete sites` as an argument, never evaluated.
  local command="" i
  local -a archive=()
  for ((i = 1; i < cword; i++)); do
    case ${{words[i]}} in
      --archive) archive=(--archive "${{words[i+1]}}"); ((i++)) ;;
      --profiles) ((i++)) ;;
      -*) ;;
      *) command=${{words[i]}}; break ;;
    esac
  done
  case $prev in
    --site)
      _fora_sites
      declare -F __ltrim_colon_completions >/dev/null && __ltrim_colon_completions "$cur"
      return ;;
    {paths}) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return ;;
    {valued}) return ;;
  esac
  if [[ -z $command ]]; then
    if [[ $cur == -* ]]; then COMPREPLY=($(compgen -W "$global" -- "$cur"))
    else COMPREPLY=($(compgen -W "$commands" -- "$cur")); fi
    return
  fi
  local options=""
  case $command in
{per_command}  esac
  if [[ $cur == -* ]]; then COMPREPLY=($(compgen -W "$options" -- "$cur"))
  else compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); fi
}}
complete -F _fora fora
)",
                     fmt::arg("commands", joined(commands)), fmt::arg("global", joined(option_words(app, false))),
                     fmt::arg("paths", fmt::join(paths, "|")), fmt::arg("valued", fmt::join(valued, "|")),
                     fmt::arg("per_command", per_command));
}

std::string zsh_completion(const CLI::App& app) {
  std::string described, cases;
  for (const CLI::App* command : visible_commands(app)) {
    described += fmt::format("    '{}:{}'\n", command->get_name(), zsh_text(command->get_description()));
    std::string specs;
    for (const CLI::Option* opt : command->get_options())
      if (opt->nonpositional()) specs += zsh_option(*opt);
    cases += fmt::format("        {})\n          _arguments -s{}{} ;;\n", command->get_name(), specs,
                         zsh_positionals(*command));
  }
  std::string global;
  for (const CLI::Option* opt : app.get_options())
    if (opt->nonpositional()) global += zsh_option(*opt);
  return fmt::format(R"(#compdef fora
# zsh completion for fora(1): written by `fora __completion zsh` from fora's command table;
# do not edit.

# The archive's sites, one a line, added as data: compadd quotes what it inserts.
_fora_sites() {{
  local -a sites archive
  local i=${{words[(i)--archive]}}
  (( i < ${{#words}} )) && archive=(--archive "${{words[i+1]}}")
  sites=("${{(@f)$(_call_program sites fora "${{archive[@]}}" __complete sites 2>/dev/null)}}")
  compadd -a sites
}}

_fora() {{
  local curcontext=$curcontext state line
  local -a commands
  commands=(
{described}  )
  _arguments -C{global} \
      '1:command:->command' \
      '*::argument:->argument'
  case $state in
    command) _describe -t commands 'fora command' commands ;;
    argument)
      case $words[1] in
{cases}      esac ;;
  esac
}}

_fora "$@"
)",
                     fmt::arg("described", described), fmt::arg("global", global), fmt::arg("cases", cases));
}

}  // namespace fora::cli
