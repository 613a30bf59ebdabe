// Fetcher: HTTP GETs driven by one Boost.Asio io_context through libcurl's multi_socket
// interface. Any number of requests run at once; the Fetcher applies no politeness (that is
// the Frontier's job). Redirects are NOT followed: a 3xx comes back as a Response with its
// Location header, so the caller can scope the target itself. HTTP/1.1 only, no
// Accept-Encoding (bodies arrive as the server sends them, de-chunked).
//
// Threading: a Fetcher and every call on it belong to the thread running its io_context;
// `done` callbacks run on that thread too, never inside fetch() or cancel_all().
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "fora/archive/http_response.h"
#include "fora/extract/page_limits.h"
#include "fora/result.h"

namespace boost::asio {
class io_context;
}

namespace fora::crawler {

struct FetcherOptions {
  std::string user_agent = "fora/0.1";     // User-Agent header
  long timeout_seconds = 30;               // whole request, connect included; 0 = none
  long connect_timeout_seconds = 10;       // TCP (+TLS) connect; 0 = curl's default (300 s)
  long low_speed_seconds = 15;             // give up below 64 bytes/s for this long
  std::size_t max_body_bytes = extract::kMaxPageBytes;  // a larger body aborts the request with an error
};

class Fetcher {
 public:
  using Callback = std::function<void(Result<archive::Response>)>;

  // `io` must outlive the Fetcher. Nothing runs until `io` is run.
  Fetcher(boost::asio::io_context& io, FetcherOptions options);
  // Abandons the requests under way; their callbacks are posted to `io` with Cancelled (they
  // run if `io` runs again, and are dropped unrun if it is destroyed first).
  ~Fetcher();
  Fetcher(const Fetcher&) = delete;
  Fetcher& operator=(const Fetcher&) = delete;

  // Starts a GET of `url` (absolute http/https). `done` is called exactly once, on the
  // io_context thread, with the Response (any HTTP status, 3xx/4xx/5xx included; url is
  // `url`, headers the raw block of the final response as received: status line, header
  // lines, each CRLF-terminated, ending with the empty line) or an Error:
  //   Network   DNS, connect, TLS, timeout, reset, or a body above max_body_bytes; the message
  //             names the URL and what curl said; Error::transient when a retry may cure it
  //             (timeout, connect refused, reset, truncated body, empty reply).
  //   Cancelled cancel_all() or the Fetcher's destruction came first.
  //   InvalidArgument  a URL curl will not take (not http/https).
  // `headers`: extra request header lines ("If-None-Match: \"abc\""); a line holding CR or
  // LF is dropped. `keep_first` > 0: only the body's first `keep_first` bytes (at most
  // max_body_bytes) are read, the transfer stops there, and a longer body is no error: the
  // Response holds its start and says `truncated` (robots.txt, read up to what is parsed).
  void fetch(std::string url, Callback done, const std::vector<std::string>& headers = {},
             std::size_t keep_first = 0);

  // Stops every request under way; each callback is then called once with Cancelled.
  void cancel_all();

  // Requests started whose callback has not been scheduled yet.
  std::size_t in_flight() const;

 private:
  struct Impl;
  std::shared_ptr<Impl> impl_;  // shared: pending asio handlers hold weak_ptrs to it
};

// One GET, run to completion on a private io_context, nothing stored (fora extract URL).
// Errors as Fetcher::fetch().
Result<archive::Response> fetch_once(const std::string& url, const FetcherOptions& options);

}  // namespace fora::crawler
