// Fuzz target: date text as pages print it, with and without a capture time.
#include <cstdint>
#include <string_view>

#include "date_text.h"
#include "iso_date.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)fora::extract::parse_iso8601(text);
  (void)fora::extract::parse_date_text(text, std::nullopt);
  (void)fora::extract::parse_date_text(text, 1732708800, fora::extract::DateOrder::DMY);
  return 0;
}
