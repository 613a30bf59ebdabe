#include <cstdlib>

#include "fora/archive/archive.h"

namespace fora::archive {

std::filesystem::path default_location(const std::optional<std::filesystem::path>& explicit_dir) {
  if (explicit_dir && !explicit_dir->empty()) return *explicit_dir;
  const auto env = [](const char* name) -> std::string {
    const char* v = std::getenv(name);
    return v ? v : "";
  };
  if (auto dir = env("FORA_ARCHIVE"); !dir.empty()) return dir;
  if (auto xdg = env("XDG_DATA_HOME"); !xdg.empty()) return std::filesystem::path(xdg) / "fora";
  if (auto home = env("HOME"); !home.empty()) {
    return std::filesystem::path(home) / ".local" / "share" / "fora";
  }
  return std::filesystem::path(".fora");
}

}  // namespace fora::archive
