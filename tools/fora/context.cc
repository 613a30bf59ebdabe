#include "context.h"

#include <unistd.h>

#include <cstdlib>

namespace fora::cli {

Result<std::unique_ptr<archive::Archive>> Context::open_archive(archive::Archive::Mode mode) const {
  return archive::Archive::open(archive_dir, mode);
}

namespace {

// <prefix>/bin/fora -> <prefix>/share/fora/profiles, for an installed fora.
std::filesystem::path installed_profiles() {
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return {};
  return exe.parent_path().parent_path() / "share" / "fora" / "profiles";
}

}  // namespace

Result<extract::Extractor> Context::open_extractor() const {
  if (profiles_dir) return extract::Extractor::open(*profiles_dir);
  if (const char* env = std::getenv("FORA_PROFILES"); env && *env) {
    return extract::Extractor::open(env);
  }
  std::error_code ec;
  if (auto installed = installed_profiles(); std::filesystem::is_directory(installed, ec)) {
    return extract::Extractor::open(installed);
  }
  return extract::Extractor::open(std::filesystem::path(FORA_SOURCE_DIR) / "data" / "profiles");
}

}  // namespace fora::cli
