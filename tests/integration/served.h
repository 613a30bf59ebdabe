// `fora serve` started by a test on an ephemeral loopback port, for the serve and browser
// tests.
#pragma once

#include <signal.h>

#include <cctype>
#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "fora_run.h"
#include "support/http_get.h"
#include "support/process.h"

namespace fora::test {

// `text` as a query value: every byte but A-Z a-z 0-9 - . _ ~ percent-encoded, as fora does.
inline std::string url_encoded(const std::string& text) {
  std::string out;
  for (unsigned char c : text)
    out += std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' ? std::string(1, static_cast<char>(c)) : fmt::format("%{:02X}", c);
  return out;
}

// `fora serve --listen 127.0.0.1:0` over `archive`, stopped (SIGTERM) when it goes.
class Served {
 public:
  explicit Served(const std::filesystem::path& archive, std::vector<std::string> extra = {}) {
    std::vector<std::string> argv{FORA_BIN, "--archive", archive.string(), "serve", "--listen", "127.0.0.1:0"};
    argv.insert(argv.end(), extra.begin(), extra.end());
    process_ = std::make_unique<Subprocess>(SpawnOptions{argv, {}, {}});
    const std::string prefix = "listening on http://127.0.0.1:";
    auto line = process_->read_stdout_line(std::chrono::seconds(10));
    if (!line || line->rfind(prefix, 0) != 0) throw std::runtime_error("fora serve did not start: " + stop().err);
    port_ = static_cast<unsigned short>(std::stoi(line->substr(prefix.size())));
  }
  ~Served() { stop(); }
  RunResult stop() {
    if (!stopped_) {
      process_->send_signal(SIGTERM);
      stopped_ = process_->wait(std::chrono::seconds(10));
    }
    return *stopped_;
  }
  HttpReply get(const std::string& target, const std::vector<std::string>& headers = {}) const {
    return http_get(port_, target, headers);
  }
  unsigned short port() const { return port_; }

 private:
  std::unique_ptr<Subprocess> process_;
  std::optional<RunResult> stopped_;
  unsigned short port_ = 0;
};

}  // namespace fora::test
