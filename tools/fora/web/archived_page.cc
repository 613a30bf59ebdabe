// The stored pages, for the entry page's sandboxed frame: /entry/ID/page (the page the entry
// was read from) and /page?url=URL (the archive's latest copy of any page, where the links of
// a stored page lead). A page is shown inert (extract::inert_html: nothing in it runs or
// loads, its links go to the archive's copies), and its own Content-Security-Policy says the
// same wherever it is opened: `sandbox` (no script, no forms, no popups, no navigating the
// page around it), nothing loaded from anywhere (`default-src 'none'`; images only when
// inline), and it may be framed by fora's pages only. The sandbox keeps fora's origin
// (allow-same-origin) so that a link clicked in the frame carries the --token cookie, which a
// browser sends to no request from an origin of the sandbox's own; with no script that can
// run, the origin gives the page nothing to use.
#include <fmt/format.h>

#include "fora/archive/http_response.h"
#include "fora/extract/inert_page.h"
#include "fora/url/url.h"
#include "html.h"
#include "pages.h"

namespace fora::web {
namespace {

// An error where a stored page would be: a page of fora's own, which the entry page's frame
// may show (where the default policy's frame-ancestors 'none' would have the browser refuse it).
Response framed_error(Response r) {
  r.headers.push_back({"Content-Security-Policy",
                       "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; frame-ancestors 'self'"});
  return r;
}
Response framed_error(unsigned status, std::string_view message) { return framed_error(error_page(status, message)); }
Response framed_error(const Error& error) { return framed_error(error_page(error)); }


Response stored_page(const archive::Archive& archive, std::int64_t capture_id) {
  auto stored = archive.captures().read_capture(capture_id);
  if (!stored) return framed_error(stored.error());
  Response r;
  r.content_type = "text/plain; charset=utf-8";
  r.headers.push_back({"Content-Security-Policy",
                       "sandbox allow-same-origin; default-src 'none'; img-src data:; frame-ancestors 'self'"});
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
  if (!inert) return framed_error(inert.error());
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

Result<std::optional<std::int64_t>> entry_capture(const archive::Archive& archive, const archive::StoredEntry& e) {
  for (const std::string& url : {e.entry.url, e.thread_url}) {
    auto capture = latest(archive, url);
    if (!capture || *capture) return capture;
  }
  return std::optional<std::int64_t>();
}

Response archived_page(const cli::Context& ctx, std::int64_t id) {
  auto opened = ctx.open_archive(archive::Archive::Mode::Read);
  if (!opened) return framed_error(opened.error());
  auto e = (*opened)->threads().entry(id);
  if (!e) return framed_error(e.error());
  auto capture = entry_capture(**opened, *e);
  if (!capture) return framed_error(capture.error());
  if (!*capture) return framed_error(404, fmt::format("no stored page for entry {}", id));
  return stored_page(**opened, **capture);
}

Response archived_page(const cli::Context& ctx, const Request& request) {
  const auto url = request.query.find("url");
  if (url == request.query.end() || url->second.empty()) return framed_error(400, "which page? /page?url=ADDRESS");
  auto address = normalize_url(url->second);
  if (!address) return framed_error(400, "not an http(s) address: " + url->second);
  auto opened = ctx.open_archive(archive::Archive::Mode::Read);
  if (!opened) return framed_error(opened.error());
  auto capture = latest(**opened, *address);
  if (!capture) return framed_error(capture.error());
  if (!*capture) return framed_error(404, "the archive holds no copy of " + *address);
  return stored_page(**opened, **capture);
}

}  // namespace fora::web
