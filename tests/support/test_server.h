// TestServer: the real fora-testserver (FORA_TESTSERVER_BIN) serving a folder on 127.0.0.1
// with an ephemeral port, for tests. Starts in the constructor (throws std::runtime_error if
// it does not say "listening on ..." within 10 s), stops with SIGTERM in the destructor.
// Every request it answered is readable as a log line "METHOD TARGET STATUS".
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "support/process.h"
#include "support/temp_dir.h"

namespace fora::test {

class TestServer {
 public:
  // `extra` goes to fora-testserver's command line (--faults, --robots MODE).
  explicit TestServer(const std::filesystem::path& root, std::vector<std::string> extra = {});
  ~TestServer();
  TestServer(const TestServer&) = delete;
  TestServer& operator=(const TestServer&) = delete;

  unsigned short port() const { return port_; }
  std::string base_url() const;                  // "http://127.0.0.1:PORT" (no trailing slash)
  std::string url(std::string_view path) const;  // base_url() + path, path starting with '/'

  // The log lines so far, oldest first, e.g. "GET /robots.txt 404". A request is logged
  // before its response is sent, so every response a client has seen is already here.
  std::vector<std::string> requests() const;
  void clear_requests() const;  // empties the log (the server appends)

  // Stops the server (SIGTERM) and returns its exit code and output; idempotent.
  RunResult stop();

 private:
  TempDir dir_;  // holds the log file
  std::filesystem::path log_;
  std::unique_ptr<Subprocess> process_;
  unsigned short port_ = 0;
  std::optional<RunResult> stopped_;
};

// The path a request log line asks for: "GET /a/b/?x=1 200" is "/a/b/?x=1".
std::string target_of(const std::string& line);

}  // namespace fora::test
