// /entry/ID/page: the page an entry was read from, as fora stored it, for the entry page's
// sandboxed frame. Its own Content-Security-Policy makes it inert wherever it is opened:
// `sandbox` (no script, no forms, an origin of its own), nothing loaded from anywhere
// (`default-src 'none'`; images only when inline), and it may be framed by fora's pages only.
#include <fmt/format.h>

#include "fora/archive/http_response.h"
#include "pages.h"

namespace fora::web {

Response archived_page(const cli::Context& ctx, std::int64_t id) {
  auto opened = ctx.open_archive(archive::Archive::Mode::Read);
  if (!opened) return error_page(opened.error());
  auto e = (*opened)->threads().entry(id);
  if (!e) return error_page(e.error());
  // The page that showed it (its address without the #anchor), else its thread's first page.
  std::optional<std::int64_t> capture;
  for (std::string url : {e->entry.url, e->thread_url}) {
    url = url.substr(0, url.find('#'));
    auto last = (*opened)->captures().last_capture(url);
    if (!last) return error_page(last.error());
    if (*last) {
      capture = (*last)->id;
      break;
    }
  }
  if (!capture) return error_page(404, fmt::format("no stored page for entry {}", id));
  auto stored = (*opened)->captures().read_capture(*capture);
  if (!stored) return error_page(stored.error());
  Response r;
  const std::string coding = archive::header_value(stored->headers, "Content-Encoding");
  const bool html = stored->content_type.find("html") != std::string::npos;
  if (!coding.empty() && coding != "identity") {
    r.content_type = "text/plain; charset=utf-8";
    r.body = "This page was stored with its " + coding + " content coding, as the server sent it.\n";
  } else {
    r.content_type = html ? stored->content_type : "text/plain; charset=utf-8";
    r.body = std::move(stored->body);
  }
  r.headers.push_back({"Content-Security-Policy",
                       "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'; frame-ancestors 'self'"});
  return r;
}

}  // namespace fora::web
