#include "parallel_build.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include <fmt/format.h>
#include <xapian.h>

#include "entry_document.h"
#include "fora/indexer/fields.h"
#include "fora/indexer/generation.h"
#include "fora/indexer/xapian_error.h"

namespace fora::indexer {
namespace fs = std::filesystem;
namespace {

constexpr std::size_t kBatch = 256;               // entries handed to a worker at a time
// A worker commits as often as Xapian flushes by itself (XAPIAN_FLUSH_THRESHOLD, 10,000
// documents): measured on a 489,119-entry catalog, 2 workers took 337 s of CPU and 353 MB at
// 10,000, 338 s and 1,337 MB at 50,000, 408 s and 1,261 MB at 200,000.
constexpr Xapian::doccount kShardCommitEvery = 10'000;

using Batch = std::vector<archive::StoredEntry>;

// Batches from the reader to the workers, at most `capacity` waiting: the reader waits for
// the workers, never the other way round for long.
class BatchQueue {
 public:
  explicit BatchQueue(std::size_t capacity) : capacity_(capacity) {}

  // False when the queue was closed (a worker failed): the reader stops.
  bool push(Batch batch) {
    std::unique_lock lock(mutex_);
    room_.wait(lock, [&] { return closed_ || waiting_.size() < capacity_; });
    if (closed_) return false;
    waiting_.push_back(std::move(batch));
    ready_.notify_one();
    return true;
  }
  // The next batch; nullopt once the queue is closed and empty.
  std::optional<Batch> pop() {
    std::unique_lock lock(mutex_);
    ready_.wait(lock, [&] { return closed_ || !waiting_.empty(); });
    if (waiting_.empty()) return std::nullopt;
    Batch batch = std::move(waiting_.front());
    waiting_.pop_front();
    room_.notify_one();
    return batch;
  }
  // No more batches: the workers finish those waiting, then stop.
  void close() {
    std::lock_guard lock(mutex_);
    closed_ = true;
    ready_.notify_all();
    room_.notify_all();
  }

 private:
  std::mutex mutex_;
  std::condition_variable ready_, room_;
  std::deque<Batch> waiting_;
  std::size_t capacity_;
  bool closed_ = false;
};

// One worker: documents into a folder of its own, one database per shard of the plan
// (part-0, part-1, ...).
class WorkerWriter {
 public:
  WorkerWriter(fs::path path, const ShardPlan& plan) : path_(std::move(path)), plan_(plan) {}

  void run(BatchQueue& queue, std::atomic<std::int64_t>& done) {
    try {
      fs::create_directories(path_);
      std::vector<Xapian::WritableDatabase> parts;
      for (int k = 0; k < plan_.shards; ++k)
        parts.emplace_back(part(k).string(), Xapian::DB_CREATE | Xapian::DB_NO_SYNC | Xapian::DB_BACKEND_GLASS);
      DocumentMaker maker;
      Xapian::doccount since_commit = 0;
      const auto commit = [&] {
        for (auto& db : parts) db.commit();
        since_commit = 0;
      };
      while (auto batch = queue.pop()) {
        for (const archive::StoredEntry& e : *batch) {
          parts[static_cast<std::size_t>(plan_.shard_of(e))].add_document(maker.make(e));
          if (++since_commit == kShardCommitEvery) commit();
        }
        done += static_cast<std::int64_t>(batch->size());
      }
      commit();
      for (auto& db : parts) db.close();
    } catch (const Xapian::Error& e) {
      status_ = from_xapian(e, "indexing into", path_);
      queue.close();
    } catch (const std::exception& e) {
      status_ = make_error(Errc::Io, fmt::format("indexing into {}: {}", path_.string(), e.what()));
      queue.close();
    }
  }
  const Status& status() const { return status_; }
  const fs::path& path() const { return path_; }
  fs::path part(int shard) const { return path_ / fmt::format("part-{}", shard); }

 private:
  fs::path path_;
  const ShardPlan& plan_;
  Status status_ = ok();
};

// The workers' parts, compacted shard by shard into the main databases of a new generation at
// `path`, beside an empty delta database and the stub naming them all; every database records
// `last_seq` (and the mains how the index is split, and whether the build was stopped before
// the end of the catalog).
Result<std::int64_t> merge_parts(const std::vector<WorkerWriter>& workers, const ShardPlan& plan,
                                  const fs::path& path, std::int64_t last_seq, bool stopped) {
  fs::path into = path;
  try {
    fs::create_directories(path);
    std::int64_t documents = 0;
    for (int k = 0; k < plan.shards; ++k) {
      into = path / main_name(k, plan.shards);
      Xapian::Database all;
      for (const WorkerWriter& w : workers) all.add_database(Xapian::Database(w.part(k).string()));
      all.compact(into.string());
      Xapian::WritableDatabase main(into.string(), Xapian::DB_OPEN);
      main.set_metadata(std::string(kShardingKey), plan.key());
      if (stopped) main.set_metadata(std::string(kStoppedBuildKey), "1");
      commit_indexed(main, last_seq);
      documents += static_cast<std::int64_t>(main.get_doccount());
      main.close();
    }
    into = delta_database(path);
    Xapian::WritableDatabase delta(into.string(), Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS);
    commit_indexed(delta, last_seq);
    delta.close();
    FORA_TRY(write_generation_stub(path, plan.shards));
    return documents;
  } catch (const Xapian::Error& e) {
    return from_xapian(e, "compacting the index into", into);
  } catch (const fs::filesystem_error& e) {
    return make_error(Errc::Io, fmt::format("cannot create {}: {}", path.string(), e.code().message()));
  }
}

void remove_worker_folders(const std::vector<WorkerWriter>& workers) {
  std::error_code ec;  // best effort: leftovers are removed by the next build
  for (const WorkerWriter& w : workers) fs::remove_all(w.path(), ec);
}

}  // namespace

Result<IndexOutcome> build_whole_index(const archive::Archive& archive, const fs::path& path, int workers,
                                     const ShardPlan& plan,
                                     const std::function<void(const IndexProgress&)>& progress,
                                     const std::atomic<bool>& stop) {
  std::vector<WorkerWriter> writers;
  for (int i = 0; i < std::max(workers, 1); ++i)
    writers.emplace_back(fs::path(path.string() + fmt::format(".worker-{}", i)), plan);
  remove_worker_folders(writers);  // a build that was killed left them
  BatchQueue queue(2 * writers.size());
  std::atomic<std::int64_t> done{0};
  std::vector<std::thread> threads;
  for (WorkerWriter& w : writers) threads.emplace_back([&] { w.run(queue, done); });

  IndexOutcome out;
  std::int64_t last_seq = 0, handed_out = 0;
  Batch batch;
  Status read = archive.threads().for_each_entry(0, [&](const archive::StoredEntry& e) -> Status {
    if (stop.load(std::memory_order_relaxed)) return make_error(Errc::Cancelled, "indexing stopped");
    batch.push_back(e);
    if (batch.size() == kBatch) {
      last_seq = batch.back().change_seq;
      handed_out += static_cast<std::int64_t>(batch.size());
      if (!queue.push(std::exchange(batch, {}))) return make_error(Errc::Cancelled, "a worker failed");
      if (progress && handed_out % (kBatch * 4) == 0) progress(IndexProgress{done.load()});
    }
    return ok();
  });
  out.cancelled = !read && read.error().code == Errc::Cancelled;
  if (read && !batch.empty()) {
    last_seq = batch.back().change_seq;
    (void)queue.push(std::move(batch));
  }
  queue.close();
  for (std::thread& t : threads) t.join();
  Status failed = ok();
  for (const WorkerWriter& w : writers)
    if (!w.status()) failed = w.status();
  if (!failed || (!read && !out.cancelled)) {
    remove_worker_folders(writers);
    return !failed ? failed.error() : read.error();
  }
  auto documents = merge_parts(writers, plan, path, last_seq, out.cancelled);
  remove_worker_folders(writers);
  if (!documents) return documents.error();
  out.summary.added = done.load();
  out.summary.documents = *documents;
  if (progress) progress(IndexProgress{done.load()});
  return out;
}

}  // namespace fora::indexer
