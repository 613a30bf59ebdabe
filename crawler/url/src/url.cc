#include "fora/url/url.h"

#include <boost/algorithm/string/case_conv.hpp>
#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <memory>

#include "fora/url/curl_global.h"
#include "fora/ascii_space.h"
#include "fora/url/query_string.h"

namespace fora {
namespace {

struct CurlUrlFree {
  void operator()(CURLU* h) const { curl_url_cleanup(h); }
};
struct CurlStringFree {
  void operator()(char* s) const { curl_free(s); }
};
using CurlUrl = std::unique_ptr<CURLU, CurlUrlFree>;
using CurlString = std::unique_ptr<char, CurlStringFree>;

// Links in HTML often carry bytes curl's parser rejects (spaces, raw UTF-8, a tab or newline
// inside an attribute). Browsers drop tabs/newlines and percent-encode the rest; so do we.
std::string escape_for_parser(std::string_view s) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(s.size());
  for (unsigned char c : s) {
    if (c == '\t' || c == '\n' || c == '\r') continue;
    if (c <= 0x20 || c >= 0x7f) {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 0xf];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

CurlUrl make_url() {
  ensure_curl_global_init();
  return CurlUrl(curl_url());
}

std::optional<std::string> get_part(CURLU* h, CURLUPart part, unsigned flags = 0) {
  char* out = nullptr;
  if (curl_url_get(h, part, &out, flags) != CURLUE_OK || out == nullptr) return std::nullopt;
  CurlString owned(out);
  return std::string(out);
}

bool is_http(const std::string& scheme) { return scheme == "http" || scheme == "https"; }

// Whether the parameter `key=value` (key lowercased) carries a session or a per-request token
// rather than naming a page. These make one page many URLs on every engine, profiled or not.
bool is_session_param(std::string_view key, std::string_view value) {
  static constexpr std::string_view kAlways[] = {
      "phpsessid", "jsessionid", "sessionid", "session_id", "sesskey", "oscsid", "zenid",
      "cfid", "cftoken", "_xftoken", "securitytoken", "csrf", "csrf_token", "csrfkey",
      "_wpnonce", "fbclid", "gclid", "mc_cid", "mc_eid", "utm_source", "utm_medium",
      "utm_campaign", "utm_term", "utm_content"};
  for (std::string_view k : kAlways)
    if (key == k) return true;
  // phpBB's sid= and vBulletin's s= are 32 hex digits; a short s= is a search.
  const bool hex32 = value.size() == 32 && std::all_of(value.begin(), value.end(), [](char c) {
                       return std::isxdigit(static_cast<unsigned char>(c)) != 0;
                     });
  return (key == "sid" || key == "s") && hex32;
}

// Removes session parameters from the query and a ";jsessionid=..." path parameter. False
// when curl refuses the result.
bool drop_session_params(CURLU* h) {
  if (auto path = get_part(h, CURLUPART_PATH)) {
    const std::size_t at = boost::algorithm::to_lower_copy(*path).find(";jsessionid=");
    if (at != std::string::npos) {
      path->erase(at);
      if (curl_url_set(h, CURLUPART_PATH, path->c_str(), 0) != CURLUE_OK) return false;
    }
  }
  auto query = get_part(h, CURLUPART_QUERY);
  if (!query || query->empty()) return true;
  const std::string kept = filter_query(*query, is_session_param);
  if (kept.size() == query->size()) return true;
  return curl_url_set(h, CURLUPART_QUERY, kept.empty() ? nullptr : kept.c_str(), 0) == CURLUE_OK;
}

// Brings a parsed URL to the canonical form and returns it; nullopt when not http(s).
std::optional<std::string> canonical(CURLU* h) {
  auto scheme = get_part(h, CURLUPART_SCHEME);
  if (!scheme) return std::nullopt;
  boost::algorithm::to_lower(*scheme);
  if (!is_http(*scheme)) return std::nullopt;
  auto host = get_part(h, CURLUPART_HOST);
  if (!host || host->empty()) return std::nullopt;
  boost::algorithm::to_lower(*host);
  // Credentials are no part of a page's address, and must not reach the archive.
  if (curl_url_set(h, CURLUPART_SCHEME, scheme->c_str(), 0) != CURLUE_OK ||
      curl_url_set(h, CURLUPART_HOST, host->c_str(), 0) != CURLUE_OK ||
      curl_url_set(h, CURLUPART_USER, nullptr, 0) != CURLUE_OK ||
      curl_url_set(h, CURLUPART_PASSWORD, nullptr, 0) != CURLUE_OK ||
      curl_url_set(h, CURLUPART_FRAGMENT, nullptr, 0) != CURLUE_OK) {
    return std::nullopt;
  }
  if (!drop_session_params(h)) return std::nullopt;
  // Setting the port explicitly to the scheme's default is dropped by NO_DEFAULT_PORT below.
  return get_part(h, CURLUPART_URL, CURLU_NO_DEFAULT_PORT);
}

// Parses an absolute URL into a fresh handle.
CurlUrl parse_absolute(std::string_view url) {
  auto h = make_url();
  if (!h) return nullptr;
  std::string escaped = escape_for_parser(trim_ascii_space(url));
  if (curl_url_set(h.get(), CURLUPART_URL, escaped.c_str(), 0) != CURLUE_OK) return nullptr;
  return h;
}

}  // namespace

namespace {

// The parts of a URL spelled as normalize_url() spells it ("http[s]://host[:port]/path?q",
// lowercase, no user part, no default port, no fragment), read off without parsing; nullopt
// for any other spelling, which the caller then parses.
struct Spelled {
  std::string_view scheme, authority, path_and_query;
};

std::optional<Spelled> spelled(std::string_view url) {
  const std::size_t colon = url.find("://");
  if (colon == std::string_view::npos) return std::nullopt;
  Spelled s;
  s.scheme = url.substr(0, colon);
  if (s.scheme != "http" && s.scheme != "https") return std::nullopt;
  const std::size_t start = colon + 3;
  const std::size_t end = std::min(url.find_first_of("/?", start), url.size());
  s.authority = url.substr(start, end - start);
  s.path_and_query = url.substr(end);
  const bool odd_authority =
      s.authority.empty() ||
      std::any_of(s.authority.begin(), s.authority.end(), [](char c) {
        return c == '@' || c == '#' || c == '%' || std::isupper(static_cast<unsigned char>(c)) != 0;
      });
  const bool default_port = (s.scheme == "http" && s.authority.ends_with(":80")) ||
                            (s.scheme == "https" && s.authority.ends_with(":443"));
  if (odd_authority || default_port || s.path_and_query.empty() || s.path_and_query.front() != '/' ||
      url.find_first_of("# \t\r\n") != std::string_view::npos) {
    return std::nullopt;
  }
  return s;
}

}  // namespace

namespace {

// Characters a path or query may hold that curl keeps as they are; anything else (blanks,
// non-ASCII, '%' escapes, quotes, backslashes, ...) goes through curl.
bool plain_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         std::string_view("-._~/?=&;:@!$'()*+,").find(c) != std::string_view::npos;
}

// Whether a path has "." or ".." segments (which curl resolves).
bool has_dot_segment(std::string_view path) {
  for (std::size_t i = 0; i < path.size(); ++i) {
    if (path[i] != '/') continue;
    std::size_t j = i + 1;
    while (j < path.size() && path[j] == '.') ++j;
    if (j - i - 1 >= 1 && j - i - 1 <= 2 && (j == path.size() || path[j] == '/')) return true;
  }
  return false;
}

// Whether `url` is already in normalize_url()'s spelling, judged without curl for URLs made
// only of plain characters, without dot segments or a session parameter; false sends the
// URL through curl (which may well find it canonical too).
bool already_canonical(std::string_view url) {
  auto s = spelled(url);
  if (!s || !std::all_of(s->path_and_query.begin(), s->path_and_query.end(), plain_char)) return false;
  const std::size_t q = s->path_and_query.find('?');
  const std::string_view path = s->path_and_query.substr(0, q);
  if (has_dot_segment(path) || path.find(';') != std::string_view::npos) return false;
  if (q != std::string_view::npos) {
    const std::string_view query = s->path_and_query.substr(q + 1);
    if (query.empty() || filter_query(query, is_session_param).size() != query.size()) return false;
  }
  return true;
}

// resolve_url() without curl for the links most pages are made of: a root-relative path
// ("/2015/01/16/post/") or an absolute URL already in normalize_url()'s spelling, made
// only of plain characters, without dot segments or a session parameter. nullopt sends the
// link through curl. tests/crawler/url_test.cc holds both to the same answers.
std::optional<std::string> resolve_plain(std::string_view base, std::string_view ref) {
  ref = ref.substr(0, ref.find('#'));
  std::string out;
  if (ref.size() >= 2 && ref[0] == '/' && ref[1] != '/') {
    auto b = spelled(base);
    if (!b) return std::nullopt;
    out.reserve(b->scheme.size() + 3 + b->authority.size() + ref.size());
    out.append(b->scheme).append("://").append(b->authority).append(ref);
  } else if (ref.starts_with("http://") || ref.starts_with("https://")) {
    out.assign(ref);
  } else {
    return std::nullopt;
  }
  if (!already_canonical(out)) return std::nullopt;
  return out;
}

}  // namespace

Url::Url(std::string canonical) : spelling_(std::move(canonical)) {
  // normalize_url() always writes "scheme://host[:port]" then a path starting with '/'.
  scheme_end_ = spelling_.find("://");
  origin_end_ = std::min(spelling_.find_first_of("/?", scheme_end_ + 3), spelling_.size());
}

Result<Url> Url::parse(std::string_view text) {
  if (already_canonical(text)) return Url(std::string(text));
  auto canonical = normalize_url(text);
  if (!canonical) return canonical.error();
  return Url(std::move(*canonical));
}

std::optional<Url> Url::resolve(const Url& base, std::string_view ref) {
  auto resolved = resolve_url(base.str(), ref);
  if (!resolved) return std::nullopt;
  return Url(std::move(*resolved));
}

Result<std::string> normalize_url(std::string_view url) {
  auto h = parse_absolute(url);
  std::optional<std::string> out = h ? canonical(h.get()) : std::nullopt;
  if (!out) {
    return make_error(Errc::InvalidArgument,
                      "not an absolute http/https URL: '" + std::string(url) + "'",
                      "write it in full, e.g. https://example.com/");
  }
  return *out;
}

std::optional<std::string> resolve_url(std::string_view base, std::string_view ref) {
  ref = trim_ascii_space(ref);
  if (ref.empty() || ref.front() == '#') return std::nullopt;  // the page itself
  if (auto plain = resolve_plain(base, ref)) return plain;
  return detail::resolve_url_with_curl(base, ref);
}

std::optional<std::string> detail::resolve_url_with_curl(std::string_view base, std::string_view ref) {
  ref = trim_ascii_space(ref);
  if (ref.empty() || ref.front() == '#') return std::nullopt;
  auto h = parse_absolute(base);
  if (!h) return std::nullopt;
  const std::string escaped = escape_for_parser(ref);
  if (escaped.empty() || curl_url_set(h.get(), CURLUPART_URL, escaped.c_str(), 0) != CURLUE_OK) {
    return std::nullopt;
  }
  return canonical(h.get());
}

std::string url_origin(std::string_view normalized) {
  if (auto s = spelled(normalized)) return std::string(s->authority);
  auto h = parse_absolute(normalized);
  if (!h) return {};
  auto host = get_part(h.get(), CURLUPART_HOST);
  if (!host) return {};
  boost::algorithm::to_lower(*host);
  auto port = get_part(h.get(), CURLUPART_PORT, CURLU_NO_DEFAULT_PORT);
  return port ? *host + ":" + *port : *host;
}

std::string url_scheme(std::string_view normalized) {
  if (auto s = spelled(normalized)) return std::string(s->scheme);
  auto h = parse_absolute(normalized);
  if (!h) return {};
  auto scheme = get_part(h.get(), CURLUPART_SCHEME);
  if (!scheme) return {};
  boost::algorithm::to_lower(*scheme);
  return *scheme;
}

std::string url_path_and_query(std::string_view normalized) {
  if (auto s = spelled(normalized)) return std::string(s->path_and_query);
  auto h = parse_absolute(normalized);
  if (!h) return "/";
  std::string out = get_part(h.get(), CURLUPART_PATH).value_or("/");
  if (out.empty()) out = "/";
  if (auto query = get_part(h.get(), CURLUPART_QUERY)) out += "?" + *query;
  return out;
}

}  // namespace fora
