// The hidden commands the build and the shell run, left out of --help and the man page:
//   fora __manpage                  fora(1) in roff, on stdout
//   fora __completion bash|zsh      the completion script for that shell
//   fora __complete sites           the archive's sites, one a line, for completing --site
// The first two write what manual.h makes from the CLI11 tree of the whole command line.
#include "commands.h"
#include "manual.h"

namespace fora::cli {
namespace {

Command::Run add_manpage_options(CLI::App& sub) {
  const CLI::App* app = sub.get_parent();
  return [app](const Context& ctx) {
    ctx.out.write(man_page(*app, FORA_VERSION));
    return ok();
  };
}

Command::Run add_completion_options(CLI::App& sub) {
  auto shell = std::make_shared<std::string>();
  sub.add_option("shell", *shell, "bash or zsh")->required()->check(CLI::IsMember({"bash", "zsh"}));
  const CLI::App* app = sub.get_parent();
  return [app, shell](const Context& ctx) {
    ctx.out.write(*shell == "zsh" ? zsh_completion(*app) : bash_completion(*app));
    return ok();
  };
}

// Fast and quiet: opens the catalog to read, prints nothing else; no archive, no sites.
// A name is cleaned of control characters, and one with a space or a line break left
// (a host never has one) is not offered.
Status complete_sites(const Context& ctx) {
  auto archive = archive::Archive::open(ctx.archive_dir, archive::Archive::Mode::Read);
  if (!archive) return ok();
  auto sites = (*archive)->queue().site_crawls();
  if (!sites) return ok();
  std::string out;
  for (const auto& site : *sites) {
    const std::string name = clean(site.origin);
    if (name.empty() || name.find_first_of(" \t\n") != std::string::npos) continue;
    out += name + "\n";
  }
  ctx.out.write(out);
  return ok();
}

Command::Run add_complete_options(CLI::App& sub) {
  auto what = std::make_shared<std::string>();
  sub.add_option("what", *what, "sites: the archive's sites")->required()->check(CLI::IsMember({"sites"}));
  return [what](const Context& ctx) { return complete_sites(ctx); };
}

}  // namespace

const Command manpage_command{"__manpage", "Write fora(1) in roff", add_manpage_options, true};
const Command completion_command{"__completion", "Write the completion script for a shell", add_completion_options, true};
const Command complete_command{"__complete", "List the values a shell completes", add_complete_options, true};

}  // namespace fora::cli
