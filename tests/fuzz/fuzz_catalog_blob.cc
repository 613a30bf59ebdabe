// Fuzz target: the catalog's blobs (entry_text.h), which a damaged or hostile catalog file
// hands the readers: a version's words and quotes as zstd row frames (with and without a
// dictionary), the quotes' JSON, a stored entry URL against its thread's, and the frame
// walking that verify and repair do on segments. Each must end with words or an error, never
// crash, hang or read out of bounds.
#include <cstdint>
#include <string>

#include "entry_text.h"
#include "zstd_frames.h"

namespace {

// A raw-content dictionary, as zstd takes any bytes: enough to send frames down the
// dictionary path of the decoder.
const fora::archive::Dictionary* dictionary() {
  static const auto dict = fora::archive::Dictionary::load(
      1, std::string("soyuz coolant leak radiator micrometeorite docking hatch crew module ") + std::string(200, 'a'),
      fora::archive::Dictionary::kDecompressOnly);
  return dict ? dict->get() : nullptr;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  (void)fora::archive::decompress_row_frame(bytes, nullptr);
  (void)fora::archive::decompress_row_frame(bytes, dictionary());
  if (auto text = fora::archive::decompress_row_frame(bytes, nullptr))
    (void)fora::archive::quotes_from_json(*text);
  (void)fora::archive::quotes_from_json(bytes);
  (void)fora::archive::full_url(bytes, "http://example.com/t/soyuz/1");
  (void)fora::archive::relative_url(bytes, "http://example.com/t/soyuz/1");
  (void)fora::archive::frame_size(bytes);
  (void)fora::archive::read_dictionary_frame(bytes);
  (void)fora::archive::decompress_each(bytes, nullptr);
  return 0;
}
