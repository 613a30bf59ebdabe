#include "warc_record.h"

#include <fmt/format.h>

#include <boost/algorithm/string/predicate.hpp>
#include <ctime>
#include <random>

namespace fora::archive {
namespace {

constexpr std::string_view kCrlf2 = "\r\n\r\n";

// WARC-Record-ID: a random (version 4) UUID URN.
std::string new_record_id() {
  static thread_local std::mt19937_64 rng{std::random_device{}()};
  const std::uint64_t hi = (rng() & ~0xf000ull) | 0x4000ull;
  const std::uint64_t lo = (rng() & ~(3ull << 62)) | (2ull << 62);
  return fmt::format("<urn:uuid:{:08x}-{:04x}-{:04x}-{:04x}-{:012x}>", hi >> 32, (hi >> 16) & 0xffff,
                     hi & 0xffff, lo >> 48, lo & 0xffffffffffffull);
}

// The HTTP header block as it goes into the record: always ends with an empty line.
std::string header_block(const Response& r) {
  std::string h = r.headers;
  if (h.empty()) h = fmt::format("HTTP/1.1 {} \r\n", r.status);
  const auto ends_with = [&h](std::string_view tail) {
    return h.size() >= tail.size() && h.compare(h.size() - tail.size(), tail.size(), tail) == 0;
  };
  if (!ends_with(kCrlf2)) h += ends_with("\r\n") ? "\r\n" : "\r\n\r\n";
  return h;
}

}  // namespace

std::string format_utc(std::int64_t unix_seconds) {
  const std::time_t tt = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string header_value(std::string_view block, std::string_view name) {
  std::size_t pos = 0;
  while (pos < block.size()) {
    std::size_t end = block.find('\n', pos);
    if (end == std::string_view::npos) end = block.size();
    const std::string_view line = block.substr(pos, end - pos);
    const std::size_t colon = line.find(':');
    if (colon != std::string_view::npos && boost::algorithm::iequals(line.substr(0, colon), name)) {
      std::string_view v = line.substr(colon + 1);
      while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
      while (!v.empty() && (v.back() == '\r' || v.back() == ' ' || v.back() == '\t')) v.remove_suffix(1);
      return std::string(v);
    }
    pos = end + 1;
  }
  return {};
}

std::string make_response_record(const Response& r, std::string_view payload_sha256) {
  const std::string http = header_block(r);
  const std::size_t length = http.size() + r.body.size();
  std::string out = fmt::format(
      "WARC/1.1\r\n"
      "WARC-Type: response\r\n"
      "WARC-Record-ID: {}\r\n"
      "WARC-Date: {}\r\n"
      "WARC-Target-URI: {}\r\n"
      "WARC-Payload-Digest: sha256:{}\r\n"
      "Content-Type: application/http;msgtype=response\r\n"
      "Content-Length: {}\r\n\r\n",
      new_record_id(), format_utc(r.fetched_at), r.url, payload_sha256, length);
  out.reserve(out.size() + length + 4);
  out += http;
  out += r.body;
  out += kCrlf2;
  return out;
}

Result<Response> parse_response_record(std::string_view rec) {
  const auto corrupt = [](std::string_view what) {
    return make_error(Errc::Corrupt, fmt::format("snapshot record: {}", what));
  };
  if (rec.substr(0, 9) != "WARC/1.1\r") return corrupt("not a WARC/1.1 record");
  const std::size_t warc_end = rec.find(kCrlf2);
  if (warc_end == std::string_view::npos) return corrupt("no end of WARC headers");
  const std::string_view warc = rec.substr(0, warc_end + 2);
  const std::string block_len = header_value(warc, "Content-Length");
  std::size_t length = 0;
  try {
    length = std::stoull(block_len);
  } catch (...) {
    return corrupt("bad Content-Length");
  }
  const std::string_view block = rec.substr(warc_end + 4);
  if (block.size() < length) return corrupt("record shorter than its Content-Length");
  const std::string_view http = block.substr(0, length);
  const std::size_t http_end = http.find(kCrlf2);
  if (http_end == std::string_view::npos) return corrupt("no end of HTTP headers");

  Response r;
  r.url = header_value(warc, "WARC-Target-URI");
  r.headers = std::string(http.substr(0, http_end + 4));
  r.body = std::string(http.substr(http_end + 4));
  r.content_type = header_value(r.headers, "Content-Type");
  const std::size_t sp = r.headers.find(' ');
  if (sp != std::string::npos) r.status = std::atoi(r.headers.c_str() + sp + 1);
  std::tm tm{};
  const std::string date(header_value(warc, "WARC-Date"));
  if (strptime(date.c_str(), "%Y-%m-%dT%H:%M:%SZ", &tm)) r.fetched_at = timegm(&tm);
  return r;
}

}  // namespace fora::archive
