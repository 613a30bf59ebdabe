// HTTP/1.1 messages as a WARC record holds them: a header block, then the body with its
// transfer coding. Parsers of outside data (fuzzed through fuzz_warc).
#pragma once

#include <string>
#include <string_view>

#include "fora/result.h"

namespace fora::archive {

// Whether the header block says the body was sent with `Transfer-Encoding: chunked`.
bool is_chunked(std::string_view header_block);

// The entity of a chunked body (RFC 9112 §7.1): the chunks' data joined, extensions and
// trailers dropped. Errors: Corrupt (a chunk size that is not hex, or data shorter than it
// says); a body cut short after whole chunks is returned as far as it goes. With `cut`
// (the body was cut short on purpose, Response::truncated) a chunk cut short is returned
// as far as it goes too.
Result<std::string> dechunk(std::string_view wire, bool cut = false);

// Where the header block of an HTTP message ends: just past its empty line (CRLF CRLF, or
// LF LF as some writers leave); npos when there is none.
std::size_t header_block_end(std::string_view message);

}  // namespace fora::archive
