// What `fora export` takes out of the archive: one site and what was seen since a time.
#pragma once

#include <cstdint>
#include <string>

namespace fora::archive {

struct ExportFilter {
  std::string site;        // its origin; "" for all
  std::int64_t since = 0;  // Unix seconds; 0: everything
};

}  // namespace fora::archive
