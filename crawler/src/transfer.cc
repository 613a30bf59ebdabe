#include "transfer.h"

#include <chrono>

#include "fora/archive/http_date.h"
#include "fora/archive/http_message.h"
#include "fora/url/url.h"

namespace fora::crawler::detail {
namespace {

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const std::size_t len = size * count;
  if (t->keep_first > 0 && t->body.size() + len > t->keep_first) {
    t->body.append(data, t->keep_first - t->body.size());
    t->cut = true;
    return 0;  // enough: curl stops the transfer (CURLE_WRITE_ERROR), finish_transfer keeps it
  }
  if (t->body.size() + len > t->max_body_bytes) {
    t->too_large = true;
    return 0;  // anything short of len makes curl abort with CURLE_WRITE_ERROR
  }
  t->body.append(data, len);
  return len;
}

std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const std::size_t len = size * count;
  // A status line starts a new response (after a "100 Continue" or a proxy's CONNECT reply);
  // only the final response's block is kept.
  if (len >= 5 && std::string_view(data, 5) == "HTTP/") t->headers.clear();
  t->headers.append(data, len);
  return len;
}

// Only the request as sent is kept (the WARC request record); curl's other chatter is not.
// A block that starts with a request line starts the request anew (curl sends it again on
// a fresh connection when a reused one was dead); any other continues it.
int on_debug(CURL*, curl_infotype type, char* data, std::size_t size, void* user) {
  if (type == CURLINFO_HEADER_OUT) {
    auto* t = static_cast<Transfer*>(user);
    const std::string_view block(data, size);
    const std::string_view first_line = block.substr(0, block.find('\n'));
    if (first_line.find(" HTTP/") != std::string_view::npos) t->request.clear();
    t->request.append(block);
  }
  return 0;
}

template <typename T>
bool set(CURL* e, CURLoption option, T value) {
  return curl_easy_setopt(e, option, value) == CURLE_OK;
}

bool configure(Transfer& t, const FetcherOptions& o, std::size_t keep_first) {
  CURL* e = t.easy.get();
  return set(e, CURLOPT_URL, t.url.c_str()) && set(e, CURLOPT_PRIVATE, static_cast<void*>(&t)) &&
         set(e, CURLOPT_WRITEFUNCTION, &on_body) &&
         set(e, CURLOPT_WRITEDATA, static_cast<void*>(&t)) &&
         set(e, CURLOPT_HEADERFUNCTION, &on_header) &&
         set(e, CURLOPT_HEADERDATA, static_cast<void*>(&t)) &&
         set(e, CURLOPT_ERRORBUFFER, t.error_buffer) && set(e, CURLOPT_NOSIGNAL, 1L) &&
         // The request as sent reaches on_debug, which curl calls only when verbose.
         set(e, CURLOPT_DEBUGFUNCTION, &on_debug) && set(e, CURLOPT_DEBUGDATA, static_cast<void*>(&t)) &&
         set(e, CURLOPT_VERBOSE, 1L) &&
         // The archive keeps the body as received, chunks and all; finish_transfer de-chunks.
         set(e, CURLOPT_HTTP_TRANSFER_DECODING, 0L) &&
         // The crawler scopes every Location itself before following it.
         set(e, CURLOPT_FOLLOWLOCATION, 0L) &&
         // Captures are archived as HTTP/1.1 messages (DESIGN.md, WARC facts).
         set(e, CURLOPT_HTTP_VERSION, static_cast<long>(CURL_HTTP_VERSION_1_1)) &&
         set(e, CURLOPT_PROTOCOLS_STR, "http,https") &&
         // Redirects are not followed (the crawler scopes them), and were they ever, never
         // to file:, ftp: or anything but the web.
         set(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https") &&
         // A server that trickles (a slow loris) is given up on: under 64 bytes a second for
         // low_speed_seconds, besides the total timeout.
         set(e, CURLOPT_LOW_SPEED_LIMIT, 64L) &&
         set(e, CURLOPT_LOW_SPEED_TIME, o.low_speed_seconds) &&
         set(e, CURLOPT_USERAGENT, o.user_agent.c_str()) &&
         set(e, CURLOPT_TIMEOUT, o.timeout_seconds) &&
         set(e, CURLOPT_CONNECTTIMEOUT, o.connect_timeout_seconds) &&
         // Refuses early when Content-Length already says too much; on_body catches the rest.
         // A body read only in part may be of any size.
         set(e, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(keep_first > 0 ? 0 : o.max_body_bytes));
}

}  // namespace

Result<std::unique_ptr<Transfer>> make_transfer(std::string url, const FetcherOptions& options,
                                                const std::vector<std::string>& headers,
                                                std::size_t keep_first) {
  if (!normalize_url(url)) {
    return make_error(Errc::InvalidArgument,
                      "cannot fetch '" + url + "': not an absolute http/https URL");
  }
  ensure_curl_global_init();
  auto t = std::make_unique<Transfer>();
  t->easy.reset(curl_easy_init());
  t->url = std::move(url);
  t->max_body_bytes = options.max_body_bytes;
  t->keep_first = std::min(keep_first, options.max_body_bytes);
  if (!t->easy || !configure(*t, options, t->keep_first)) {
    return make_error(Errc::Internal, "libcurl refused to set up a request for " + t->url);
  }
  for (const std::string& h : headers) {
    // Header values come from earlier responses (an ETag): a line break would smuggle a
    // header of the server's choosing into the request.
    if (h.find_first_of("\r\n") != std::string::npos) continue;
    curl_slist* grown = curl_slist_append(t->request_headers.get(), h.c_str());
    if (grown == nullptr) return make_error(Errc::Internal, "out of memory for request headers");
    t->request_headers.release();
    t->request_headers.reset(grown);
  }
  if (t->request_headers && curl_easy_setopt(t->easy.get(), CURLOPT_HTTPHEADER, t->request_headers.get()) != CURLE_OK)
    return make_error(Errc::Internal, "libcurl refused the request headers for " + t->url);
  return t;
}

Result<archive::Response> finish_transfer(Transfer& t, CURLcode code) {
  if (t.too_large || code == CURLE_FILESIZE_EXCEEDED) {
    return make_error(
        Errc::Network,
        t.url + ": response body larger than " + std::to_string(t.max_body_bytes) + " bytes",
        "raise the body size limit if this page is wanted");
  }
  if (t.cut && code == CURLE_WRITE_ERROR) code = CURLE_OK;  // cut on purpose: what came is the answer
  if (code != CURLE_OK) {
    const char* why = t.error_buffer[0] != '\0' ? t.error_buffer : curl_easy_strerror(code);
    Error e = make_error(Errc::Network, t.url + ": " + why);
    // What a retry may cure: the network or the server misbehaved this once. A host that
    // does not resolve, a refused protocol or a malformed answer are not retried.
    e.transient = code == CURLE_OPERATION_TIMEDOUT || code == CURLE_COULDNT_CONNECT ||
                  code == CURLE_RECV_ERROR || code == CURLE_SEND_ERROR ||
                  code == CURLE_PARTIAL_FILE || code == CURLE_GOT_NOTHING;
    return e;
  }
  archive::Response r;
  r.url = t.url;
  long status = 0;
  curl_easy_getinfo(t.easy.get(), CURLINFO_RESPONSE_CODE, &status);
  r.status = static_cast<int>(status);
  char* content_type = nullptr;
  if (curl_easy_getinfo(t.easy.get(), CURLINFO_CONTENT_TYPE, &content_type) == CURLE_OK &&
      content_type) {
    r.content_type = content_type;
  }
  r.headers = std::move(t.headers);
  r.request = std::move(t.request);
  r.truncated = t.cut;
  if (archive::is_chunked(r.headers)) {
    // curl checked the chunks as they came; a body it accepted de-chunks.
    auto entity = archive::dechunk(t.body, t.cut);
    if (!entity) return make_error(Errc::Network, t.url + ": " + entity.error().message);
    r.body = std::move(*entity);
    r.body_as_received = std::move(t.body);
  } else {
    r.body = std::move(t.body);
  }
  r.fetched_at = std::chrono::duration_cast<std::chrono::seconds>(
                     std::chrono::system_clock::now().time_since_epoch())
                     .count();
  r.sent_at = archive::parse_http_date(archive::header_value(r.headers, "Date"), r.fetched_at);
  return r;
}

}  // namespace fora::crawler::detail
