// WARC records (ISO 28500, WARC/1.1; 1.0 is read too): the model fora writes into its
// segments and reads back from them and from other tools' files. A record is a version
// line, named fields, and a block of Content-Length bytes followed by CRLF CRLF.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "fora/archive/http_response.h"
#include "fora/result.h"

namespace fora::archive {

struct WarcRecord {
  std::string version = "WARC/1.1";
  std::vector<std::pair<std::string, std::string>> fields;  // in order; Content-Length included when parsed
  std::string block;

  // The first field named `name` (any case), or "" when absent.
  std::string field(std::string_view name) const;
  std::string type() const { return field("WARC-Type"); }
};

// The record's bytes; Content-Length is written from the block (a field of that name in
// `fields` is left out).
std::string serialize(const WarcRecord& record);

// Parses the record at the start of `bytes` (blank lines before it are skipped) and sets
// `*used` to the bytes it took, its trailing CRLF CRLF included (tolerating a missing or
// short trailer, as some writers leave). Errors: Corrupt, naming what is wrong. When
// `need_more` is given and `bytes` is a record cut short (its start is sound), it is set and
// the error says so: a streaming reader then reads on.
Result<WarcRecord> parse_warc_record(std::string_view bytes, std::size_t* used, bool* need_more = nullptr);

// The head of the record at the start of `bytes`: its version line and fields (`block`
// left empty), where its block starts (`block_at`, blank lines before the record counted)
// and how long the block is, as Content-Length says; what parse_warc_record reads first,
// so a streaming reader can pass over a block too large to hold. Errors and `need_more`
// as parse_warc_record (a head cut short).
struct WarcHead {
  WarcRecord record;
  std::size_t block_at = 0;
  std::uint64_t block_size = 0;
};
Result<WarcHead> parse_warc_head(std::string_view bytes, bool* need_more = nullptr);

// "<urn:uuid:…>", a random (version 4) UUID.
std::string new_record_id();

// --- the records a crawl writes ---

// The first record of every segment: who wrote it, and how.
WarcRecord warcinfo_record(std::string_view filename, std::int64_t date);

// The request as sent (`response.request`), concurrent to the response record `response_id`.
WarcRecord request_record(const Response& response, std::string_view response_id);

// The response as received: status line, header block, body with its transfer coding.
// `payload_digest` is a labelled digest ("sha256:…") of the de-chunked entity.
WarcRecord response_record(const Response& response, std::string_view record_id,
                           std::string_view payload_digest);

// A revisit (profile identical-payload-digest) of a response whose payload was stored
// already, under `refers_to_uri` at `refers_to_date`: the block holds only the HTTP headers.
WarcRecord revisit_record(const Response& response, std::string_view record_id,
                          std::string_view payload_digest, std::string_view refers_to_uri,
                          std::int64_t refers_to_date);

// The HTTP response inside a response or revisit record: status, headers, and the body
// de-chunked when its headers say it was sent chunked (a revisit's body is empty). url and
// fetched_at come from the record's fields. Errors: Corrupt (no HTTP message in the block).
Result<Response> response_of(const WarcRecord& record);

// "2022-12-16T17:05:00Z" (or with fractional seconds) -> Unix seconds; nullopt when unreadable.
std::optional<std::int64_t> parse_warc_date(std::string_view date);

}  // namespace fora::archive
