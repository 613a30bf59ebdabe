// The stored pages, for the entry page's sandboxed frame: /entry/ID/page (the page the entry
// was read from) and /page?url=URL (the archive's latest copy of any page, where the links of
// a stored page lead). A page is shown inert (extract::inert_html: nothing in it runs or
// loads, its links go to the archive's copies), and its own Content-Security-Policy says the
// same wherever it is opened: `sandbox` (no script, no forms, an origin of its own), nothing
// loaded from anywhere (`default-src 'none'`; images only when inline), and it may be framed
// by fora's pages only.
#include <fmt/format.h>

#include "fora/archive/http_response.h"
#include "fora/extract/inert_page.h"
#include "fora/url/url.h"
#include "html.h"
#include "pages.h"

namespace fora::web {
namespace {

Response stored_page(const archive::Archive& archive, std::int64_t capture_id) {
  auto stored = archive.captures().read_capture(capture_id);
  if (!stored) return error_page(stored.error());
  Response r;
  r.content_type = "text/plain; charset=utf-8";
  r.headers.push_back({"Content-Security-Policy",
                       "sandbox; default-src 'none'; img-src data:; frame-ancestors 'self'"});
  const std::string coding = archive::header_value(stored->headers, "Content-Encoding");
  if (!coding.empty() && coding != "identity") {
    r.body = "This page was stored with its " + coding + " content coding, as the server sent it.\n";
    return r;
  }
  if (stored->content_type.find("html") == std::string::npos) {
    r.body = std::move(stored->body);  // text, JSON, a feed: shown as text, never rendered
    return r;
  }
  auto inert = extract::inert_html(stored->body, stored->url, stored->content_type, [&](const std::string& url) {
    auto copy = archive.captures().last_capture(url);
    return copy && *copy ? std::optional<std::string>("/page?url=" + url_encode(url)) : std::nullopt;
  });
  if (!inert) return error_page(inert.error());
  r.content_type = "text/html; charset=utf-8";
  r.body = std::move(*inert);
  return r;
}

// The latest capture of `url` that answered 200 (its #fragment aside).
Result<std::optional<std::int64_t>> latest(const archive::Archive& archive, std::string url) {
  url = url.substr(0, url.find('#'));
  auto last = archive.captures().last_capture(url);
  if (!last) return std::move(last).error();
  return *last ? std::optional<std::int64_t>((*last)->id) : std::nullopt;
}

}  // namespace

Response archived_page(const cli::Context& ctx, std::int64_t id) {
  auto opened = ctx.open_archive(archive::Archive::Mode::Read);
  if (!opened) return error_page(opened.error());
  auto e = (*opened)->threads().entry(id);
  if (!e) return error_page(e.error());
  // The page that showed it, else its thread's first page.
  for (const std::string& url : {e->entry.url, e->thread_url}) {
    auto capture = latest(**opened, url);
    if (!capture) return error_page(capture.error());
    if (*capture) return stored_page(**opened, **capture);
  }
  return error_page(404, fmt::format("no stored page for entry {}", id));
}

Response archived_page(const cli::Context& ctx, const Request& request) {
  const auto url = request.query.find("url");
  if (url == request.query.end() || url->second.empty()) return error_page(400, "which page? /page?url=ADDRESS");
  auto address = normalize_url(url->second);
  if (!address) return error_page(400, "not an http(s) address: " + url->second);
  auto opened = ctx.open_archive(archive::Archive::Mode::Read);
  if (!opened) return error_page(opened.error());
  auto capture = latest(**opened, *address);
  if (!capture) return error_page(capture.error());
  if (!*capture) return error_page(404, "the archive holds no copy of " + *address);
  return stored_page(**opened, **capture);
}

}  // namespace fora::web
