#include "support/process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <map>
#include <stdexcept>

extern char** environ;

namespace fora::test {
namespace {

// The inherited environment with `additions` set on top, as "KEY=VALUE" strings.
std::vector<std::string> make_environment(
    const std::vector<std::pair<std::string, std::string>>& additions) {
  std::map<std::string, std::string> vars;
  for (char** e = environ; *e != nullptr; ++e) {
    std::string entry = *e;
    const auto eq = entry.find('=');
    if (eq != std::string::npos) vars[entry.substr(0, eq)] = entry.substr(eq + 1);
  }
  for (const auto& [key, value] : additions) vars[key] = value;
  std::vector<std::string> out;
  for (const auto& [key, value] : vars) out.push_back(key + "=" + value);
  return out;
}

std::vector<char*> pointers(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (auto& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

// Spawn attributes and file actions, released whatever happens.
struct SpawnSetup {
  posix_spawn_file_actions_t actions;
  SpawnSetup() { posix_spawn_file_actions_init(&actions); }
  ~SpawnSetup() { posix_spawn_file_actions_destroy(&actions); }
};

int exit_code_of(int status) {
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}

}  // namespace

Subprocess::Subprocess(const SpawnOptions& options) {
  if (options.argv.empty()) throw std::runtime_error("Subprocess: empty argv");
  int out_pipe[2], err_pipe[2];
  if (pipe2(out_pipe, O_CLOEXEC) != 0) throw std::runtime_error("pipe2 failed");
  if (pipe2(err_pipe, O_CLOEXEC) != 0) {
    close(out_pipe[0]);
    close(out_pipe[1]);
    throw std::runtime_error("pipe2 failed");
  }
  SpawnSetup setup;
  posix_spawn_file_actions_addopen(&setup.actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&setup.actions, out_pipe[1], 1);
  posix_spawn_file_actions_adddup2(&setup.actions, err_pipe[1], 2);
  if (!options.cwd.empty())
    posix_spawn_file_actions_addchdir_np(&setup.actions, options.cwd.c_str());

  std::vector<std::string> args = options.argv;
  std::vector<std::string> env = make_environment(options.env);
  auto argp = pointers(args);
  auto envp = pointers(env);
  const int rc =
      posix_spawnp(&pid_, args[0].c_str(), &setup.actions, nullptr, argp.data(), envp.data());
  close(out_pipe[1]);
  close(err_pipe[1]);
  out_fd_ = out_pipe[0];
  err_fd_ = err_pipe[0];
  if (rc != 0) {
    close(out_fd_);
    close(err_fd_);
    pid_ = -1;
    throw std::runtime_error("cannot start " + options.argv[0] + ": " + std::strerror(rc));
  }
}

Subprocess::~Subprocess() {
  if (!result_ && pid_ > 0) {
    kill(pid_, SIGKILL);
    wait(std::chrono::seconds(10));
  }
  if (out_fd_ >= 0) close(out_fd_);
  if (err_fd_ >= 0) close(err_fd_);
}

// Reads whatever the pipes offer until both close, the deadline passes, or (until_line) a
// complete new line is in out_.
void Subprocess::drain(std::chrono::steady_clock::time_point deadline, bool until_line) {
  char buffer[65536];
  while (out_fd_ >= 0 || err_fd_ >= 0) {
    if (until_line && out_.find('\n', line_cursor_) != std::string::npos) return;
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return;
    pollfd fds[2] = {{out_fd_, POLLIN, 0}, {err_fd_, POLLIN, 0}};
    const int n = poll(fds, 2, static_cast<int>(left.count()));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || fds[i].revents == 0) continue;
      const ssize_t got = read(fds[i].fd, buffer, sizeof buffer);
      if (got > 0) {
        (i == 0 ? out_ : err_).append(buffer, static_cast<std::size_t>(got));
      } else if (got == 0 || errno != EINTR) {
        close(fds[i].fd);
        (i == 0 ? out_fd_ : err_fd_) = -1;
      }
    }
  }
}

std::optional<std::string> Subprocess::read_stdout_line(std::chrono::milliseconds timeout) {
  drain(std::chrono::steady_clock::now() + timeout, true);
  const auto eol = out_.find('\n', line_cursor_);
  if (eol == std::string::npos) return std::nullopt;
  std::string line = out_.substr(line_cursor_, eol - line_cursor_);
  line_cursor_ = eol + 1;
  return line;
}

void Subprocess::send_signal(int signal) {
  if (!result_ && pid_ > 0) kill(pid_, signal);
}

RunResult Subprocess::wait(std::chrono::milliseconds timeout) {
  if (result_) return *result_;
  RunResult r;
  drain(std::chrono::steady_clock::now() + timeout, false);
  if (out_fd_ >= 0 || err_fd_ >= 0) {  // still open at the deadline: the child overstayed
    r.timed_out = true;
    kill(pid_, SIGKILL);
    drain(std::chrono::steady_clock::now() + std::chrono::seconds(5), false);
  }
  int status = 0;
  struct rusage usage {};
  while (wait4(pid_, &status, 0, &usage) < 0 && errno == EINTR) {
  }
  r.exit_code = exit_code_of(status);
  r.peak_rss_kb = usage.ru_maxrss;
  r.out = out_;
  r.err = err_;
  result_ = r;
  return r;
}

RunResult run(const SpawnOptions& options, std::chrono::milliseconds timeout) {
  Subprocess p(options);
  return p.wait(timeout);
}

RunResult run(std::vector<std::string> argv, std::vector<std::pair<std::string, std::string>> env) {
  return run(SpawnOptions{std::move(argv), std::move(env), {}});
}

}  // namespace fora::test
