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

std::string ShardLocation::describe() const {
  return remote() ? fmt::format("remote {}:{}", host, port) : path.string();
}

std::string main_name(int shard, int shards) {
  return shards == 1 ? std::string("main") : fmt::format("main-{}", shard);
}

fs::path main_database(const fs::path& generation_dir) { return generation_dir / "main"; }
fs::path delta_database(const fs::path& generation_dir) { return generation_dir / "delta"; }

Status write_generation_stub(const fs::path& generation_dir, int shards) {
  // Paths in a stub are relative to the folder holding it. The main databases come first, so
  // the schema and how the index is split are read from the first.
  std::string stub;
  for (int k = 0; k < shards; ++k) stub += "auto " + main_name(k, shards) + "\n";
  stub += "auto delta\n";
  return write_synced(generation_dir / kStubName, stub);
}

Result<std::vector<ShardLocation>> parse_generation_stub(std::string_view text, const fs::path& stub_path) {
  const auto bad = [&](std::string_view line) {
    return make_error(Errc::Corrupt, fmt::format("{}: cannot read the line '{}'", stub_path.string(), line),
                      "each line is `auto PATH` (a folder inside the generation) or `remote HOST:PORT`, "
                      "and the last is `auto delta`; or rebuild the index with `fora index --rebuild`");
  };
  std::vector<ShardLocation> shards;
  bool delta_last = false;
  while (!text.empty()) {
    const auto end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    if (delta_last) return bad(line);  // nothing may follow delta
    const auto space = line.find(' ');
    if (space == std::string_view::npos) return bad(line);
    const std::string_view kind = line.substr(0, space), where = line.substr(space + 1);
    if (kind == "auto" || kind == "glass") {
      const fs::path path = fs::path(where).lexically_normal();
      // Inside the generation, and not the generation itself (its own stub names it).
      if (path.empty() || path.is_absolute() || *path.begin() == ".." || path == "." || path == "XAPIANDB")
        return bad(line);
      if (path == "delta") {
        delta_last = true;
        continue;
      }
      shards.push_back({path, {}, 0});
    } else if (kind == "remote") {
      const auto colon = where.rfind(':');
      int port = 0;
      if (colon == std::string_view::npos || colon == 0) return bad(line);
      auto [port_end, ec] = std::from_chars(where.data() + colon + 1, where.data() + where.size(), port);
      if (ec != std::errc{} || port_end != where.data() + where.size() || port <= 0 || port > 65535) return bad(line);
      shards.push_back({{}, std::string(where.substr(0, colon)), port});
    } else {
      return bad(line);
    }
  }
  if (!delta_last || shards.empty()) return bad("(no `auto delta` line last, or no main database)");
  return shards;
}

Result<std::vector<ShardLocation>> read_generation_stub(const fs::path& generation_dir) {
  const fs::path stub_path = generation_dir / kStubName;
  std::ifstream in(stub_path, std::ios::binary);
  std::string text;
  // A stub is a few lines; one of over 64 KiB is not one fora or a user wrote.
  constexpr std::size_t kMaxStub = 64 * 1024;
  text.resize(kMaxStub + 1);
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  if (in.bad() || (!in && !in.eof())) return make_error(Errc::Io, fmt::format("cannot read {}", stub_path.string()));
  text.resize(static_cast<std::size_t>(in.gcount()));
  if (text.size() > kMaxStub)
    return make_error(Errc::Corrupt, fmt::format("{} is over 64 KiB: not an index stub", stub_path.string()),
                      "rebuild the index with `fora index --rebuild`");
  return parse_generation_stub(text, stub_path);
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
