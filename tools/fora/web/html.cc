#include "html.h"

#include <cctype>

#include <fmt/format.h>

#include "terminal.h"

namespace fora::web {

std::string escape(std::string_view text) {
  const std::string clean = cli::clean(text, /*keep_newlines=*/true);
  std::string out;
  out.reserve(clean.size() + clean.size() / 8);
  for (char c : clean) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string url_encode(std::string_view text) {
  std::string out;
  for (unsigned char c : text) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
        c == '_' || c == '~')
      out += static_cast<char>(c);
    else
      out += fmt::format("%{:02X}", c);
  }
  return out;
}

std::string paragraphs(std::string_view text) {
  std::string out;
  std::size_t at = 0;
  while (at < text.size()) {
    auto end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view para = text.substr(at, end - at);
    if (para.find_first_not_of(" \t\r") != std::string_view::npos) out += "<p>" + escape(para) + "</p>\n";
    at = end + 1;
  }
  return out;
}

std::string safe_href(std::string_view url) {
  const auto lower_starts = [&](std::string_view prefix) {
    if (url.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
      if (static_cast<char>(std::tolower(static_cast<unsigned char>(url[i]))) != prefix[i]) return false;
    return true;
  };
  if (!lower_starts("http://") && !lower_starts("https://")) return {};
  return escape(url);
}

std::string page(std::string_view title, std::string_view q, std::string_view main) {
  return fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>{} · fora</title>\n<link rel=\"stylesheet\" href=\"/style.css\">\n<link rel=\"icon\" href=\"/icon.svg\">\n</head>\n<body>\n"
      "<header><a class=\"home\" href=\"/\">fora</a>\n"
      "<form action=\"/search\" method=\"get\" role=\"search\"><input type=\"search\" name=\"q\" value=\"{}\" "
      "maxlength=\"1000\" aria-label=\"Search\" placeholder=\"every Edward comment on Soyuz\">"
      "<button type=\"submit\">Search</button></form>\n"
      "<nav><a href=\"/status\">status</a></nav></header>\n<main>\n{}</main>\n</body>\n</html>\n",
      escape(title), escape(q), main);
}

std::string_view icon() {
  // A lower-case f in a rounded square; served as a file, as the CSP allows images from 'self' only.
  return R"(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#2a5d8f"/><path d="M6 14V7H4.5V5.5H6V4.5C6 2.8 7 2 8.6 2c.6 0 1.1.1 1.4.2v1.5c-.3-.1-.7-.2-1.1-.2-.7 0-1 .4-1 1.1v.9h2v1.5h-2v7z" fill="#fff"/></svg>
)";
}

std::string_view stylesheet() {
  return R"(:root { color-scheme: light dark; --line: #8884; --mark: #fd4; --dim: #777; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, sans-serif; }
header { display: flex; flex-wrap: wrap; gap: .5em 1em; align-items: center; padding: .5em 1em; border-bottom: 1px solid var(--line); }
header form { display: flex; flex: 1 1 20em; gap: .5em; }
header input { flex: 1; font: inherit; padding: .3em .5em; }
.home { font-weight: bold; text-decoration: none; }
main { max-width: 60em; margin: 0 auto; padding: 1em; }
.reading, .meta, .total, .note { color: var(--dim); font-size: .9em; }
.hit { margin: 0 0 1.2em; }
.hit h2 { font-size: 1.05em; margin: 0; }
.snippet { margin: .2em 0; }
mark { background: var(--mark); color: #000; }
.layout { display: grid; grid-template-columns: 1fr 14em; gap: 2em; }
.facets h2 { font-size: .95em; margin: 1em 0 .3em; }
.facets ul { list-style: none; padding: 0; margin: 0; font-size: .9em; }
.facets .count { color: var(--dim); margin-left: .4em; }
.pages { display: flex; gap: 1em; }
.entry { border-left: 3px solid var(--line); padding: .3em .8em; margin: .8em 0; }
.entry.hit { border-left-color: var(--mark); background: #fd42; }
.entry.gone { opacity: .7; }
.d1 { margin-left: 1.5em; } .d2 { margin-left: 3em; } .d3 { margin-left: 4.5em; } .d4 { margin-left: 6em; }
.d5 { margin-left: 7.5em; } .d6 { margin-left: 9em; } .d7 { margin-left: 10.5em; } .d8 { margin-left: 12em; }
blockquote { margin: .4em 0; padding: .2em .8em; border-left: 3px solid var(--line); color: var(--dim); }
blockquote cite { display: block; font-style: normal; font-size: .85em; }
.badge { font-size: .8em; border: 1px solid var(--line); border-radius: .3em; padding: 0 .3em; margin-left: .4em; }
table { border-collapse: collapse; margin: .5em 0 1em; font-size: .9em; }
th, td { text-align: left; padding: .2em .6em; border-bottom: 1px solid var(--line); }
.activity { color: var(--dim); display: block; margin: .5em 0; max-width: 100%; }
iframe.archived { width: 100%; height: 30em; border: 1px solid var(--line); }
del { background: #f443; } ins { background: #4f43; text-decoration: none; }
td { overflow-wrap: anywhere; }
@media (max-width: 40em) { .layout { display: block; } .d1, .d2, .d3, .d4, .d5, .d6, .d7, .d8 { margin-left: .8em; }
  table { display: block; overflow-x: auto; } }
@media print { header, .facets, .pages { display: none; } .layout { display: block; } }
)";
}

}  // namespace fora::web
