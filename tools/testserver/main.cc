// fora-testserver --root DIR [--port 0] [--log FILE] [--faults] [--robots MODE]
// Serves DIR over HTTP/1.1 on 127.0.0.1 (never another address) for tests and the demo, with
// ETag and Last-Modified, answering a conditional GET of an unchanged file with 304.
// --faults answers /fault/... with the misbehaviours of faults.h; --robots MODE (500,
// 500:N, disallow-all, huge, vast, redirect) replaces /robots.txt with one of them.
// First stdout line: "listening on 127.0.0.1:PORT". One log line per request:
// "METHOD TARGET STATUS", to FILE (flushed per line) or stderr. Exits 0 on SIGINT/SIGTERM,
// 2 on bad usage.
#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>

#include "server.h"

namespace {

struct Options {
  std::filesystem::path root;
  unsigned short port = 0;
  std::optional<std::filesystem::path> log;
  bool faults = false;
  std::string robots;
};

constexpr const char* kUsage =
    "usage: fora-testserver --root DIR [--port N] [--log FILE] [--faults] [--robots 500|500:N|disallow-all|huge|vast|redirect]\n";

int usage_error(const std::string& message) {
  std::cerr << "fora-testserver: " << message << "\n" << kUsage;
  return 2;
}

// Returns the options, or the exit code of a usage error.
std::optional<Options> parse(int argc, char** argv, int& exit_code) {
  Options o;
  bool have_root = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--help" || arg == "-h") {
      std::cout << kUsage;
      exit_code = 0;
      return std::nullopt;
    }
    if (arg == "--faults") {
      o.faults = true;
      continue;
    }
    if (i + 1 >= argc || (arg != "--root" && arg != "--port" && arg != "--log" && arg != "--robots")) {
      exit_code = usage_error("unknown or incomplete option '" + arg + "'");
      return std::nullopt;
    }
    const std::string value = argv[++i];
    if (arg == "--root") {
      o.root = value;
      have_root = true;
    } else if (arg == "--robots") {
      const bool first_n = value.size() > 4 && value.rfind("500:", 0) == 0 &&
                           value.find_first_not_of("0123456789", 4) == std::string::npos;
      if (value != "500" && !first_n && value != "disallow-all" && value != "huge" && value != "vast" &&
          value != "redirect") {
        exit_code = usage_error("--robots wants 500, 500:N, disallow-all, huge, vast or redirect, not '" + value + "'");
        return std::nullopt;
      }
      o.robots = value;
    } else if (arg == "--log") {
      o.log = value;
    } else {
      char* end = nullptr;
      const unsigned long port = std::strtoul(value.c_str(), &end, 10);
      if (value.empty() || *end != '\0' || port > 65535) {
        exit_code = usage_error("--port wants a number from 0 to 65535, not '" + value + "'");
        return std::nullopt;
      }
      o.port = static_cast<unsigned short>(port);
    }
  }
  if (!have_root) {
    exit_code = usage_error("--root DIR is required (the folder to serve)");
    return std::nullopt;
  }
  if (!std::filesystem::is_directory(o.root)) {
    exit_code = usage_error("--root '" + o.root.string() + "' is not a folder");
    return std::nullopt;
  }
  return o;
}

}  // namespace

int main(int argc, char** argv) {
  int exit_code = 0;
  auto options = parse(argc, argv, exit_code);
  if (!options) return exit_code;

  std::ofstream log_file;
  if (options->log) {
    // Append, so that a test may truncate the file between steps.
    log_file.open(*options->log, std::ios::app);
    if (!log_file) return usage_error("cannot write the log file '" + options->log->string() + "'");
  }
  std::ostream& log = options->log ? static_cast<std::ostream&>(log_file) : std::cerr;

  boost::asio::io_context io;
  try {
    std::unique_ptr<fora::testserver::Faults> faults;
    if (options->faults || !options->robots.empty())
      faults = std::make_unique<fora::testserver::Faults>(options->root, options->robots);
    fora::testserver::Server server(io, options->root, options->port,
                                    [&log](const std::string& line) { log << line << std::endl; },
                                    std::move(faults));
    boost::asio::signal_set signals(io, SIGINT, SIGTERM);
    signals.async_wait([&](const boost::system::error_code&, int) { io.stop(); });
    server.start();
    std::cout << "listening on 127.0.0.1:" << server.port() << std::endl;
    io.run();
  } catch (const std::exception& e) {
    std::cerr << "fora-testserver: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
