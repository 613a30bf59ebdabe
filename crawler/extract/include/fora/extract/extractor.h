// Extractor: turns a fetched page into a fora::extract::Page (thread, entries, links). It
// holds the readers in match order: the XPath profiles (data/profiles/*.toml, then the
// user's), then the schema.org reader for engines no profile knows. The first reader that
// claims a page reads it, and the Page says which one and why.
// Immutable after open(); extract() is const and safe to call from several threads.
#pragma once

#include <filesystem>
#include <cstdint>
#include <memory>
#include <optional>
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
  // file, the key and the line).
  static Result<Extractor> open(const std::filesystem::path& profiles_dir);
  // The same over several folders, in order: a profile whose name an earlier folder already
  // gave replaces that one (user profiles override the installed ones). The first folder
  // must exist; later ones may be missing.
  static Result<Extractor> open(const std::vector<std::filesystem::path>& profile_dirs);
  // One profile file, applied to every page whatever its [match] says (fora extract
  // --profile, for writing a profile). Errors as open().
  static Result<Extractor> open_forced(const std::filesystem::path& profile_file);

  Extractor(Extractor&&) noexcept;
  Extractor& operator=(Extractor&&) noexcept;
  ~Extractor();

  // Parses `html` fetched from `url` (absolute). `content_type` is the HTTP Content-Type
  // header (may carry the charset; may be empty). `captured_at` (Unix seconds) is when the
  // page was fetched: relative dates ("3 hours ago") are read against it, and not at all
  // without it. Links are resolved against the page's <base> or `url`. A page that no
  // reader claims still yields its links. `try_first` names a reader (Page::reader of an
  // earlier page of the same site) to ask before the others: a crawl passes the one that
  // read the site's last page, so that one engine's pages are not tried against every
  // other profile first. Errors: InvalidArgument when the bytes are not parseable as HTML
  // at all.
  Result<Page> extract(std::string_view html, std::string_view url,
                       std::string_view content_type = {},
                       std::optional<std::int64_t> captured_at = std::nullopt,
                       std::string_view try_first = {}) const;

  // The loaded profiles, in match order.
  struct ProfileInfo {
    std::string name;
    std::string file;                  // where it was loaded from
    std::vector<std::string> match;    // its [match] rules, one per line ("generator ^phpBB")
  };
  std::vector<ProfileInfo> profiles() const;
  std::vector<std::string> profile_names() const;

  // The readers and compiled queries; named here only so the library's sources can.
  struct Impl;

 private:
  explicit Extractor(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// A time as a user or a header writes it ("2024-11-25T15:14:00Z", "2024-11-25 15:14",
// "Mon, 25 Nov 2024 15:14:00 GMT") -> Unix seconds; nullopt when it is not one.
std::optional<std::int64_t> parse_timestamp(std::string_view text);

// URLs listed by a sitemap (<urlset>/<sitemapindex> <loc>) or a feed (RSS <link>, Atom
// <link href>), resolved against `url`, in document order (a URL listed twice comes twice).
// Read as a stream: memory grows with the URLs, not with the document. Errors:
// InvalidArgument when `xml` holds no XML element at all. A gzip-compressed document
// (sitemap.xml.gz) is unpacked first, up to the sitemap protocol's 50 MiB; past that, or
// when corrupt, it is an InvalidArgument error.
Result<std::vector<std::string>> feed_or_sitemap_urls(std::string_view xml, std::string_view url);

// The same, each URL with when the document says it last changed: a sitemap's <lastmod>, an
// RSS item's <pubDate> (or <dc:date>), an Atom entry's <updated> or <published>; the latest
// when an item gives several. A feed of comments lists each comment's page, so a
// thread's newest comment dates its page.
struct ListedUrl {
  std::string url;
  std::optional<std::int64_t> modified;  // Unix seconds; nullopt when not given or unreadable
};
Result<std::vector<ListedUrl>> feed_or_sitemap_entries(std::string_view xml, std::string_view url);

}  // namespace fora::extract
