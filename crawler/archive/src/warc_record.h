// One WARC/1.1 `response` record: the bytes the snapshot store compresses into one frame.
// (Issue 2 keeps responses transfer-decoded; request and revisit records come with the full
// WARC work.)
#pragma once

#include <string>
#include <string_view>

#include "fora/archive/archive.h"
#include "fora/result.h"

namespace fora::archive {

// Serializes `response` as a WARC/1.1 response record (header block, HTTP headers, body).
std::string make_response_record(const Response& response, std::string_view payload_sha256);

// Parses a record written by make_response_record. Errors: Corrupt.
Result<Response> parse_response_record(std::string_view record);

}  // namespace fora::archive
