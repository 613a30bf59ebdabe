#include "site.h"

#include <charconv>

#include "html.h"
#include "pages.h"

namespace fora::web {
namespace {

// "/thread/42" -> 42 when `path` is `prefix` and decimal digits.
std::optional<std::int64_t> id_after(std::string_view path, std::string_view prefix) {
  if (!path.starts_with(prefix)) return std::nullopt;
  const std::string_view digits = path.substr(prefix.size());
  std::int64_t id = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), id);
  if (digits.empty() || ec != std::errc() || end != digits.data() + digits.size() || id <= 0) return std::nullopt;
  return id;
}

// Equal, in a time that does not depend on where they first differ.
bool same_secret(std::string_view given, std::string_view token) {
  if (token.empty() || given.size() != token.size()) return false;
  unsigned char diff = 0;
  for (std::size_t i = 0; i < token.size(); ++i) diff |= static_cast<unsigned char>(given[i] ^ token[i]);
  return diff == 0;
}

std::string cookie_value(std::string_view cookies, std::string_view name) {
  while (!cookies.empty()) {
    const auto semi = cookies.find(';');
    std::string_view pair = cookies.substr(0, semi);
    while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
    if (pair.starts_with(name) && pair.size() > name.size() && pair[name.size()] == '=')
      return std::string(pair.substr(name.size() + 1));
    cookies = semi == std::string_view::npos ? std::string_view() : cookies.substr(semi + 1);
  }
  return {};
}

}  // namespace

Response Site::answer(const Request& request) const {
  Response r = route(request);
  // JSON lines are shown as text to a browser that navigates to them (it would offer an
  // application/x-ndjson file for download); scripts and tools get their own type.
  if (r.content_type.starts_with("application/x-ndjson")) {
    r.headers.push_back({"Vary", "Accept"});
    if (request.accept.find("text/html") != std::string::npos) r.content_type = "text/plain; charset=utf-8";
  }
  return r;
}

Response Site::route(const Request& request) const {
  if (token_) {
    const bool bearer = request.authorization.starts_with("Bearer ") &&
                        same_secret(std::string_view(request.authorization).substr(7), *token_);
    const bool cookie = same_secret(cookie_value(request.cookie, "fora_token"), *token_);
    if (auto given = request.query.find("token"); given != request.query.end() && same_secret(given->second, *token_)) {
      // A login link: the cookie from now on, and the address without the token.
      Response r = error_page(303, "signed in");
      r.headers.push_back({"Set-Cookie", "fora_token=" + *token_ + "; HttpOnly; SameSite=Strict; Path=/"});
      r.headers.push_back({"Location", request.path});
      return r;
    }
    if (!bearer && !cookie) {
      Response r = error_page(401, "this fora serve asks for its token: open the address it printed, with ?token=…");
      r.headers.push_back({"WWW-Authenticate", "Bearer"});
      return r;
    }
  }
  if (request.path == "/style.css") {
    Response r;
    r.content_type = "text/css; charset=utf-8";
    r.body = std::string(stylesheet());
    r.headers.push_back({"Cache-Control", "max-age=3600"});
    return r;
  }
  if (request.path == "/icon.svg" || request.path == "/favicon.ico") {  // the latter for pages of text
    Response r;
    r.content_type = "image/svg+xml";
    r.body = std::string(icon());
    r.headers.push_back({"Cache-Control", "max-age=86400"});
    return r;
  }
  if (request.path == "/" || request.path == "/search") return search_page(ctx_, request);
  if (auto id = id_after(request.path, "/thread/")) return thread_page(ctx_, *id, request);
  if (auto id = id_after(request.path, "/entry/")) return entry_page(ctx_, *id, request);
  if (request.path.starts_with("/entry/") && request.path.ends_with("/page"))
    if (auto id = id_after(request.path.substr(0, request.path.size() - 5), "/entry/")) return archived_page(ctx_, *id);
  if (request.path == "/page") return archived_page(ctx_, request);
  if (request.path == "/status") return status_page(ctx_, request);
  if (request.path.starts_with("/author/") && request.path.size() > 8) return author_page(ctx_, request.path.substr(8), request);
  if (request.path.starts_with("/site/") && request.path.size() > 6) return site_page(ctx_, request.path.substr(6), request);
  return error_page(404, "no page at this address");
}

}  // namespace fora::web
