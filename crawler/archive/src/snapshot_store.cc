#include "snapshot_store.h"

#include <fcntl.h>
#include <unistd.h>
#include <zstd.h>

#include <cerrno>
#include <cstring>
#include <fmt/format.h>
#include <memory>

namespace fora::archive {
namespace {

namespace fs = std::filesystem;

Error io_error(const fs::path& path, std::string_view what) {
  return make_error(Errc::Io, fmt::format("{} {}: {}", what, path.string(), std::strerror(errno)));
}

std::string segment_name(int n) { return fmt::format("seg-{:06d}.warc.zst", n); }

int segment_number(const std::string& name) {
  return name.size() > 10 ? std::atoi(name.c_str() + 4) : 0;
}

// Level 3 (zstd's default): on the bench site's pages level 9 cost 3x its CPU for ~8% fewer
// bytes, and compression runs for every page a crawl fetches. (Issue 8 brings dictionaries,
// which save far more.)
constexpr int kZstdLevel = 3;

struct CctxFree {
  void operator()(ZSTD_CCtx* c) const { ZSTD_freeCCtx(c); }
};

}  // namespace

SnapshotStore::SnapshotStore(SnapshotStore&& o) noexcept { *this = std::move(o); }

SnapshotStore& SnapshotStore::operator=(SnapshotStore&& o) noexcept {
  std::swap(dir_, o.dir_);
  std::swap(writable_, o.writable_);
  std::swap(fd_, o.fd_);
  std::swap(segment_, o.segment_);
  std::swap(size_, o.size_);
  std::swap(dirty_, o.dirty_);
  return *this;
}

SnapshotStore::~SnapshotStore() {
  if (fd_ >= 0) ::close(fd_);
}

Result<SnapshotStore> SnapshotStore::open(const fs::path& dir, bool writable,
                                          const std::string& last_segment,
                                          std::int64_t committed_end) {
  SnapshotStore store;
  store.dir_ = dir;
  store.writable_ = writable;
  if (!writable) return store;
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return make_error(Errc::Io, fmt::format("creating {}: {}", dir.string(), ec.message()));
  const std::string name = last_segment.empty() ? segment_name(1) : last_segment;
  FORA_TRY(store.open_segment(name));
  if (store.size_ > committed_end && !last_segment.empty()) {
    // A crash after writing a frame but before the catalog committed it: drop the tail.
    if (::ftruncate(store.fd_, committed_end) != 0) return io_error(dir / name, "truncating");
    store.size_ = committed_end;
  }
  return store;
}

Status SnapshotStore::open_segment(const std::string& name) {
  if (fd_ >= 0) ::close(fd_);
  const fs::path path = dir_ / name;
  fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0) return io_error(path, "opening");
  const off_t end = ::lseek(fd_, 0, SEEK_END);
  if (end < 0) return io_error(path, "seeking");
  segment_ = name;
  size_ = end;
  return ok();
}

Result<std::string> SnapshotStore::compress(std::string_view record) {
  // One context per thread, reused: creating one per record cost more than compressing.
  thread_local std::unique_ptr<ZSTD_CCtx, CctxFree> cctx;
  if (!cctx) {
    cctx.reset(ZSTD_createCCtx());
    if (!cctx) return make_error(Errc::Internal, "zstd: cannot create a compression context");
    ZSTD_CCtx_setParameter(cctx.get(), ZSTD_c_compressionLevel, kZstdLevel);
    ZSTD_CCtx_setParameter(cctx.get(), ZSTD_c_checksumFlag, 1);
    ZSTD_CCtx_setParameter(cctx.get(), ZSTD_c_contentSizeFlag, 1);
  }
  // Compressed into a buffer of the worst-case size, kept per thread, then copied out at
  // its real size: a frame waiting for the writer holds what it needs, not the bound.
  thread_local std::string buffer;
  buffer.resize(ZSTD_compressBound(record.size()));
  const std::size_t n =
      ZSTD_compress2(cctx.get(), buffer.data(), buffer.size(), record.data(), record.size());
  if (ZSTD_isError(n)) {
    ZSTD_CCtx_reset(cctx.get(), ZSTD_reset_session_only);
    return make_error(Errc::Internal, fmt::format("zstd: {}", ZSTD_getErrorName(n)));
  }
  std::string frame(buffer.data(), n);
  if (buffer.size() > (8u << 20)) std::string().swap(buffer);  // do not keep a huge page's buffer
  return frame;
}

Result<SnapshotLocation> SnapshotStore::append(std::string_view record) {
  auto frame = compress(record);
  if (!frame) return frame.error();
  return append_frame(*frame);
}

Result<SnapshotLocation> SnapshotStore::append_frame(std::string_view frame) {
  if (!writable_) return make_error(Errc::Internal, "snapshot store opened read-only");
  if (size_ >= kSegmentLimit) {
    FORA_TRY(sync());
    FORA_TRY(open_segment(segment_name(segment_number(segment_) + 1)));
  }
  const std::size_t n = frame.size();
  const char* p = frame.data();
  std::size_t left = n;
  off_t at = size_;
  while (left > 0) {
    const ssize_t w = ::pwrite(fd_, p, left, at);
    if (w < 0) {
      if (errno == EINTR) continue;
      const Error e = io_error(dir_ / segment_, "writing");
      (void)::ftruncate(fd_, size_);  // leave no partial frame behind
      return e;
    }
    p += w;
    at += w;
    left -= static_cast<std::size_t>(w);
  }
  SnapshotLocation where{segment_, size_, static_cast<std::int64_t>(n)};
  size_ += static_cast<std::int64_t>(n);
  dirty_ = true;
  return where;
}

Status SnapshotStore::sync() {
  if (!dirty_ || fd_ < 0) return ok();
  if (::fdatasync(fd_) != 0) return io_error(dir_ / segment_, "syncing");
  dirty_ = false;
  return ok();
}

Result<std::string> SnapshotStore::read(const SnapshotLocation& where) const {
  const fs::path path = dir_ / where.segment;
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return make_error(errno == ENOENT ? Errc::NotFound : Errc::Io,
                      fmt::format("opening {}: {}", path.string(), std::strerror(errno)));
  }
  std::string frame(static_cast<std::size_t>(where.length), '\0');
  const ssize_t r = ::pread(fd, frame.data(), frame.size(), where.offset);
  ::close(fd);
  if (r != static_cast<ssize_t>(frame.size())) {
    return make_error(Errc::Corrupt, fmt::format("{}: frame at {} is truncated", path.string(), where.offset));
  }
  const unsigned long long size = ZSTD_getFrameContentSize(frame.data(), frame.size());
  if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN || size > (1ull << 32)) {
    return make_error(Errc::Corrupt, fmt::format("{}: bad frame at {}", path.string(), where.offset));
  }
  std::string out(static_cast<std::size_t>(size), '\0');
  const std::size_t n = ZSTD_decompress(out.data(), out.size(), frame.data(), frame.size());
  if (ZSTD_isError(n)) {
    return make_error(Errc::Corrupt, fmt::format("{}: frame at {}: {}", path.string(), where.offset,
                                                 ZSTD_getErrorName(n)));
  }
  out.resize(n);
  return out;
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
