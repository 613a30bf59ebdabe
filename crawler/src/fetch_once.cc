#include <boost/asio/io_context.hpp>
#include <optional>

#include "fora/crawler/fetcher.h"

namespace fora::crawler {

Result<archive::Response> fetch_once(const std::string& url, const FetcherOptions& options) {
  boost::asio::io_context io;
  Fetcher fetcher(io, options);
  std::optional<Result<archive::Response>> result;
  fetcher.fetch(url, [&](Result<archive::Response> r) { result = std::move(r); });
  io.run();
  if (!result) return make_error(Errc::Internal, "fetch of " + url + " ended without an answer");
  return std::move(*result);
}

}  // namespace fora::crawler
