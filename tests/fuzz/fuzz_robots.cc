// Fuzz target: robots.txt bodies, then the questions a crawl asks them.
#include <cstdint>
#include <string_view>

#include "fora/crawler/robots.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto robots = fora::crawler::Robots::parse(text, "fora/0.1");
  for (const char* path : {"/", "/viewtopic.php?t=1", "/private-notes/", "/%E2%82%AC/x", "/a*b$"})
    (void)robots.allowed(path);
  (void)robots.crawl_delay();
  (void)robots.sitemaps();
  return 0;
}
