#include "catalog_writer.h"

#include <boost/asio/post.hpp>

namespace fora::crawler::detail {

namespace asio = boost::asio;

CatalogWriter::CatalogWriter(archive::Archive& archive)
    : archive_(archive), flush_(thread_.get_executor()) {}

CatalogWriter::~CatalogWriter() { (void)finish(); }

void CatalogWriter::post(Job job) {
  ++backlog_;
  asio::post(thread_, [this, job = std::move(job)] {
    const bool failed = error().has_value();
    if (!failed && !open_) {
      if (Status s = archive_.begin_batch(); !s) fail(s.error());
      open_ = true;
      batch_start_ = std::chrono::steady_clock::now();
    }
    Status s = job(failed || error().has_value());
    if (!s) fail(s.error());
    --backlog_;
    after_job();
  });
}

// Commits by count and by age. A batch that stops growing (the crawl waits on the network
// or the politeness delay) is committed by the timer, kBatchTime after it began.
void CatalogWriter::after_job() {
  if (!open_) return;
  if (++since_commit_ >= kBatchJobs || std::chrono::steady_clock::now() - batch_start_ >= kBatchTime)
    return commit();
  if (flush_armed_) return;
  flush_armed_ = true;
  flush_.expires_at(batch_start_ + kBatchTime);
  flush_.async_wait([this](boost::system::error_code ec) {
    flush_armed_ = false;
    if (!ec && open_) commit();
  });
}

void CatalogWriter::commit() {
  open_ = false;
  since_commit_ = 0;
  if (Status s = archive_.commit_batch(); !s) fail(s.error());
}

void CatalogWriter::fail(const Error& e) {
  std::lock_guard lock(error_mutex_);
  if (!error_) error_ = e;
}

std::optional<Error> CatalogWriter::error() const {
  std::lock_guard lock(error_mutex_);
  return error_;
}

Status CatalogWriter::finish() {
  if (!finished_) {
    finished_ = true;
    asio::post(thread_, [this] {
      flush_.cancel();
      if (open_) commit();
    });
    thread_.join();
  }
  if (auto e = error()) return *e;
  return ok();
}

}  // namespace fora::crawler::detail
