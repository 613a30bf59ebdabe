// One HTTP GET as libcurl sees it: the easy handle, its options, and the buffers its
// callbacks fill. Private to fora_crawler; Fetcher owns the Transfers and the multi handle.
#pragma once

#include <curl/curl.h>

#include <memory>
#include <string>
#include <vector>

#include "curl_handles.h"
#include "fora/archive/archive.h"
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
  bool too_large = false;  // set by the write callback when it aborts the transfer
  char error_buffer[CURL_ERROR_SIZE] = {};
  Fetcher::Callback done;
};

// A configured easy handle for GET `url` (CURLOPT_PRIVATE points at the Transfer).
// Errors: InvalidArgument (not an absolute http/https URL), Internal (curl refused an option).
// The caller sets `done`.
Result<std::unique_ptr<Transfer>> make_transfer(std::string url, const FetcherOptions& options,
                                                const std::vector<std::string>& headers = {});

// The outcome of a finished transfer: the Response, or Network with the URL and curl's words.
Result<archive::Response> finish_transfer(Transfer& transfer, CURLcode code);

}  // namespace fora::crawler::detail
