// The HTTP side of fora-testserver: accepts on 127.0.0.1, reads requests with Boost.Beast,
// answers GET and HEAD from the folder (file_mapping.h), keeps connections alive, and logs
// one line per request. Single-threaded: everything runs on the io_context given.
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include "faults.h"

namespace fora::testserver {

class Server {
 public:
  // Binds 127.0.0.1:`port` (0 = ephemeral) at once; throws boost::system::system_error when
  // it cannot. `log` receives "METHOD TARGET STATUS" for every request. With `faults`, the
  // targets it knows are answered by their fault plans (faults.h).
  Server(boost::asio::io_context& io, std::filesystem::path root, unsigned short port,
         std::function<void(const std::string&)> log, std::unique_ptr<Faults> faults = nullptr);

  unsigned short port() const;
  void start();  // begins accepting
  void stop();   // closes the acceptor; open connections end with the io_context

 private:
  void accept();

  std::filesystem::path root_;
  std::function<void(const std::string&)> log_;
  std::unique_ptr<Faults> faults_;
  boost::asio::ip::tcp::acceptor acceptor_;
};

}  // namespace fora::testserver
