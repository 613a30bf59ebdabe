// One HTTP GET as libcurl sees it: the easy handle, its options, and the buffers its
// callbacks fill. Private to fora_crawler; Fetcher owns the Transfers and the multi handle.
#pragma once

#include <curl/curl.h>

#include <memory>
#include <string>
#include <vector>

#include "curl_handles.h"
#include "fora/archive/http_response.h"
#include "fora/crawler/fetcher.h"
#include "fora/result.h"

namespace fora::crawler::detail {

struct Transfer {
  CurlEasy easy;
  CurlSlist request_headers;  // extra request header lines (conditional GET)
  std::string url;
  std::string headers;  // the final response's header block, as received
  std::string request;  // the request's header block, as sent (for the WARC request record)
  std::string body;     // as received: with its transfer coding (chunks), if any
  std::size_t max_body_bytes = 0;
  std::size_t keep_first = 0;  // > 0: the body is cut here, and the transfer stopped
  bool too_large = false;  // set by the write callback when it aborts the transfer
  bool cut = false;        // set by the write callback when it cut the body at keep_first
  char error_buffer[CURL_ERROR_SIZE] = {};
  Fetcher::Callback done;
};

// A configured easy handle for GET `url` (CURLOPT_PRIVATE points at the Transfer); with
// `keep_first` > 0 only that many body bytes are read (Fetcher::fetch).
// Errors: InvalidArgument (not an absolute http/https URL), Internal (curl refused an option).
// The caller sets `done`.
Result<std::unique_ptr<Transfer>> make_transfer(std::string url, const FetcherOptions& options,
                                                const std::vector<std::string>& headers = {},
                                                std::size_t keep_first = 0);

// The outcome of a finished transfer: the Response, or Network with the URL and curl's words.
Result<archive::Response> finish_transfer(Transfer& transfer, CURLcode code);

}  // namespace fora::crawler::detail
