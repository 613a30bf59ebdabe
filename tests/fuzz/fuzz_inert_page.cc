// Fuzz target: any bytes as a stored page, made inert for fora serve's frame. What comes out
// must hold nothing that runs or loads, read back by a second parser (support/inert_check.h).
#include <cstdint>
#include <cstdlib>
#include <string>

#include "fora/extract/inert_page.h"
#include "support/inert_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string page(reinterpret_cast<const char*>(data), size);
  auto out = fora::extract::inert_html(page, "https://f.example/viewtopic.php?t=2", "text/html", [](const std::string& url) {
    return url.size() % 2 == 0 ? std::optional<std::string>("/page?url=" + url) : std::nullopt;
  });
  if (out && !fora::test::first_live_part(*out).empty()) std::abort();
  return 0;
}
