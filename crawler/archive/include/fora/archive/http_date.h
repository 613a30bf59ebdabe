// HTTP dates (RFC 9110 §5.6.7), as servers write them in Date, Last-Modified and Retry-After:
// the preferred IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT") and the two obsolete forms a
// recipient must still accept, RFC 850's ("Sunday, 06-Nov-94 08:49:37 GMT") and asctime's
// ("Sun Nov  6 08:49:37 1994"). A parser of outside data (fuzzed through fuzz_warc).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace fora::archive {

// Unix seconds; nullopt when `text` is no HTTP date. The zone may also be written "UTC" or
// "+0000" (servers that do); the weekday is not checked against the date, as RFC 9110 asks
// of no recipient. An RFC 850 two-digit year is the latest such year not more than 50 years
// after `now` (RFC 9110 §5.6.7).
std::optional<std::int64_t> parse_http_date(std::string_view text, std::int64_t now);

}  // namespace fora::archive
