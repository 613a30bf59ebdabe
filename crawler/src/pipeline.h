// Pipeline: a response's way from the fetch loop to the archive and back. Its methods are
// called on the io thread (FetchLoop's); the work they post runs on the worker pool (a
// response's capture and reading: capture_page, process_page) and on the catalog writer's thread (the page store), and each
// answer comes back to the io thread, through the io_context, as a call of the function
// given. What crosses is made once and only read after: a PageJob to a worker, a PageRead to
// the writer, a StoreDecision back to the loop.
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>

#include <functional>
#include <optional>
#include <utility>
#include <vector>

#include "catalog_writer.h"
#include "copies.h"
#include "fora/extract/extractor.h"
#include "link_filter.h"
#include "page_store.h"
#include "page_work.h"
#include "store_decision.h"

namespace fora::crawler::detail {

class Pipeline {
 public:
  Pipeline(boost::asio::io_context& io, archive::Archive& archive, PageStore& store,
           const extract::Extractor& extractor, LinkFilter& filter, Copies& copies, unsigned workers);

  // From open() to finish() only the writer touches the archive.
  void open() { writer_.emplace(archive_); }
  // Waits for the workers and the writer; returns the writer's first error, if any.
  Status finish();
  // The first error of the writer; empty while all went well.
  std::optional<Error> error() const { return writer_ ? writer_->error() : std::nullopt; }

  using Stored = std::function<void(const PageRead&, StoreDecision)>;
  // A response read by a worker, stored by the page store; `then` gets both on the io thread.
  void read(PageJob job, Stored then);
  // A 304: the store records the visit and reads the stored copy back, which is then read
  // and stored as a response is (`then`); `failed` hears why it could not be read (a Corrupt
  // copy is asked for again whole), or nothing when the writer had failed before.
  void revalidated(PageJob job, Stored then, std::function<void(const Error*)> failed);
  // `write` on the writer's thread (a refusal, a failure), then `then` on the io thread.
  void write(std::function<Status()> write, std::function<void()> then);
  // A question to the store on the writer's thread (`ask`: queued pages), its answer (none
  // when it failed) to `then` on the io thread. asking(): answers not given yet.
  template <typename Ask, typename Then>
  void ask(Ask ask, Then then);
  bool asking() const { return asked_ > 0; }

 private:
  boost::asio::io_context& io_;
  archive::Archive& archive_;
  PageStore& store_;
  const extract::Extractor& extractor_;
  LinkFilter& filter_;
  Copies& copies_;
  boost::asio::thread_pool workers_;
  std::optional<CatalogWriter> writer_;
  std::size_t asked_ = 0;  // io thread only
};

template <typename Ask, typename Then>
void Pipeline::ask(Ask ask, Then then) {
  using Pages = decltype(*ask());
  using Value = std::remove_cvref_t<Pages>;
  ++asked_;
  writer_->post([this, ask = std::move(ask), then = std::move(then)](bool failed) mutable -> Status {
    auto answer = failed ? Result<Value>(Value{}) : ask();
    Status status = answer ? ok() : Status(answer.error());
    boost::asio::post(io_, [this, then = std::move(then), value = answer ? std::move(*answer) : Value{}]() mutable {
      --asked_;
      then(value);
    });
    return status;
  });
}

}  // namespace fora::crawler::detail
