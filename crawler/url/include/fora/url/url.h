// URLs, on top of libcurl's URL API (no hand-written parser): one normaliser and one
// resolver for the whole pipeline, and one value type, Url, that holds their spelling. The
// extractor yields links as Urls and resolves thread and comment URLs with resolve_url();
// the frontier, the scope, robots.txt and the link filter take only Urls; the archive
// stores their spelling. So one page is one string everywhere (a link and the page it
// names, a thread URL and the page it was read from). The free functions serve spellings
// read back from storage. Thread-safe.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

#include "fora/result.h"

namespace fora {

// An absolute http/https URL, parsed once into normalize_url()'s spelling and then passed by
// value: what the frontier queues, the scope and robots.txt judge, the link filter admits
// and the extractor yields. No other spelling can be made into one, so two values that name
// the same page are equal, and its parts are read off the spelling without parsing again.
class Url {
 public:
  // Errors: InvalidArgument, as normalize_url().
  static Result<Url> parse(std::string_view text);
  // The link `ref` found on the page `base`, as resolve_url(); nullopt as there.
  static std::optional<Url> resolve(const Url& base, std::string_view ref);

  const std::string& str() const { return spelling_; }
  std::string_view scheme() const { return std::string_view(spelling_).substr(0, scheme_end_); }
  // "host" or "host:port" (a port only when not the scheme's default), lowercase: the key
  // of per-host politeness and of the archive's site.
  std::string_view origin() const {
    return std::string_view(spelling_).substr(scheme_end_ + 3, origin_end_ - scheme_end_ - 3);
  }
  // "/a/b?x=1": what robots.txt rules match.
  std::string_view path_and_query() const { return std::string_view(spelling_).substr(origin_end_); }

  friend bool operator==(const Url& a, const Url& b) { return a.spelling_ == b.spelling_; }
  friend auto operator<=>(const Url& a, const Url& b) { return a.spelling_ <=> b.spelling_; }

 private:
  explicit Url(std::string canonical);  // a spelling normalize_url() gave
  std::string spelling_;
  std::size_t scheme_end_ = 0, origin_end_ = 0;
};

// The canonical spelling of an absolute http/https URL: scheme and host lowercased, the
// default port dropped (":80" for http, ":443" for https), the fragment and any user name
// and password dropped, "." and ".."
// path segments resolved, an empty path written "/", the query kept byte for byte.
// Leading/trailing whitespace is ignored; spaces, control characters and non-ASCII bytes are
// percent-encoded. Parameters that carry a session or a per-request token rather than name a
// page are dropped (PHPSESSID, jsessionid, phpBB's and vBulletin's 32-hex sid/s, _xfToken,
// utm_*, ...). Errors: InvalidArgument (not a URL, relative, or not http/https).
Result<std::string> normalize_url(std::string_view url);

// Resolves the link `ref` found on the page `base` (RFC 3986 reference resolution), as
// normalize_url() spells it. nullopt when the result is not http/https (mailto:, javascript:,
// tel:, data:, ...), when either part cannot be parsed, and when `ref` is empty or only a
// fragment (the page itself, not a link to follow).
std::optional<std::string> resolve_url(std::string_view base, std::string_view ref);

namespace detail {
// resolve_url() always through libcurl, without its fast path for plain links (for the test
// that holds the two to the same answers).
std::optional<std::string> resolve_url_with_curl(std::string_view base, std::string_view ref);
}  // namespace detail

// "host" or "host:port" (port only when not the scheme's default) of a normalized URL, e.g.
// "example.com", "127.0.0.1:8080". The key for per-host politeness and for the archive's site.
// Read off the spelling without parsing when it is normalize_url()'s; empty when
// `normalized` cannot be parsed.
std::string url_origin(std::string_view normalized);

// The scheme of a normalized URL ("http" or "https"); empty when it cannot be parsed.
std::string url_scheme(std::string_view normalized);

// Path plus "?query" when there is one, e.g. "/a/b?x=1": what robots.txt rules match.
// "/" when the URL cannot be parsed.
std::string url_path_and_query(std::string_view normalized);

}  // namespace fora
