#include "fora/archive/warc.h"

#include <fmt/format.h>

#include <boost/algorithm/string/predicate.hpp>
#include <charconv>
#include <ctime>
#include <random>

#include "fora/archive/http_date.h"
#include "fora/archive/http_message.h"

namespace fora::archive {
namespace {

constexpr std::string_view kCrlf = "\r\n";
constexpr std::size_t kMaxHeader = 1 << 20;  // a record's fields take no more than this

Error corrupt(std::string_view what) { return make_error(Errc::Corrupt, fmt::format("WARC record: {}", what)); }

// A field value goes on one line: a line break in crawled text (a URL, a header) would
// forge fields.
std::string one_line(std::string_view v) {
  std::string out(v);
  for (char& c : out)
    if (c == '\r' || c == '\n') c = ' ';
  return out;
}

// The HTTP header block as it goes into a record: always ends with its empty line.
std::string header_block(const Response& r) {
  std::string h = r.headers;
  if (h.empty()) h = fmt::format("HTTP/1.1 {} \r\n", r.status);
  if (header_block_end(h) == h.size()) return h;
  if (!h.ends_with("\r\n")) h += "\r\n";
  return h + "\r\n";
}

WarcRecord http_record(std::string_view type, const Response& r, std::string_view id,
                       std::string_view digest) {
  WarcRecord rec;
  rec.fields = {{"WARC-Type", std::string(type)},
                {"WARC-Record-ID", std::string(id)},
                {"WARC-Date", format_utc(r.fetched_at)},
                {"WARC-Target-URI", one_line(r.url)}};
  if (!digest.empty()) rec.fields.emplace_back("WARC-Payload-Digest", std::string(digest));
  return rec;
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

std::string WarcRecord::field(std::string_view name) const {
  for (const auto& [k, v] : fields)
    if (boost::algorithm::iequals(k, name)) return v;
  return {};
}

std::string serialize(const WarcRecord& r) {
  std::string out;
  out.reserve(r.block.size() + 512);
  out += r.version;
  out += kCrlf;
  for (const auto& [k, v] : r.fields) {
    if (boost::algorithm::iequals(k, "Content-Length")) continue;
    out += k;
    out += ": ";
    out += v;
    out += kCrlf;
  }
  out += fmt::format("Content-Length: {}\r\n\r\n", r.block.size());
  out += r.block;
  out += "\r\n\r\n";
  return out;
}

Result<WarcHead> parse_warc_head(std::string_view bytes, bool* need_more) {
  if (need_more) *need_more = false;
  const auto short_of = [&](std::string_view what) {
    if (need_more) *need_more = true;
    return corrupt(what);
  };
  std::size_t at = 0;
  while (at < bytes.size() && (bytes[at] == '\r' || bytes[at] == '\n')) ++at;
  const auto line_at = [&](std::size_t pos, std::size_t* next) -> std::optional<std::string_view> {
    const std::size_t eol = bytes.find('\n', pos);
    if (eol == std::string_view::npos) return std::nullopt;
    *next = eol + 1;
    std::string_view line = bytes.substr(pos, eol - pos);
    if (line.ends_with('\r')) line.remove_suffix(1);
    return line;
  };
  std::size_t next = 0;
  auto version = line_at(at, &next);
  if (!version) {
    if (bytes.size() - at < 4096 && std::string_view("WARC/1.").starts_with(bytes.substr(at, 7))) return short_of("no version line");
    return corrupt("no version line");
  }
  if (!version->starts_with("WARC/1.")) {
    return corrupt(fmt::format("starts with '{}', not WARC/1.x", version->substr(0, 16)));
  }
  WarcHead head;
  WarcRecord& rec = head.record;
  rec.version = std::string(*version);
  at = next;
  for (;;) {
    auto line = line_at(at, &next);
    if (!line) {
      if (bytes.size() - at > kMaxHeader) return corrupt("a header without an end");
      return short_of("the header ends before its empty line");
    }
    at = next;
    if (line->empty()) break;
    if ((line->front() == ' ' || line->front() == '\t') && !rec.fields.empty()) {
      std::string_view more = *line;  // a folded continuation line
      while (!more.empty() && (more.front() == ' ' || more.front() == '\t')) more.remove_prefix(1);
      rec.fields.back().second += ' ';
      rec.fields.back().second += std::string(more);
      continue;
    }
    const std::size_t colon = line->find(':');
    if (colon == std::string_view::npos || colon == 0) {
      return corrupt(fmt::format("header line '{}' has no name", line->substr(0, 40)));
    }
    std::string_view value = line->substr(colon + 1);
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
    while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
    rec.fields.emplace_back(std::string(line->substr(0, colon)), std::string(value));
  }
  const std::string length_text = rec.field("Content-Length");
  const auto [end, ec] = std::from_chars(length_text.data(), length_text.data() + length_text.size(), head.block_size);
  if (length_text.empty() || ec != std::errc() || end != length_text.data() + length_text.size()) {
    return corrupt(fmt::format("Content-Length '{}' is not a number", length_text.substr(0, 24)));
  }
  head.block_at = at;
  return head;
}

Result<WarcRecord> parse_warc_record(std::string_view bytes, std::size_t* used, bool* need_more) {
  auto head = parse_warc_head(bytes, need_more);
  if (!head) return head.error();
  std::size_t at = head->block_at;
  if (head->block_size > bytes.size() - at) {
    if (need_more) *need_more = true;
    return corrupt(fmt::format("a block of {} bytes, but only {} follow", head->block_size, bytes.size() - at));
  }
  WarcRecord rec = std::move(head->record);
  rec.block = std::string(bytes.substr(at, head->block_size));
  at += head->block_size;
  for (int i = 0; i < 4 && at < bytes.size() && (bytes[at] == '\r' || bytes[at] == '\n'); ++i) ++at;
  *used = at;
  return rec;
}

std::string new_record_id() {
  static thread_local std::mt19937_64 rng{std::random_device{}()};
  const std::uint64_t hi = (rng() & ~0xf000ull) | 0x4000ull;
  const std::uint64_t lo = (rng() & ~(3ull << 62)) | (2ull << 62);
  return fmt::format("<urn:uuid:{:08x}-{:04x}-{:04x}-{:04x}-{:012x}>", hi >> 32, (hi >> 16) & 0xffff,
                     hi & 0xffff, lo >> 48, lo & 0xffffffffffffull);
}

WarcRecord warcinfo_record(std::string_view filename, std::int64_t date) {
  WarcRecord rec;
  rec.fields = {{"WARC-Type", "warcinfo"},
                {"WARC-Record-ID", new_record_id()},
                {"WARC-Date", format_utc(date)},
                {"WARC-Filename", std::string(filename)},
                {"Content-Type", "application/warc-fields"}};
  rec.block =
      "software: fora 0.1\r\n"
      "format: WARC File Format 1.1\r\n"
      "conformsTo: https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/\r\n"
      "robots: obey\r\n";
  return rec;
}

WarcRecord request_record(const Response& r, std::string_view response_id) {
  WarcRecord rec = http_record("request", r, new_record_id(), "");
  rec.fields.emplace_back("WARC-Concurrent-To", std::string(response_id));
  rec.fields.emplace_back("Content-Type", "application/http;msgtype=request");
  rec.block = r.request;
  return rec;
}

WarcRecord response_record(const Response& r, std::string_view id, std::string_view digest) {
  WarcRecord rec = http_record("response", r, id, digest);
  rec.fields.emplace_back("Content-Type", "application/http;msgtype=response");
  if (r.truncated) rec.fields.emplace_back("WARC-Truncated", "length");
  const std::string& body = r.body_as_received.empty() ? r.body : r.body_as_received;
  rec.block = header_block(r);
  rec.block += body;
  return rec;
}

WarcRecord revisit_record(const Response& r, std::string_view id, std::string_view digest,
                          std::string_view refers_to_uri, std::int64_t refers_to_date) {
  WarcRecord rec = http_record("revisit", r, id, digest);
  rec.fields.emplace_back("WARC-Profile",
                          "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest");
  rec.fields.emplace_back("WARC-Refers-To-Target-URI", one_line(refers_to_uri));
  rec.fields.emplace_back("WARC-Refers-To-Date", format_utc(refers_to_date));
  rec.fields.emplace_back("WARC-Truncated", "length");
  rec.fields.emplace_back("Content-Type", "application/http;msgtype=response");
  rec.block = header_block(r);
  return rec;
}

std::optional<std::int64_t> parse_warc_date(std::string_view date) {
  std::tm tm{};
  const std::string text(date.substr(0, 19));
  const char* end = strptime(text.c_str(), "%Y-%m-%dT%H:%M:%S", &tm);
  if (end == nullptr || *end != '\0') return std::nullopt;
  return static_cast<std::int64_t>(timegm(&tm));
}

Result<Response> response_of(const WarcRecord& rec) {
  const std::string_view block = rec.block;
  const std::size_t head_end = header_block_end(block);
  if (!block.starts_with("HTTP/") || head_end == std::string_view::npos) {
    return corrupt(fmt::format("the {} record of {} holds no HTTP response", rec.type(),
                               rec.field("WARC-Target-URI")));
  }
  Response r;
  r.url = rec.field("WARC-Target-URI");
  if (r.url.size() > 2 && r.url.front() == '<' && r.url.back() == '>') r.url = r.url.substr(1, r.url.size() - 2);
  r.headers = std::string(block.substr(0, head_end));
  r.content_type = header_value(r.headers, "Content-Type");
  const std::size_t sp = r.headers.find(' ');
  if (sp != std::string::npos) std::from_chars(r.headers.data() + sp + 1, r.headers.data() + r.headers.size(), r.status);
  r.fetched_at = parse_warc_date(rec.field("WARC-Date")).value_or(0);
  r.sent_at = parse_http_date(header_value(r.headers, "Date"), r.fetched_at);
  const std::string_view wire = block.substr(head_end);
  if (is_chunked(r.headers)) {
    auto body = dechunk(wire);
    if (body) {
      r.body = std::move(*body);
      r.body_as_received = std::string(wire);
      return r;
    }
    // Some writers store the body de-chunked yet keep the header: take it as it is.
  }
  r.body = std::string(wire);
  return r;
}

}  // namespace fora::archive
