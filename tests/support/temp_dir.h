// TempDir: a fresh folder under $TMPDIR (or /tmp), removed with everything in it on
// destruction. Test-only code: failures throw std::runtime_error, which GoogleTest reports.
#pragma once

#include <filesystem>
#include <string_view>

namespace fora::test {

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }

  // Writes `contents` to path()/`relative`, creating the folders on the way; returns the path.
  std::filesystem::path write(std::string_view relative, std::string_view contents) const;

 private:
  std::filesystem::path path_;
};

}  // namespace fora::test
