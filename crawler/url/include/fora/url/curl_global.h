// curl_global_init, exactly once per process, before the first libcurl handle is made (URL
// parsing here, transfers in fora_crawler).
#pragma once

namespace fora {

void ensure_curl_global_init();

}  // namespace fora
