// Fuzz target: any bytes as a fetched page, through every reader (profiles, mail, schema.org).
// Whatever comes out must be valid, control-free text.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "fora/extract/extractor.h"

namespace {

const fora::extract::Extractor& extractor() {
  static auto e = fora::extract::Extractor::open(FORA_SOURCE_DIR "/data/profiles");
  if (!e) std::abort();
  return *e;
}

void check(const std::string& s) {
  for (unsigned char c : s)
    if ((c < 0x20 && c != '\n') || c == 0x7F) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view page(reinterpret_cast<const char*>(data), size);
  auto result = extractor().extract(page, "https://f.example/viewtopic.php?f=1&t=2", "text/html", 1732708800);
  if (!result) return 0;
  for (const auto& w : result->warnings) check(w);
  if (!result->thread) return 0;
  check(result->thread->title);
  if (result->thread->post) check(result->thread->post->text);
  for (const auto& c : result->thread->comments) {
    check(c.author);
    check(c.text);
    for (const auto& q : c.quotes) check(q.text);
  }
  return 0;
}
