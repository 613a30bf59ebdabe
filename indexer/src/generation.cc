#include "fora/indexer/generation.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <fstream>
#include <system_error>

#include <fmt/format.h>

namespace fora::indexer {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view kGenPrefix = "gen-";
constexpr std::string_view kStubName = "XAPIANDB";  // the name Xapian looks for in a folder

Status write_synced(const fs::path& path, const std::string& content) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0)
    return make_error(Errc::Io, fmt::format("cannot write {}: {}", path.string(),
                                            std::strerror(errno)));
  bool good = ::write(fd, content.data(), content.size()) == static_cast<ssize_t>(content.size());
  good = ::fsync(fd) == 0 && good;
  good = ::close(fd) == 0 && good;
  if (!good)
    return make_error(Errc::Io, fmt::format("cannot write {}: {}", path.string(),
                                            std::strerror(errno)),
                      "check free disk space");
  return ok();
}

}  // namespace

std::string generation_name(std::int64_t generation) {
  return fmt::format("{}{:06}", kGenPrefix, generation);
}

std::optional<std::int64_t> parse_generation_name(std::string_view name) {
  if (!name.starts_with(kGenPrefix)) return std::nullopt;
  name.remove_prefix(kGenPrefix.size());
  std::int64_t n = 0;
  auto [end, ec] = std::from_chars(name.data(), name.data() + name.size(), n);
  if (ec != std::errc{} || end != name.data() + name.size() || n <= 0) return std::nullopt;
  return n;
}

Result<std::optional<std::int64_t>> current_generation(const fs::path& index_dir) {
  fs::path current = index_dir / "current";
  std::error_code ec;
  if (!fs::exists(current, ec)) return std::optional<std::int64_t>{};
  std::ifstream in(current);
  std::string line;
  if (!in || !std::getline(in, line))
    return make_error(Errc::Io, fmt::format("cannot read {}", current.string()));
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
  auto gen = parse_generation_name(line);
  if (!gen)
    return make_error(Errc::Corrupt,
                      fmt::format("{} does not name an index generation", current.string()),
                      "rebuild the index with `fora index --rebuild`");
  return std::optional<std::int64_t>{*gen};
}

Result<fs::path> current_generation_path(const fs::path& index_dir) {
  auto gen = current_generation(index_dir);
  if (!gen) return gen.error();
  if (!*gen)
    return make_error(Errc::NotFound, fmt::format("no index in {}", index_dir.string()),
                      "run `fora index` to build it");
  fs::path path = index_dir / generation_name(**gen);
  std::error_code ec;
  if (!fs::is_directory(path, ec))
    return make_error(Errc::Corrupt, fmt::format("index generation {} is missing", path.string()),
                      "rebuild the index with `fora index --rebuild`");
  return path;
}

std::int64_t next_generation(const fs::path& index_dir) {
  std::int64_t highest = 0;
  std::error_code ec;
  for (const auto& item : fs::directory_iterator(index_dir, ec))
    if (auto n = parse_generation_name(item.path().filename().string())) highest = std::max(highest, *n);
  if (auto cur = current_generation(index_dir); cur && *cur) highest = std::max(highest, **cur);
  return highest + 1;
}

fs::path main_database(const fs::path& generation_dir) { return generation_dir / "main"; }
fs::path delta_database(const fs::path& generation_dir) { return generation_dir / "delta"; }

Status write_generation_stub(const fs::path& generation_dir) {
  // Paths in a stub are relative to the folder holding it; the main database comes first, so
  // the schema is read from it.
  return write_synced(generation_dir / kStubName, "auto main\nauto delta\n");
}

bool has_generation_stub(const fs::path& generation_dir) {
  std::error_code ec;
  return fs::is_regular_file(generation_dir / kStubName, ec);
}

Status switch_current(const fs::path& index_dir, std::int64_t generation) {
  fs::path tmp = index_dir / "current.tmp";
  FORA_TRY(write_synced(tmp, generation_name(generation) + "\n"));
  std::error_code ec;
  fs::rename(tmp, index_dir / "current", ec);
  if (ec)
    return make_error(Errc::Io, fmt::format("cannot rename {} to current: {}", tmp.string(),
                                            ec.message()));
  // Make the rename itself durable.
  int dir = ::open(index_dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
  return ok();
}

}  // namespace fora::indexer
