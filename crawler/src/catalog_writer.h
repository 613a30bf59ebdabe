// CatalogWriter: the one thread that writes the archive during a crawl (catalog rows and
// snapshot frames). Jobs run in the order posted, inside a transaction that is committed,
// durably, after kBatchJobs jobs or kBatchTime after its first job, whichever comes first
// (a timer commits a batch that stops growing), so a kill loses at most that much and a
// resumed crawl fetches little again, while a fast crawl syncs ten times a second, not once
// per page. The Archive must not be touched by other threads between start() and finish().
#pragma once

#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>

#include <atomic>
#include <chrono>
#include <functional>
#include <mutex>
#include <optional>

#include "fora/archive/archive.h"
#include "fora/result.h"

namespace fora::crawler::detail {

class CatalogWriter {
 public:
  static constexpr int kBatchJobs = 200;
  static constexpr std::chrono::milliseconds kBatchTime{100};

  explicit CatalogWriter(archive::Archive& archive);
  ~CatalogWriter();  // finish() if not called
  CatalogWriter(const CatalogWriter&) = delete;
  CatalogWriter& operator=(const CatalogWriter&) = delete;

  // Runs `job` on the writer thread, within the open batch. A job that fails ends the
  // writing: its error is kept (error()), later jobs run with `failed` set and must not
  // write.
  using Job = std::function<Status(bool failed)>;
  void post(Job job);

  // Jobs posted and not yet run.
  std::size_t backlog() const { return backlog_.load(); }
  // The first error of a job or a commit; empty while all went well.
  std::optional<Error> error() const;

  // Runs what is posted, commits, and stops the thread. Returns error() (as a Status).
  Status finish();

 private:
  void after_job();
  void commit();
  void fail(const Error& e);

  archive::Archive& archive_;
  boost::asio::thread_pool thread_{1};
  boost::asio::steady_timer flush_;
  bool flush_armed_ = false;    // writer thread only
  bool open_ = false;           // a batch is open (writer thread only)
  int since_commit_ = 0;        // writer thread only
  std::chrono::steady_clock::time_point batch_start_;
  std::atomic<std::size_t> backlog_{0};
  mutable std::mutex error_mutex_;
  std::optional<Error> error_;
  bool finished_ = false;
};

}  // namespace fora::crawler::detail
