// Fuzz target: sitemaps and feeds (read as a stream), and links resolved against a page, the
// two ways URLs from outside reach the crawl's queue; each as the crawl spells it (same_page:
// a feed's entries are not bounded as a page's links are).
#include <cstdint>
#include <string_view>

#include "fora/crawler/scope.h"
#include "fora/extract/extractor.h"
#include "fora/url/url.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto base = fora::Url::parse("https://example.com/sitemap.xml");
  if (auto entries = fora::extract::feed_or_sitemap_entries(text, base->str()))
    for (const auto& entry : *entries)
      if (auto url = fora::Url::resolve(*base, entry.url)) (void)fora::crawler::same_page(*url);
  // The first line as a link on a page, through the fast path and through curl.
  const std::string_view ref = text.substr(0, text.find('\n'));
  if (auto link = fora::resolve_url("https://example.com/forum/t/1/", ref))
    if (auto url = fora::Url::parse(*link)) (void)fora::crawler::same_page(*url);
  (void)fora::detail::resolve_url_with_curl("https://example.com/forum/t/1/", ref);
  (void)fora::url_origin(ref);
  (void)fora::url_path_and_query(ref);
  return 0;
}
