// Query strings as pages write them, for the extractor's crawl rules and the crawler's URL
// normaliser alike: '&' and ';' both separate parameters (SMF writes "?topic=5.0;PHPSESSID=").
// Pure function; thread-safe.
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace fora {

// `query` (without the '?') less the parameters for which `drop(key, value)` is true, `key`
// lowercased; kept parameters keep their order and the separator that came before them.
std::string filter_query(std::string_view query,
                         const std::function<bool(std::string_view key, std::string_view value)>& drop);

}  // namespace fora
