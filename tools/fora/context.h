// What every subcommand gets from main: where the archive and the profiles are, and how to
// talk to the terminal.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>

#include "fora/archive/archive.h"
#include "fora/extract/extractor.h"
#include "fora/result.h"
#include "terminal.h"

#include "fora/version.h"
#define FORA_VERSION_STRING FORA_VERSION

namespace fora::cli {

struct Context {
  std::filesystem::path archive_dir;    // resolved: --archive, $FORA_ARCHIVE, XDG default
  std::optional<std::filesystem::path> profiles_dir;  // --profiles, $FORA_PROFILES
  Terminal out;                          // stdout
  Terminal err;                          // stderr (progress lines, the query reading)

  Result<std::unique_ptr<archive::Archive>> open_archive(archive::Archive::Mode mode) const;
  // The profiles: --profiles, $FORA_PROFILES, <prefix>/share/fora/profiles, the source tree.
  Result<extract::Extractor> open_extractor() const;
};

// The archive's key of the site a user names with --site ("example.com",
// "https://example.com/", "127.0.0.1:8080"): host[:port]. Errors: InvalidArgument.
Result<std::string> site_option(const std::string& given);

}  // namespace fora::cli
