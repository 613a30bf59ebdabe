#include "support/test_server.h"

#include <signal.h>

#include <fstream>
#include <stdexcept>

namespace fora::test {

TestServer::TestServer(const std::filesystem::path& root, std::vector<std::string> extra)
    : log_(dir_.path() / "requests.log") {
  std::vector<std::string> argv{FORA_TESTSERVER_BIN, "--root", root.string(), "--port", "0", "--log", log_.string()};
  argv.insert(argv.end(), extra.begin(), extra.end());
  process_ = std::make_unique<Subprocess>(SpawnOptions{std::move(argv), {}, {}});
  const std::string prefix = "listening on 127.0.0.1:";
  auto line = process_->read_stdout_line(std::chrono::seconds(10));
  if (!line || line->rfind(prefix, 0) != 0) {
    auto r = stop();
    throw std::runtime_error("fora-testserver did not start (exit " + std::to_string(r.exit_code) +
                             "): " + r.err);
  }
  port_ = static_cast<unsigned short>(std::stoi(line->substr(prefix.size())));
}

TestServer::~TestServer() { stop(); }

std::string TestServer::base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }

std::string TestServer::url(std::string_view path) const { return base_url() + std::string(path); }

std::vector<std::string> TestServer::requests() const {
  std::vector<std::string> lines;
  std::ifstream in(log_);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

void TestServer::clear_requests() const { std::ofstream(log_, std::ios::trunc); }

RunResult TestServer::stop() {
  if (!stopped_) {
    process_->send_signal(SIGTERM);
    stopped_ = process_->wait(std::chrono::seconds(10));
  }
  return *stopped_;
}

std::string target_of(const std::string& line) {
  const auto a = line.find(' '), b = line.rfind(' ');
  return a == std::string::npos || b <= a ? line : line.substr(a + 1, b - a - 1);
}

}  // namespace fora::test
