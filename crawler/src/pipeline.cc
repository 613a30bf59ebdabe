#include "pipeline.h"

#include <memory>

namespace fora::crawler::detail {

namespace asio = boost::asio;

Pipeline::Pipeline(asio::io_context& io, archive::Archive& archive, PageStore& store,
                   const extract::Extractor& extractor, LinkFilter& filter, Copies& copies, unsigned workers)
    : io_(io), archive_(archive), store_(store), extractor_(extractor), filter_(filter), copies_(copies),
      workers_(workers) {}

Status Pipeline::finish() {
  workers_.join();
  return writer_ ? writer_->finish() : ok();
}

void Pipeline::read(PageJob job, Stored then) {
  asio::post(workers_, [this, job = std::move(job), then = std::move(then)]() mutable {
    PageCapture capture = capture_page(job, copies_);
    auto page = std::make_shared<const PageRead>(process_page(std::move(job), std::move(capture), extractor_, filter_));
    writer_->post([this, page, then = std::move(then)](bool failed) mutable -> Status {
      auto decision = failed ? Result<StoreDecision>(StoreDecision{}) : store_.store(*page);
      Status status = decision ? ok() : Status(decision.error());
      asio::post(io_, [page, then = std::move(then), decision = decision ? std::move(*decision) : StoreDecision{}]() mutable {
        then(*page, std::move(decision));
      });
      return status;
    });
  });
}

void Pipeline::revalidated(PageJob job, Stored then, std::function<void(const Error*)> failed) {
  writer_->post([this, job = std::move(job), then = std::move(then), failed = std::move(failed)](bool stopped) mutable -> Status {
    auto copy = stopped ? Result<archive::Response>(archive::Response{}) : store_.stored_copy(job.response.url);
    if (stopped || !copy) {
      asio::post(io_, [failed = std::move(failed), error = copy ? std::optional<Error>{} : copy.error()] {
        failed(error ? &*error : nullptr);
      });
      // A damaged copy is not the crawl's end: the page is asked for again whole.
      return copy || copy.error().code == Errc::Corrupt ? ok() : Status(copy.error());
    }
    job.response = std::move(*copy);
    read(std::move(job), std::move(then));
    return ok();
  });
}

void Pipeline::write(std::function<Status()> write, std::function<void()> then) {
  writer_->post([this, write = std::move(write), then = std::move(then)](bool failed) mutable -> Status {
    Status status = failed ? ok() : write();
    asio::post(io_, std::move(then));
    return status;
  });
}

}  // namespace fora::crawler::detail
