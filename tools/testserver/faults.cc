#include "faults.h"

#include <fmt/format.h>

#include <cstdint>
#include <fstream>
#include <iterator>

namespace fora::testserver {
namespace {

// The value of `key` in the query of `target`, as a number; `fallback` when absent.
int query_int(std::string_view target, std::string_view key, int fallback) {
  const std::size_t q = target.find('?');
  if (q == std::string_view::npos) return fallback;
  std::string_view query = target.substr(q + 1);
  while (!query.empty()) {
    const std::size_t amp = query.find('&');
    const std::string_view param = query.substr(0, amp);
    if (param.size() > key.size() && param.substr(0, key.size()) == key && param[key.size()] == '=')
      return std::atoi(std::string(param.substr(key.size() + 1)).c_str());
    if (amp == std::string_view::npos) break;
    query.remove_prefix(amp + 1);
  }
  return fallback;
}

const char* reason(int status) {
  switch (status) {
    case 200: return "OK";
    case 301: return "Moved Permanently";
    case 302: return "Found";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    default: return "Status";
  }
}

std::string head(int status, std::string_view content_type, std::size_t length,
                 std::string_view extra = {}) {
  std::string h = "HTTP/1.1 " + std::to_string(status) + " " + reason(status) + "\r\n";
  h += "Server: fora-testserver\r\n";
  if (!content_type.empty()) h += "Content-Type: " + std::string(content_type) + "\r\n";
  h += "Content-Length: " + std::to_string(length) + "\r\n";
  h += extra;
  return h + "Connection: close\r\n\r\n";
}

std::string page(std::string_view title, std::string_view body) {
  std::string p = "<!DOCTYPE html>\n<html><head><title>" + std::string(title) +
                  "</title></head><body><h1>" + std::string(title) + "</h1>\n";
  p += body;
  return p + "\n</body></html>\n";
}

FaultPlan whole(int status, std::string_view content_type, const std::string& body,
                std::string_view extra = {}) {
  FaultPlan plan;
  plan.status = status;
  plan.steps.push_back({0, head(status, content_type, body.size(), extra) + body});
  return plan;
}

FaultPlan redirect(int status, std::string_view location) {
  return whole(status, "text/html", page("moved", ""), "Location: " + std::string(location) + "\r\n");
}

// Filler text: what a page body is made of here.
std::string filler(std::size_t bytes) {
  static constexpr std::string_view kWords = "orbit launch capsule station crew docking engine ";
  std::string out;
  out.reserve(bytes);
  while (out.size() < bytes) out += kWords;
  out.resize(bytes);
  return out;
}

}  // namespace

std::optional<FaultPlan> Faults::plan(std::string_view target) {
  const std::string path(target.substr(0, target.find('?')));
  if (path == "/robots.txt" && !robots_.empty()) {
    if (robots_ == "500") return whole(500, "text/plain", "server error\n");
    if (robots_.rfind("500:", 0) == 0 && robots_asked_++ < std::stoi(robots_.substr(4)))
      return whole(500, "text/plain", "server error\n");
    if (robots_ == "disallow-all") return whole(200, "text/plain", "User-agent: *\nDisallow: /\n");
    if (robots_ == "huge") {
      std::string body = "User-agent: *\nAllow: /\n";
      while (body.size() < (2u << 20)) body += "# " + filler(78) + "\n";
      return whole(200, "text/plain", body);
    }
    if (robots_ == "vast") {
      // 50 MiB, above any body cap: its first lines disallow /private/; a line past the
      // first 500 KiB (what RFC 9309 asks a crawler to read at least) disallows
      // /public.html, and a crawler that reads only that much never sees it.
      const std::string comment = "# " + filler(78) + "\n";
      std::string body = "User-agent: *\nDisallow: /private/\n";
      body.reserve(50u << 20);
      while (body.size() < (600u << 10)) body += comment;
      body += "Disallow: /public.html\n";
      while (body.size() < (50u << 20)) body += comment;
      return whole(200, "text/plain", body);
    }
    if (robots_ == "redirect") return redirect(301, "/fault/robots-moved");
  }
  if (path == "/fault/robots-moved") return whole(200, "text/plain", "User-agent: *\nDisallow: /private/\n");
  if (path.rfind("/fault/", 0) != 0) return std::nullopt;
  const std::string name = path.substr(7);
  const std::string ok_page = page(name, "<p>" + filler(1500) + "</p><p><a href=\"/\">home</a></p>");
  const int count = ++seen_[path];

  if (name == "slow-first-byte") {
    FaultPlan p = whole(200, "text/html; charset=utf-8", ok_page);
    p.steps.front().pause_ms = query_int(target, "ms", 3000);
    return p;
  }
  if (name == "slow-body") {
    FaultPlan p;
    p.steps.push_back({0, head(200, "text/html", 100000) + "<html><body>"});
    p.repeat_last_ms = query_int(target, "ms", 1000);
    return p;
  }
  if (name == "reset" || name == "truncated") {
    FaultPlan p;
    p.steps.push_back({0, head(200, "text/html", 20000) + ok_page.substr(0, 2000)});
    p.end = name == "reset" ? FaultPlan::End::Reset : FaultPlan::End::Close;
    return p;
  }
  if (name == "chunked") {
    // The page in chunks of 700 bytes, written apart, as servers stream pages they render.
    FaultPlan p;
    p.steps.push_back({0, "HTTP/1.1 200 OK\r\nServer: fora-testserver\r\nContent-Type: text/html; charset=utf-8\r\n"
                          "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"});
    for (std::size_t at = 0; at < ok_page.size(); at += 700) {
      const std::string chunk = ok_page.substr(at, 700);
      p.steps.push_back({5, fmt::format("{:x}\r\n{}\r\n", chunk.size(), chunk)});
    }
    p.steps.push_back({0, "0\r\n\r\n"});
    return p;
  }
  if (name == "wrong-length") {
    FaultPlan p;
    p.steps.push_back({0, head(200, "text/html", 300) + ok_page});
    return p;
  }
  if (name == "flaky") return count == 1 ? whole(500, "text/html", page("500", "")) : whole(200, "text/html", ok_page);
  if (name == "busy" || name == "too-many") {
    if (count > 1) return whole(200, "text/html", ok_page);
    const int status = name == "busy" ? 503 : 429;
    return whole(status, "text/html", page(std::to_string(status), ""),
                 "Retry-After: " + std::to_string(query_int(target, "after", 1)) + "\r\n");
  }
  if (name == "loop") return redirect(302, "/fault/loop2");
  if (name == "loop2") return redirect(302, "/fault/loop");
  if (name.rfind("redir/", 0) == 0)  // /fault/redir/N -> /fault/redir/N+1, for ever
    return redirect(302, "/fault/redir/" + std::to_string(std::atoi(name.c_str() + 6) + 1));
  if (name == "elsewhere") return redirect(302, "http://other-host.invalid/page");
  if (name == "to-file") return redirect(302, "file:///etc/passwd");
  if (name == "to-ftp") return redirect(302, "ftp://127.0.0.1/x");
  if (name == "gzip-bomb") {
    std::ifstream in(root_ / "gzip-bomb.gz", std::ios::binary);
    std::string body((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return whole(200, "text/html", body, "Content-Encoding: gzip\r\n");
  }
  if (name == "big") {
    const std::size_t mb = static_cast<std::size_t>(query_int(target, "mb", 50));
    return whole(200, "text/html", page("big", "<p>" + filler(mb << 20) + "</p>"));
  }
  if (name == "binary") {
    std::string body(64 << 10, '\0');
    std::uint64_t x = 88172645463325252ULL;  // xorshift: the same bytes every time
    for (char& c : body) {
      x ^= x << 13;
      x ^= x >> 7;
      x ^= x << 17;
      c = static_cast<char>(x & 0xff);
    }
    return whole(200, "text/html", body);
  }
  if (name == "bad-utf8") {
    return whole(200, "text/html; charset=utf-8",
                 page("bad utf-8", "<p>caf\xc3 \xff\xfe lone \x80 continuation, overlong \xc0\xaf, cut \xe2\x82</p>"));
  }
  if (name == "cp1252") {
    return whole(200, "text/html",
                 page("cp1252", "<p>\x93Quoted\x94 caf\xe9 na\xefve \x96 dash \x80 euro</p>"));
  }
  if (name == "calendar") {
    int year = query_int(target, "year", 2024), month = query_int(target, "month", 5);
    auto link = [](int y, int m) {
      if (m > 12) { ++y; m = 1; }
      if (m < 1) { --y; m = 12; }
      return "<a href=\"/fault/calendar?year=" + std::to_string(y) + "&amp;month=" + std::to_string(m) + "\">" +
             std::to_string(y) + "-" + std::to_string(m) + "</a> ";
    };
    return whole(200, "text/html", page("calendar", link(year, month - 1) + link(year, month + 1)));
  }
  if (name.rfind("soft-404/", 0) == 0) {  // one page for every address, with relative links
    return whole(200, "text/html",
                 page("not found", "<a href=\"a/\">a</a> <a href=\"b/\">b</a> <a href=\"c/\">c</a>"));
  }
  return std::nullopt;
}

}  // namespace fora::testserver
