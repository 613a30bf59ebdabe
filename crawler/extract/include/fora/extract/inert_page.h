// A stored page made fit to show again: what `fora serve` puts in its frame. The archive
// keeps every response byte for byte; this is the copy a reader looks at, which a browser
// can show without running anything or asking any server but fora for anything, and whose
// links lead to the archive's own copies instead of the live site (as the Wayback Machine
// replays a page). The frame's Content-Security-Policy forbids the same things again; this
// makes the page keep to it, so that showing it breaks no rule and reports no error.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "fora/result.h"

namespace fora::extract {

// Where a link on the page should lead: fora's own address for the page the absolute,
// normalized http(s) `url` names, or nullopt when the archive holds no copy of it.
using LinkRewrite = std::function<std::optional<std::string>(const std::string& url)>;

// `bytes` as fetched from `url` with `content_type`, as UTF-8 HTML in which:
// - scripts, styles, stylesheets, <meta> (but the viewport's), <base>, frames, embedded
//   objects, media, SVG and MathML are gone with their content, as are comments;
// - of the attributes only those that name no resource and run nothing are kept (event
//   handlers, style, src, srcset, action, background, ping, target... are dropped);
// - control and bidi override characters are dropped from the text (as from every text fora
//   shows), so no stored page can reorder what a reader sees;
// - images keep their alt text, and their picture only when it is inline (a data: URL);
// - each <a>/<area> link is resolved (against the page's <base href>, as a browser would)
//   and goes where `rewrite` says; without a copy it keeps its text and names the address
//   in its title. Links within the page (#fragment) stay.
// Errors: InvalidArgument when the bytes are no web page (as parse_html).
Result<std::string> inert_html(std::string_view bytes, std::string_view url, std::string_view content_type,
                               const LinkRewrite& rewrite);

}  // namespace fora::extract
