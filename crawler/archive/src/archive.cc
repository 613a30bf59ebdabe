// Archive: opening, locking and batches; the parts it hands out live in their own files
// (page_queue.cc, captures.cc, thread_store.cc, runs.cc), stats in archive_stats.cc.
#include "fora/archive/archive.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <fmt/format.h>

#include "captures_internal.h"
#include "catalog.h"
#include "page_rows.h"
#include "thread_store_internal.h"

namespace fora::archive {

namespace fs = std::filesystem;

namespace {

Result<int> take_lock(const fs::path& dir) {
  const fs::path path = dir / "lock";
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) {
    return make_error(Errc::Io, fmt::format("opening {}: {}", path.string(), std::strerror(errno)));
  }
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    ::close(fd);
    return make_error(Errc::Locked, fmt::format("archive {} is in use by another fora", dir.string()),
                      "wait for the other crawl, index or update to finish");
  }
  return fd;
}

}  // namespace

Archive::~Archive() {
  if (catalog_) (void)catalog_->commit_left_open();
}

const fs::path& Archive::dir() const { return catalog_->dir(); }
fs::path Archive::index_dir() const { return catalog_->dir() / kIndexFolder; }
const std::vector<std::string>& Archive::repairs() const { return captures_->in_->repairs; }

Result<std::unique_ptr<Archive>> Archive::open(const fs::path& dir, Mode mode, Clock clock) {
  const bool writable = mode == Mode::Write;
  int lock_fd = -1;
  std::error_code ec;
  if (writable) {
    fs::create_directories(dir / "snapshots", ec);
    if (!ec) fs::create_directories(dir / kIndexFolder, ec);
    if (ec) {
      return make_error(Errc::Io, fmt::format("creating archive {}: {}", dir.string(), ec.message()),
                        "choose another place with --archive DIR");
    }
    auto fd = take_lock(dir);
    if (!fd) return fd.error();
    lock_fd = *fd;
  } else if (!fs::exists(dir / "catalog.db", ec)) {
    return make_error(Errc::NotFound, fmt::format("no archive at {}", dir.string()),
                      "crawl something first (fora crawl URL), or name the archive with --archive DIR");
  }
  if (!clock) clock = [] { return static_cast<std::int64_t>(std::time(nullptr)); };
  auto catalog = Catalog::open(dir, writable, lock_fd, std::move(clock));
  if (!catalog) {
    return catalog.error();
  }
  std::unique_ptr<Archive> a(new Archive());
  a->catalog_ = std::move(*catalog);
  Catalog& c = *a->catalog_;
  a->runs_.reset(new RunLog(c));
  a->queue_.reset(new PageQueue(c));
  a->threads_.reset(new ThreadStore(c, a->runs_->counts_));
  a->captures_.reset(new Captures(c, a->threads_->in_->words, a->threads_->in_->change_seq));
  FORA_TRY(open_captures(*a->captures_->in_));
  if (writable) {
    FORA_TRY(open_thread_store(*a->threads_->in_));
    // Frames reach the disk before the catalog rows that point at them.
    Captures::Internal& captures = *a->captures_->in_;
    c.set_before_commit([&captures]() -> Status {
      FORA_TRY(captures.snapshots->sync());
      return record_segment_sizes(captures);
    });
  }
  return a;
}

Status Archive::begin_batch() { return catalog_->begin_batch(); }
Status Archive::commit_batch() { return catalog_->commit_batch(); }

}  // namespace fora::archive
