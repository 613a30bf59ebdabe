// Running the real `fora` binary from a test, with a private archive.
#pragma once

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "support/process.h"

namespace fora::test {

// `fora --archive ARCHIVE args...`, with NO_COLOR so output is plain.
inline RunResult fora(const std::filesystem::path& archive, std::vector<std::string> args) {
  std::vector<std::string> argv{FORA_BIN, "--archive", archive.string()};
  argv.insert(argv.end(), args.begin(), args.end());
  return run(argv, {{"NO_COLOR", "1"}});
}

// The bytes of the file `p` (empty when it cannot be read).
inline std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Replaces every `from` by `to` in every file under `root`; returns how many files changed.
inline int replace_in_site(const std::filesystem::path& root, const std::string& from, const std::string& to) {
  int files = 0;
  for (const auto& f : std::filesystem::recursive_directory_iterator(root)) {
    if (!f.is_regular_file()) continue;
    std::string text = slurp(f.path());
    bool changed = false;
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
      text.replace(at, from.size(), to);
      changed = true;
    }
    if (changed) {
      std::ofstream(f.path(), std::ios::binary | std::ios::trunc) << text;
      ++files;
    }
  }
  return files;
}

// One JSON value per non-empty line of `text`.
inline std::vector<nlohmann::json> json_lines(const std::string& text) {
  std::vector<nlohmann::json> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) out.push_back(nlohmann::json::parse(line));
  }
  return out;
}

// The snapshot segment files of the archive at `archive`, in name order.
inline std::vector<std::filesystem::path> segments(const std::filesystem::path& archive) {
  std::vector<std::filesystem::path> out;
  for (const auto& e : std::filesystem::directory_iterator(archive / "snapshots"))
    if (e.is_regular_file()) out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

// A copy of the archive at `archive` in `into`/archive (without its lock), to damage.
inline std::filesystem::path copy_archive(const std::filesystem::path& archive, const std::filesystem::path& into) {
  const std::filesystem::path dir = into / "archive";
  std::filesystem::copy(archive, dir, std::filesystem::copy_options::recursive);
  std::filesystem::remove(dir / "lock");
  return dir;
}

}  // namespace fora::test
