// Fuzz target: an index generation's XAPIANDB stub (written by fora, editable by the user to
// name remote shards): no path may leave the generation, and nothing crashes.
#include <cstdint>
#include <string_view>

#include "fora/indexer/generation.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto shards = fora::indexer::parse_generation_stub(text, "XAPIANDB");
  if (shards)
    for (const auto& s : *shards) {
      if (s.remote()) {
        if (s.port <= 0 || s.port > 65535 || s.host.empty()) __builtin_trap();
      } else if (s.path.is_absolute() || s.path.empty() || *s.path.begin() == ".." || s.path == ".") {
        __builtin_trap();
      }
      (void)s.describe();
    }
  return 0;
}
