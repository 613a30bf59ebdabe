// Extractor: turns a fetched page into a fora::extract::Page (thread, entries, links),
// driven by the profiles in data/profiles/*.toml (XPath over libxml2's HTML parser).
// Immutable after open(); extract() is const and safe to call from several threads.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "fora/extract/thread.h"
#include "fora/result.h"

namespace fora::extract {

class Extractor {
 public:
  // Loads every *.toml profile in `profiles_dir`. Errors: NotFound (no such folder or no
  // profile in it), InvalidArgument (a profile that does not parse; the message names the
  // file and the key).
  static Result<Extractor> open(const std::filesystem::path& profiles_dir);

  Extractor(Extractor&&) noexcept;
  Extractor& operator=(Extractor&&) noexcept;
  ~Extractor();

  // Parses `html` fetched from `url` (absolute). `content_type` is the HTTP Content-Type
  // header (may carry the charset; may be empty). Links are resolved against the page's
  // <base> or `url`. A page that matches no profile still yields its links.
  // Errors: InvalidArgument when the bytes are not parseable as HTML at all.
  Result<Page> extract(std::string_view html, std::string_view url,
                       std::string_view content_type = {}) const;

  // Names of the loaded profiles, in match order.
  std::vector<std::string> profile_names() const;

 private:
  struct Impl;
  explicit Extractor(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// URLs listed by a sitemap (<urlset>/<sitemapindex> <loc>) or a feed (RSS <link>, Atom
// <link href>), resolved against `url`. Errors: InvalidArgument when `xml` is not XML.
Result<std::vector<std::string>> feed_or_sitemap_urls(std::string_view xml, std::string_view url);

}  // namespace fora::extract
