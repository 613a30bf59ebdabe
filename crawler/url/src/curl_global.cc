#include <curl/curl.h>

#include <mutex>

#include "fora/url/curl_global.h"

namespace fora {

void ensure_curl_global_init() {
  // curl_global_init is not thread-safe in older libcurl; call_once makes it so. Never
  // paired with curl_global_cleanup: handles may live until exit.
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

}  // namespace fora
