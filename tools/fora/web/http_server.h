// The HTTP side of `fora serve`: accepts connections, reads each request with Boost.Beast
// under fixed caps, hands it to the handler and writes what it answers. GET and HEAD only;
// a request with a body, headers over 16 KiB or a target over 4 KiB is refused with its
// status, and a client that sends nothing for 30 s is dropped. Handlers run on the threads
// that run the io_context, one request at a time per connection.
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace fora::web {

struct Request {
  std::string method;  // "GET" or "HEAD"
  std::string target;  // as sent: "/thread/9?hit=47"
  std::string path;    // percent-decoded, without the query
  std::map<std::string, std::string> query;  // decoded names and values; the last of a name wins
  std::string authorization;  // the Authorization header
  std::string cookie;         // the Cookie header
  std::string accept;         // the Accept header
};

struct Response {
  unsigned status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // besides the security headers
};

using Handler = std::function<Response(const Request&)>;
// Called after each answer: the request line's method and target as sent, the status, and
// the milliseconds from the request read to the answer made (the server's own time, queueing
// behind other requests left out).
using Logger = std::function<void(std::string_view method, std::string_view target, unsigned status, double ms)>;

// `/thread/9?hit=47&q=soyuz+leak` split and percent-decoded ('+' is a space in the query).
// False for a target that is not origin-form or whose escapes are malformed.
bool parse_target(std::string_view target, Request& request);

class HttpServer {
 public:
  // Binds `address`:`port` (0: any free port) at once; throws boost::system::system_error
  // when it cannot.
  HttpServer(boost::asio::io_context& io, const boost::asio::ip::address& address, unsigned short port,
             Handler handler, Logger logger = nullptr);
  unsigned short port() const;
  void start();
  void stop();

 private:
  void accept();
  boost::asio::io_context& io_;
  Handler handler_;
  Logger logger_;
  boost::asio::ip::tcp::acceptor acceptor_;
};

}  // namespace fora::web
