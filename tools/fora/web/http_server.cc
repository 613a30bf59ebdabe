#include "http_server.h"

#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <memory>
#include <optional>

namespace fora::web {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

constexpr std::size_t kHeaderLimit = 16 * 1024;
constexpr std::size_t kTargetLimit = 4 * 1024;
constexpr auto kIdle = std::chrono::seconds(30);

int hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::optional<std::string> decoded(std::string_view s, bool plus_is_space) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%') {
      if (i + 2 >= s.size()) return std::nullopt;
      const int hi = hex(s[i + 1]), lo = hex(s[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      out += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else {
      out += plus_is_space && s[i] == '+' ? ' ' : s[i];
    }
  }
  return out;
}

// Every answer carries these: nothing on a page may load or run what fora did not serve, and
// no page may be framed or sniffed as another type.
void secure(http::response<http::string_body>& res) {
  res.set("Content-Security-Policy",
          "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; "
          "frame-ancestors 'none'");
  res.set("X-Content-Type-Options", "nosniff");
  res.set("Referrer-Policy", "no-referrer");
  res.set(http::field::server, "fora");
}

Response plain(unsigned status, std::string text) {
  Response r;
  r.status = status;
  r.content_type = "text/plain; charset=utf-8";
  r.body = std::move(text) + "\n";
  return r;
}

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, const Handler& handler, const Logger& logger)
      : stream_(std::move(socket)), handler_(handler), logger_(logger) {}

  void read() {
    parser_.emplace();
    parser_->header_limit(kHeaderLimit);
    parser_->body_limit(0);
    stream_.expires_after(kIdle);
    http::async_read(stream_, buffer_, *parser_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
      self->respond(ec);
    });
  }

 private:
  void respond(beast::error_code ec) {
    const auto began = std::chrono::steady_clock::now();
    if (ec == http::error::end_of_stream || ec == beast::error::timeout || ec == asio::error::eof) return close();
    Response answer;
    bool keep_alive = false;
    unsigned version = 11;
    if (ec == http::error::body_limit) {
      answer = plain(413, "413 a request to fora serve has no body");
    } else if (ec == http::error::header_limit) {
      answer = plain(431, "431 request headers too large");
    } else if (ec) {
      return close();
    } else {
      const auto& req = parser_->get();
      version = req.version();
      keep_alive = req.keep_alive();
      const std::string_view target(req.target().data(), req.target().size());
      Request request;
      request.target = std::string(target.substr(0, kTargetLimit));
      if (req.method() != http::verb::get && req.method() != http::verb::head) {
        answer = plain(405, "405 fora serve answers GET and HEAD");
      } else if (target.size() > kTargetLimit) {
        answer = plain(414, "414 the address is too long");
      } else if (!parse_target(target, request)) {
        answer = plain(400, "400 a malformed address");
      } else {
        request.method = std::string(req.method_string());
        if (auto a = req.find(http::field::authorization); a != req.end()) request.authorization = std::string(a->value());
        if (auto c = req.find(http::field::cookie); c != req.end()) request.cookie = std::string(c->value());
        if (auto a = req.find(http::field::accept); a != req.end()) request.accept = std::string(a->value());
        try {
          answer = handler_(request);
        } catch (const std::exception& e) {
          answer = plain(500, std::string("500 ") + e.what());
        }
      }
    }
    if (logger_) {
      const auto& req = parser_->get();
      const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - began).count();
      logger_(std::string_view(req.method_string().data(), req.method_string().size()), std::string_view(req.target().data(), std::min(req.target().size(), kTargetLimit)),
              answer.status, ms);
    }
    auto res = std::make_shared<http::response<http::string_body>>(static_cast<http::status>(answer.status), version);
    secure(*res);
    res->set(http::field::content_type, answer.content_type);
    for (const auto& [name, value] : answer.headers) res->set(name, value);
    // HEAD: GET's headers, its Content-Length included, without the body.
    const bool head = parser_->get().method() == http::verb::head;
    const std::size_t length = answer.body.size();
    if (!head) res->body() = std::move(answer.body);
    res->keep_alive(keep_alive);
    res->prepare_payload();
    if (head) res->content_length(length);
    http::async_write(stream_, *res, [self = shared_from_this(), res, keep_alive](beast::error_code wec, std::size_t) {
      if (wec || !keep_alive) return self->close();
      self->read();
    });
  }

  void close() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::empty_body>> parser_;
  const Handler& handler_;
  const Logger& logger_;
};

}  // namespace

bool parse_target(std::string_view target, Request& request) {
  if (target.empty() || target.front() != '/') return false;
  const auto q = target.find('?');
  auto path = decoded(target.substr(0, q), false);
  if (!path || path->find('\0') != std::string::npos) return false;
  request.path = std::move(*path);
  if (q == std::string_view::npos) return true;
  std::string_view rest = target.substr(q + 1);
  const auto hash = rest.find('#');
  if (hash != std::string_view::npos) rest = rest.substr(0, hash);
  while (!rest.empty()) {
    const auto amp = rest.find('&');
    const std::string_view pair = rest.substr(0, amp);
    rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
    if (pair.empty()) continue;
    const auto eq = pair.find('=');
    auto name = decoded(pair.substr(0, eq), true);
    auto value = decoded(eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1), true);
    if (!name || !value) return false;
    request.query[*name] = std::move(*value);
  }
  return true;
}

HttpServer::HttpServer(asio::io_context& io, const asio::ip::address& address, unsigned short port, Handler handler,
                       Logger logger)
    : io_(io), handler_(std::move(handler)), logger_(std::move(logger)), acceptor_(asio::make_strand(io)) {
  const tcp::endpoint endpoint(address, port);
  acceptor_.open(endpoint.protocol());
  acceptor_.set_option(asio::socket_base::reuse_address(true));
  acceptor_.bind(endpoint);
  acceptor_.listen();
}

unsigned short HttpServer::port() const { return acceptor_.local_endpoint().port(); }

void HttpServer::start() { accept(); }

void HttpServer::stop() {
  beast::error_code ignored;
  acceptor_.close(ignored);
}

void HttpServer::accept() {
  acceptor_.async_accept(asio::make_strand(io_),
                         [this](beast::error_code ec, tcp::socket socket) {
                           if (ec) {
                             if (ec == asio::error::operation_aborted) return;
                           } else {
                             std::make_shared<Session>(std::move(socket), handler_, logger_)->read();
                           }
                           accept();
                         });
}

}  // namespace fora::web
