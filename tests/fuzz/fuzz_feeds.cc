// Fuzz target: sitemaps and feeds (read as a stream), and links resolved against a page, the
// two ways URLs from outside reach the crawl's queue.
#include <cstdint>
#include <string_view>

#include "fora/extract/extractor.h"
#include "fora/url/url.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)fora::extract::feed_or_sitemap_entries(text, "https://example.com/sitemap.xml");
  // The first line as a link on a page, through the fast path and through curl.
  const std::string_view ref = text.substr(0, text.find('\n'));
  (void)fora::resolve_url("https://example.com/forum/t/1/", ref);
  (void)fora::detail::resolve_url_with_curl("https://example.com/forum/t/1/", ref);
  (void)fora::url_origin(ref);
  (void)fora::url_path_and_query(ref);
  return 0;
}
