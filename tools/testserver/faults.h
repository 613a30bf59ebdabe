// The fault mode of fora-testserver (--faults): under /fault/ the server misbehaves the ways
// real servers do, so the crawler's answer to each can be tested. A fault is a plan: raw
// bytes to write, each after a pause, then how the connection ends (closed, reset, or kept
// for the next request). The answers are written by hand, not by Beast, because most of
// them are not valid HTTP.
//
//   /fault/slow-first-byte?ms=N   a page, after N ms of silence
//   /fault/slow-body?ms=N         headers, then one body byte every N ms (slow loris)
//   /fault/reset                  Content-Length 20000, 2000 bytes, then a TCP reset
//   /fault/truncated              Content-Length 20000, 2000 bytes, then the connection closes
//   /fault/chunked                a page in chunks (Transfer-Encoding: chunked), written apart
//   /fault/wrong-length           Content-Length 300 on a page of about 2000 bytes
//   /fault/flaky                  500 the first time, then the page
//   /fault/busy?after=N           503 with Retry-After: N the first time, then the page
//   /fault/too-many?after=N       429 with Retry-After: N the first time, then the page
//   /fault/loop                   302 to /fault/loop2, which redirects back
//   /fault/redir/N                302 to /fault/redir/N+1: a redirect chain without end
//   /fault/elsewhere              302 to http://other-host.invalid/page
//   /fault/to-file, /fault/to-ftp 302 to file:///etc/passwd, to ftp://127.0.0.1/x
//   /fault/gzip-bomb              ROOT/gzip-bomb.gz as text/html with Content-Encoding: gzip
//   /fault/big?mb=N               an HTML page of N MiB
//   /fault/binary                 64 KiB of random bytes as text/html
//   /fault/bad-utf8               charset=utf-8 with invalid UTF-8 in the text
//   /fault/cp1252                 windows-1252 bytes, no charset anywhere
//   /fault/calendar?year=Y&month=M  a month linking to the next and the previous: endless
//   /fault/soft-404/ANY           the same "not found" page with status 200 for every address
//                                 below, linking to a/, b/ and c/ relative to itself
// And /robots.txt, with --robots 500 | 500:N (500 for the first N requests, then the file) |
// disallow-all | huge (2 MiB, allowing all) | vast (50 MiB: /private/ disallowed in its
// first lines, /public.html only past its first 600 KiB) | redirect (301 to
// /fault/robots-moved, which disallows /private/).
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fora::testserver {

struct FaultPlan {
  struct Step {
    int pause_ms = 0;
    std::string bytes;
  };
  enum class End { KeepAlive, Close, Reset };
  int status = 200;  // for the log line
  std::vector<Step> steps;
  End end = End::Close;
  int repeat_last_ms = 0;  // > 0: after the steps, write one byte every this many ms until the client goes
};

class Faults {
 public:
  Faults(std::filesystem::path root, std::string robots_mode)
      : root_(std::move(root)), robots_(std::move(robots_mode)) {}

  // The plan for `target`, or nullopt when it is not a fault (the folder answers it).
  std::optional<FaultPlan> plan(std::string_view target);

 private:
  std::filesystem::path root_;
  std::string robots_;
  int robots_asked_ = 0;
  std::map<std::string, int> seen_;  // path -> requests so far (flaky, busy, too-many)
};

}  // namespace fora::testserver
