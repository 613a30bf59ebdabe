// Text as the generated sites print it: the bench's blog (fora-benchsite) and the tests'
// forum boards (tests/support) write their pages with these, so both escape and date alike.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace fora::site {

// `s` with & < > " ' as the engines' templates escape them (PHP's htmlspecialchars with
// ENT_QUOTES: ' becomes &#039;).
std::string html_escape(std::string_view s);

// `s` as a URL's slug: letters and digits lower-cased, each run of anything else one '-',
// none at either end ("Soyuz MS-22: leak" -> "soyuz-ms-22-leak").
std::string slugify(std::string_view s);

// Unix time `t` in UTC as strftime's `format` writes it (at most 127 bytes).
std::string utc(std::int64_t t, const char* format);

}  // namespace fora::site
