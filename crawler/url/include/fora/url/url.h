// URLs, on top of libcurl's URL API (no hand-written parser): one normaliser and one
// resolver for the whole pipeline. The extractor resolves every link, thread and comment URL
// with resolve_url(), and the crawler queues, scopes and stores only normalize_url()
// spellings, so one page is one string everywhere (a link and the page it names, a thread
// URL and the page it was read from). Free functions; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "fora/result.h"

namespace fora {

// The canonical spelling of an absolute http/https URL: scheme and host lowercased, the
// default port dropped (":80" for http, ":443" for https), the fragment dropped, "." and ".."
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
