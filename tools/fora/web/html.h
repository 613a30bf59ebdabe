// HTML for `fora serve`: every piece of crawled text passes through escape() on its way into
// a page (control and bidi characters dropped, & < > " ' escaped), every value put into a
// link through url_encode(). Pages are whole documents with one stylesheet and no script or
// inline style, so the Content-Security-Policy can forbid both.
#pragma once

#include <string>
#include <string_view>

namespace fora::web {

// Text for an element or a double-quoted attribute.
std::string escape(std::string_view text);
// A query-string value: every byte but A-Z a-z 0-9 - . _ ~ percent-encoded.
std::string url_encode(std::string_view text);
// The text's paragraphs (split at line breaks) as <p> elements, escaped.
std::string paragraphs(std::string_view text);
// An address from crawled data fit for an href: an http or https URL, escaped; "" for any
// other (javascript:, data:, a relative path), which then gets no link.
std::string safe_href(std::string_view url);

// A whole page: its title, the header with the search box holding `q`, then `main`.
std::string page(std::string_view title, std::string_view q, std::string_view main);

// The one stylesheet, served at /style.css: readable on a phone and in print.
std::string_view stylesheet();
// fora's icon (SVG), served at /icon.svg and named by every page, so a browser asks for no
// /favicon.ico.
std::string_view icon();

}  // namespace fora::web
