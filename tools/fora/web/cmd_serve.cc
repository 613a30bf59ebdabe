// fora serve [--listen 127.0.0.1:8787] [--token FILE]: the archive as web pages (web/),
// read-only, while crawls, updates and index builds go on beside it: every request opens
// the catalog and the index's current generation afresh.
#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <charconv>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>

#include <fmt/format.h>

#include "commands.h"
#include "http_server.h"
#include "site.h"

namespace fora::cli {

struct ServeCommand {
  std::string listen = "127.0.0.1:8787";
  std::string token_file;
  std::string log_file;  // --log: a line per request, with the server's time
};

namespace {

// "127.0.0.1:8787", "[::1]:0", "0.0.0.0:80" -> address and port.
Result<std::pair<boost::asio::ip::address, unsigned short>> listen_address(const std::string& given) {
  const auto bad = [&] {
    return make_error(Errc::InvalidArgument, "--listen: not an address and port: " + given,
                      "e.g. --listen 127.0.0.1:8787 (port 0: any free port)");
  };
  const auto colon = given.rfind(':');
  if (colon == std::string::npos || colon == 0) return bad();
  std::string host = given.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  unsigned short port = 0;
  const std::string digits = given.substr(colon + 1);
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), port);
  if (digits.empty() || ec != std::errc() || end != digits.data() + digits.size()) return bad();
  boost::system::error_code parse_error;
  const auto address = boost::asio::ip::make_address(host, parse_error);
  if (parse_error) return bad();
  return std::make_pair(address, port);
}

Result<std::string> read_token(const std::string& path) {
  std::ifstream in(path);
  if (!in) return make_error(Errc::NotFound, "--token: cannot read " + path);
  std::stringstream text;
  text << in.rdbuf();
  std::string token = text.str();
  while (!token.empty() && (token.back() == '\n' || token.back() == '\r' || token.back() == ' ')) token.pop_back();
  if (token.size() < 16 || token.find_first_of(" \t\r\n;") != std::string::npos)
    return make_error(Errc::InvalidArgument, "--token: " + path + " holds no token of 16 characters or more on one line",
                      "e.g. head -c 24 /dev/urandom | base64 > " + path);
  return token;
}

}  // namespace

Status run_serve(const Context& ctx, const ServeCommand& cmd) {
  auto where = listen_address(cmd.listen);
  if (!where) return where.error();
  const auto& [address, port] = *where;
  std::optional<std::string> token;
  if (!cmd.token_file.empty()) {
    auto t = read_token(cmd.token_file);
    if (!t) return t.error();
    token = std::move(*t);
  }
  if (!address.is_loopback() && !token)
    return make_error(Errc::InvalidArgument,
                      "--listen " + cmd.listen + " is reachable from other machines: fora serve needs --token FILE there",
                      "listen on 127.0.0.1, or give a token file");
  // The archive must be there; each request opens it again for reading.
  if (auto archive = ctx.open_archive(archive::Archive::Mode::Read); !archive) return archive.error();

  std::ofstream log;
  if (!cmd.log_file.empty()) {
    log.open(cmd.log_file, std::ios::app);
    if (!log) return make_error(Errc::Io, "--log: cannot write " + cmd.log_file);
  }
  std::mutex log_lock;
  web::Logger logger;
  if (log.is_open())
    logger = [&](std::string_view method, std::string_view target, unsigned status, double ms) {
      const std::lock_guard<std::mutex> hold(log_lock);
      log << fmt::format("{} {} {} {:.2f}\n", method, clean(target), status, ms) << std::flush;
    };
  boost::asio::io_context io;
  const web::Site site(ctx, token);
  std::optional<web::HttpServer> server;
  try {
    server.emplace(io, address, port, [&site](const web::Request& r) { return site.answer(r); }, logger);
  } catch (const boost::system::system_error& e) {
    return make_error(Errc::Io, fmt::format("cannot listen on {}: {}", cmd.listen, e.what()));
  }
  server->start();
  const std::string host = address.is_v6() ? "[" + address.to_string() + "]" : address.to_string();
  ctx.out.write(fmt::format("listening on http://{}:{}/{}\n", host, server->port(),
                            token ? " (every request needs the token: open /?token=… once, or send Authorization: Bearer)"
                                  : ""));
  std::fflush(stdout);
  boost::asio::signal_set signals(io, SIGINT, SIGTERM);
  signals.async_wait([&](const boost::system::error_code&, int) {
    server->stop();
    io.stop();
  });
  // Pages read SQLite and Xapian, which block: several threads keep one slow page from
  // holding up the others.
  const unsigned threads = std::max(2u, std::thread::hardware_concurrency());
  std::vector<std::thread> pool;
  for (unsigned k = 1; k < threads; ++k) pool.emplace_back([&io] { io.run(); });
  io.run();
  for (auto& t : pool) t.join();
  return ok();
}

namespace {

Command::Run add_serve_options(CLI::App& s) {
  auto serve = std::make_shared<ServeCommand>();
  s.add_option("--listen", serve->listen, "Address and port to listen on (port 0: any free one)")->capture_default_str();
  s.add_option("--log", serve->log_file, "Append a line per request to FILE: method, address, status, milliseconds the server took");
  s.add_option("--token", serve->token_file,
               "A file holding the token every request must carry; needed to listen beyond the loopback address");
  return [serve](const Context& ctx) { return run_serve(ctx, *serve); };
}

}  // namespace

const Command serve_command{"serve", "Serve the archive as web pages to read and search, read-only (127.0.0.1:8787)",
                            add_serve_options};

}  // namespace fora::cli
