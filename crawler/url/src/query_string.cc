#include "fora/url/query_string.h"

#include <boost/algorithm/string/case_conv.hpp>

namespace fora {

std::string filter_query(std::string_view query,
                         const std::function<bool(std::string_view key, std::string_view value)>& drop) {
  std::string kept;
  std::size_t start = 0;
  char sep = '&';
  while (start <= query.size()) {
    std::size_t end = query.find_first_of("&;", start);
    if (end == std::string_view::npos) end = query.size();
    const std::string_view param = query.substr(start, end - start);
    const std::size_t eq = param.find('=');
    const std::string key = boost::algorithm::to_lower_copy(std::string(param.substr(0, eq)));
    const std::string_view value = eq == std::string_view::npos ? std::string_view() : param.substr(eq + 1);
    if (!param.empty() && !drop(key, value)) {
      if (!kept.empty()) kept += sep;
      kept += param;
    }
    if (end == query.size()) break;
    sep = query[end];
    start = end + 1;
  }
  return kept;
}

}  // namespace fora
