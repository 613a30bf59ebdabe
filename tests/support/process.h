// Subprocess: runs a program (posix_spawn, no shell) with its stdout and stderr captured, for
// tests that drive the real `fora` binary or fora-testserver. RAII: a child still running when
// the Subprocess dies is killed (SIGKILL) and reaped. run() is the one-call form.
// Test-only code: failures to start throw std::runtime_error, which GoogleTest reports.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace fora::test {

struct SpawnOptions {
  std::vector<std::string> argv;  // argv[0]: a path, or a name looked up in $PATH
  std::vector<std::pair<std::string, std::string>> env;  // set on top of the inherited environment
  std::filesystem::path cwd;                             // empty: the test's own working folder
};

struct RunResult {
  int exit_code = -1;      // the exit status, or 128 + signal number when killed by a signal
  std::string out;         // everything written to stdout
  std::string err;         // everything written to stderr
  bool timed_out = false;  // the child was killed because it outlived the timeout
  long peak_rss_kb = 0;    // the child's peak resident memory (getrusage's ru_maxrss), in KiB
};

class Subprocess {
 public:
  // Starts the program; stdin is /dev/null. Throws std::runtime_error when it cannot start
  // (the message names the program and the reason).
  explicit Subprocess(const SpawnOptions& options);
  ~Subprocess();
  Subprocess(const Subprocess&) = delete;
  Subprocess& operator=(const Subprocess&) = delete;

  pid_t pid() const { return pid_; }

  // The next line the child writes to stdout (without the '\n'), waiting up to `timeout`;
  // nullopt on timeout or when stdout closes first. The line also stays in wait()'s `out`.
  std::optional<std::string> read_stdout_line(std::chrono::milliseconds timeout);

  // Sends `signal` (e.g. SIGTERM) to the child, if it still runs.
  void send_signal(int signal);

  // Collects stdout/stderr until the child closes them, then reaps it. After `timeout` the
  // child is killed with SIGKILL and timed_out is set. Call once; later calls return the
  // same result.
  RunResult wait(std::chrono::milliseconds timeout = std::chrono::seconds(120));

 private:
  void drain(std::chrono::steady_clock::time_point deadline, bool until_line);

  pid_t pid_ = -1;
  int out_fd_ = -1;
  int err_fd_ = -1;
  std::string out_, err_;
  std::size_t line_cursor_ = 0;  // how much of out_ read_stdout_line() has handed out
  std::optional<RunResult> result_;
};

// Runs `options` to completion: (exit code, stdout, stderr) in one call.
RunResult run(const SpawnOptions& options,
              std::chrono::milliseconds timeout = std::chrono::seconds(120));

// Shorthand: run({argv, env}).
RunResult run(std::vector<std::string> argv,
              std::vector<std::pair<std::string, std::string>> env = {});

}  // namespace fora::test
