// One HTTP exchange as fora keeps it, and the HTTP helpers around it: what the fetcher
// hands the archive and the archive writes as WARC records (warc.h). The archive is the
// lowest layer that needs them, so they live in its library (warc.cc defines the helpers).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace fora::archive {

// One HTTP exchange as it went over the wire.
struct Response {
  std::string url;           // final absolute URL
  int status = 0;            // HTTP status code
  std::string headers;       // raw response header block, status line first, CRLF separated
  std::string body;          // entity body (transfer-decoded: de-chunked, content coding kept)
  std::string content_type;  // Content-Type header value, may be empty
  std::int64_t fetched_at = 0;  // Unix seconds UTC
  // The server's Date header (RFC 9110 §6.6.1), read once where the response is made (the
  // fetcher, a WARC record): relative dates on the page ("3 hours ago") count from it.
  std::optional<std::int64_t> sent_at;
  // The body as received when it came with a transfer coding (chunked), so the archive
  // keeps the bytes as they were; empty when they are `body`.
  std::string body_as_received;
  // The request as sent (request line and header lines, ending with the empty line); empty
  // when unknown (an import that had no request record).
  std::string request;
  // The body was cut short on purpose (robots.txt past what is read of it): the record says
  // WARC-Truncated: length.
  bool truncated = false;
};

// Unix seconds -> "2022-12-16T17:05:00Z" (ISO 8601, UTC): how fora writes every time it
// stored (WARC-Date, --json output).
std::string format_utc(std::int64_t unix_seconds);

// The value of header `name` (any case) in a raw header block ("Name: value" lines, CRLF or
// LF), without surrounding blanks; empty when absent. The first occurrence wins.
std::string header_value(std::string_view block, std::string_view name);

}  // namespace fora::archive
