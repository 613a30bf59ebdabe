#include "snapshot_store.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fmt/format.h>

namespace fora::archive {
namespace {

namespace fs = std::filesystem;

Error io_error(const fs::path& path, std::string_view what) {
  return make_error(Errc::Io, fmt::format("{} {}: {}", what, path.string(), std::strerror(errno)));
}

}  // namespace

std::string segment_name(std::int64_t number) { return fmt::format("seg-{:06d}.warc.zst", number); }

SnapshotStore::SnapshotStore(SnapshotStore&& o) noexcept { *this = std::move(o); }

SnapshotStore& SnapshotStore::operator=(SnapshotStore&& o) noexcept {
  std::swap(dir_, o.dir_);
  std::swap(writable_, o.writable_);
  std::swap(open_, o.open_);
  return *this;
}

SnapshotStore::~SnapshotStore() {
  for (auto& [name, f] : open_) ::close(f.fd);
}

Result<SnapshotStore> SnapshotStore::open(const fs::path& dir, bool writable) {
  SnapshotStore store;
  store.dir_ = dir;
  store.writable_ = writable;
  if (writable) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) return make_error(Errc::Io, fmt::format("creating {}: {}", dir.string(), ec.message()));
  }
  return store;
}

Result<SnapshotStore::Open*> SnapshotStore::open_file(const std::string& name, bool truncate) {
  if (!writable_) return make_error(Errc::Internal, "snapshot store opened read-only");
  auto found = open_.find(name);
  if (found != open_.end() && !truncate) return &found->second;
  if (found != open_.end()) {
    ::close(found->second.fd);
    open_.erase(found);
  }
  const fs::path path = dir_ / name;
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | (truncate ? O_TRUNC : 0), 0644);
  if (fd < 0) return io_error(path, "opening");
  const off_t end = ::lseek(fd, 0, SEEK_END);
  if (end < 0) {
    const Error e = io_error(path, "seeking");
    ::close(fd);
    return e;
  }
  Open& f = open_[name];
  f.fd = fd;
  f.size = end;
  return &f;
}

Status SnapshotStore::create(const std::string& name, std::string_view header) {
  auto f = open_file(name, true);
  if (!f) return f.error();
  (*f)->dirty = true;
  auto at = append(name, header);
  return at ? ok() : Status(at.error());
}

Result<std::int64_t> SnapshotStore::reopen(const std::string& name, std::int64_t committed) {
  auto f = open_file(name, false);
  if (!f) return f.error();
  if ((*f)->size < committed) {
    return make_error(Errc::Corrupt, fmt::format("{} holds {} bytes, but the catalog committed {}",
                                                 (dir_ / name).string(), (*f)->size, committed));
  }
  const std::int64_t cut = (*f)->size - committed;
  if (cut > 0) {
    if (::ftruncate((*f)->fd, committed) != 0) return io_error(dir_ / name, "truncating");
    (*f)->size = committed;
    (*f)->dirty = true;
  }
  return cut;
}

Result<std::int64_t> SnapshotStore::append(const std::string& name, std::string_view frames) {
  auto opened = open_file(name, false);
  if (!opened) return opened.error();
  Open& f = **opened;
  const char* p = frames.data();
  std::size_t left = frames.size();
  off_t at = f.size;
  while (left > 0) {
    const ssize_t w = ::pwrite(f.fd, p, left, at);
    if (w < 0) {
      if (errno == EINTR) continue;
      const Error e = io_error(dir_ / name, "writing");
      (void)::ftruncate(f.fd, f.size);  // leave no partial frame behind
      return e;
    }
    p += w;
    at += w;
    left -= static_cast<std::size_t>(w);
  }
  const std::int64_t offset = f.size;
  f.size += static_cast<std::int64_t>(frames.size());
  f.dirty = true;
  return offset;
}

std::int64_t SnapshotStore::size(const std::string& name) const {
  const auto found = open_.find(name);
  return found == open_.end() ? 0 : found->second.size;
}

Status SnapshotStore::sync() {
  for (auto& [name, f] : open_) {
    if (!f.dirty) continue;
    if (::fdatasync(f.fd) != 0) return io_error(dir_ / name, "syncing");
    f.dirty = false;
  }
  return ok();
}

void SnapshotStore::close(const std::string& name) {
  if (auto found = open_.find(name); found != open_.end()) {
    ::close(found->second.fd);
    open_.erase(found);
  }
}

Result<std::string> SnapshotStore::read(const std::string& name, std::int64_t offset, std::int64_t length) const {
  const fs::path path = dir_ / name;
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return make_error(errno == ENOENT ? Errc::NotFound : Errc::Io,
                      fmt::format("opening {}: {}", path.string(), std::strerror(errno)));
  }
  std::string bytes(static_cast<std::size_t>(length), '\0');
  const ssize_t r = ::pread(fd, bytes.data(), bytes.size(), offset);
  ::close(fd);
  if (r != static_cast<ssize_t>(bytes.size())) {
    return make_error(Errc::Corrupt, fmt::format("{}: the record at {} is cut short", path.string(), offset));
  }
  return bytes;
}

std::int64_t SnapshotStore::bytes() const {
  std::int64_t total = 0;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir_, ec)) {
    if (e.is_regular_file(ec)) total += static_cast<std::int64_t>(e.file_size(ec));
  }
  return total;
}

}  // namespace fora::archive
