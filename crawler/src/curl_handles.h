// RAII owners for libcurl's C handles (private to fora_crawler: public headers never see curl).
// One owner per handle type; copy is deleted by unique_ptr.
#pragma once

#include <curl/curl.h>

#include <memory>

#include "fora/url/curl_global.h"

namespace fora::crawler::detail {

struct CurlUrlDeleter {
  void operator()(CURLU* h) const { curl_url_cleanup(h); }
};
struct CurlEasyDeleter {
  void operator()(CURL* h) const { curl_easy_cleanup(h); }
};
struct CurlMultiDeleter {
  void operator()(CURLM* h) const { curl_multi_cleanup(h); }
};
struct CurlSlistDeleter {
  void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};
struct CurlStringDeleter {
  void operator()(char* s) const { curl_free(s); }
};

using CurlUrl = std::unique_ptr<CURLU, CurlUrlDeleter>;
using CurlEasy = std::unique_ptr<CURL, CurlEasyDeleter>;
using CurlMulti = std::unique_ptr<CURLM, CurlMultiDeleter>;
using CurlString = std::unique_ptr<char, CurlStringDeleter>;
using CurlSlist = std::unique_ptr<curl_slist, CurlSlistDeleter>;  // strings curl_url_get returns

using fora::ensure_curl_global_init;

}  // namespace fora::crawler::detail
