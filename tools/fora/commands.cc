#include "commands.h"

namespace fora::cli {

std::span<const Command* const> commands() {
  static const Command* const table[] = {
      &crawl_command,   &update_command,    &index_command,  &search_command,  &show_command,
      &threads_command, &authors_command, &serve_command,
      &stats_command,   &extract_command,   &import_command, &reextract_command, &export_command,
      &compact_command, &verify_command,    &log_command,    &profiles_command,
      &manpage_command, &completion_command, &complete_command,
  };
  return table;
}

void add_quiet_flag(CLI::App& sub, bool& quiet) {
  sub.add_flag("--quiet,-q", quiet, "Print nothing but errors");
}

}  // namespace fora::cli
