// Fuzz target: WARC files (plain, gzip, zstd), their records, the HTTP messages inside them
// and chunked bodies, HTTP dates; the reader must end, and report damage rather than crash.
#include <cstdint>
#include <string>

#include "fora/archive/http_date.h"
#include "fora/archive/http_message.h"
#include "fora/archive/warc.h"
#include "fora/archive/warc_file.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  auto reader = fora::archive::WarcFileReader::from_bytes(bytes);
  int records = 0;
  while (auto item = reader.next()) {
    if (item->record) (void)fora::archive::response_of(*item->record);
    if (++records > 100000) __builtin_trap();  // a reader that does not end
  }
  (void)fora::archive::dechunk(bytes);
  std::size_t used = 0;
  bool more = false;
  (void)fora::archive::parse_warc_record(bytes, &used, &more);
  (void)fora::archive::parse_warc_date(bytes);
  (void)fora::archive::parse_http_date(bytes, 1767225600);
  return 0;
}
