#include "server.h"

#include <boost/asio/ip/address_v4.hpp>
#include <boost/beast/core.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <ctime>
#include <fstream>
#include <iterator>
#include <memory>

#include "file_mapping.h"

namespace fora::testserver {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

struct Reply {
  http::status status = http::status::ok;
  std::string content_type;
  std::string body;
  std::string location;  // for redirects
  std::string etag, last_modified;  // validators of a file (conditional GET)
};

// A file's validators: an ETag of its size and modification time, and that time as an
// HTTP date.
std::pair<std::string, std::string> validators(const std::filesystem::path& file) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(file, ec);
  const auto mtime = std::filesystem::last_write_time(file, ec);
  const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(
      std::chrono::file_clock::to_sys(mtime).time_since_epoch()).count();
  const std::time_t t = static_cast<std::time_t>(seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char date[64];
  std::strftime(date, sizeof date, "%a, %d %b %Y %H:%M:%S GMT", &tm);
  return {"\"" + std::to_string(size) + "-" + std::to_string(seconds) + "\"", date};
}

Reply html_error(http::status status, const char* title) {
  std::string body = "<!DOCTYPE html>\n<html><head><title>" + std::string(title) +
                     "</title></head><body><h1>" + title + "</h1></body></html>\n";
  return Reply{status, "text/html; charset=UTF-8", std::move(body), {}, {}, {}};
}

Reply answer(const std::filesystem::path& root, const http::request<http::string_body>& req) {
  if (req.method() != http::verb::get && req.method() != http::verb::head) {
    return html_error(http::status::method_not_allowed, "405 Method Not Allowed");
  }
  const Mapping m = map_target(root, std::string_view(req.target().data(), req.target().size()));
  switch (m.kind) {
    case Mapping::Kind::BadRequest:
      return html_error(http::status::bad_request, "400 Bad Request");
    case Mapping::Kind::NotFound:
      return html_error(http::status::not_found, "404 Not Found");
    case Mapping::Kind::Redirect: {
      Reply r = html_error(http::status::moved_permanently, "301 Moved Permanently");
      r.location = m.location;
      return r;
    }
    case Mapping::Kind::File:
      break;
  }
  auto [etag, last_modified] = validators(m.file);
  const auto none_match = req.find(http::field::if_none_match);
  const auto since = req.find(http::field::if_modified_since);
  if ((none_match != req.end() && none_match->value() == etag) ||
      (none_match == req.end() && since != req.end() && since->value() == last_modified)) {
    return Reply{http::status::not_modified, {}, {}, {}, etag, last_modified};
  }
  std::ifstream in(m.file, std::ios::binary);
  if (!in) return html_error(http::status::forbidden, "403 Forbidden");
  std::string body((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return Reply{http::status::ok, content_type_for(m.file), std::move(body), {}, etag, last_modified};
}

// One connection: read a request, write the reply, repeat while keep-alive holds.
class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, const std::filesystem::path& root,
          const std::function<void(const std::string&)>& log, Faults* faults)
      : socket_(std::move(socket)), root_(root), log_(log), faults_(faults), timer_(socket_.get_executor()) {}

  void read() {
    request_ = {};
    http::async_read(socket_, buffer_, request_,
                     [self = shared_from_this()](beast::error_code ec, std::size_t) {
                       if (!ec) self->respond();
                     });
  }

 private:
  void respond() {
    if (faults_ != nullptr) {
      const std::string_view target(request_.target().data(), request_.target().size());
      if (auto plan = faults_->plan(target)) {
        log_(std::string(request_.method_string()) + " " + std::string(target) + " " + std::to_string(plan->status));
        plan_ = std::move(*plan);
        return play(0);
      }
    }
    Reply reply = answer(root_, request_);
    log_(std::string(request_.method_string()) + " " + std::string(request_.target()) + " " +
         std::to_string(static_cast<unsigned>(reply.status)));
    auto res =
        std::make_shared<http::response<http::string_body>>(reply.status, request_.version());
    res->set(http::field::server, "fora-testserver");
    if (!reply.content_type.empty()) res->set(http::field::content_type, reply.content_type);
    if (!reply.location.empty()) res->set(http::field::location, reply.location);
    if (!reply.etag.empty()) res->set(http::field::etag, reply.etag);
    if (!reply.last_modified.empty()) res->set(http::field::last_modified, reply.last_modified);
    res->keep_alive(request_.keep_alive());
    const std::size_t length = reply.body.size();
    if (request_.method() != http::verb::head) res->body() = std::move(reply.body);
    // HEAD: the length the GET would have, and no body; a 304 has neither.
    if (reply.status != http::status::not_modified) res->content_length(length);
    auto sr = std::make_shared<http::response_serializer<http::string_body>>(*res);
    http::async_write(socket_, *sr,
                      [self = shared_from_this(), res, sr](beast::error_code ec, std::size_t) {
                        if (ec) return;
                        if (res->keep_alive()) {
                          self->read();
                        } else {
                          beast::error_code ignored;
                          self->socket_.shutdown(tcp::socket::shutdown_send, ignored);
                        }
                      });
  }

  // Writes step `i` of the fault plan after its pause, then the next; then the slow-loris
  // bytes, if any; then ends the connection as the plan says.
  void play(std::size_t i) {
    if (i == plan_.steps.size()) return plan_.repeat_last_ms > 0 ? drip() : end();
    timer_.expires_after(std::chrono::milliseconds(plan_.steps[i].pause_ms));
    timer_.async_wait([self = shared_from_this(), i](beast::error_code ec) {
      if (ec) return;
      asio::async_write(self->socket_, asio::buffer(self->plan_.steps[i].bytes),
                        [self, i](beast::error_code written, std::size_t) {
                          if (!written) self->play(i + 1);
                        });
    });
  }

  void drip() {
    timer_.expires_after(std::chrono::milliseconds(plan_.repeat_last_ms));
    timer_.async_wait([self = shared_from_this()](beast::error_code ec) {
      if (ec) return;
      asio::async_write(self->socket_, asio::buffer("a", 1), [self](beast::error_code written, std::size_t) {
        if (!written) self->drip();  // until the client gives up
      });
    });
  }

  void end() {
    beast::error_code ignored;
    switch (plan_.end) {
      case FaultPlan::End::KeepAlive:
        return read();
      case FaultPlan::End::Reset:
        socket_.set_option(asio::socket_base::linger(true, 0), ignored);  // close sends RST
        socket_.close(ignored);
        return;
      case FaultPlan::End::Close:
        socket_.shutdown(tcp::socket::shutdown_both, ignored);
        socket_.close(ignored);
        return;
    }
  }

  tcp::socket socket_;
  const std::filesystem::path& root_;
  const std::function<void(const std::string&)>& log_;
  Faults* faults_;
  FaultPlan plan_;
  asio::steady_timer timer_;
  beast::flat_buffer buffer_;
  http::request<http::string_body> request_;
};

}  // namespace

Server::Server(asio::io_context& io, std::filesystem::path root, unsigned short port,
               std::function<void(const std::string&)> log, std::unique_ptr<Faults> faults)
    : root_(std::move(root)),
      log_(std::move(log)),
      faults_(std::move(faults)),
      // Loopback only: a test server must never be reachable from another machine.
      acceptor_(io, tcp::endpoint(asio::ip::address_v4::loopback(), port)) {}

unsigned short Server::port() const { return acceptor_.local_endpoint().port(); }

void Server::start() { accept(); }

void Server::stop() {
  beast::error_code ignored;
  acceptor_.close(ignored);
}

void Server::accept() {
  acceptor_.async_accept([this](beast::error_code ec, tcp::socket socket) {
    if (ec == asio::error::operation_aborted) return;
    if (!ec) std::make_shared<Session>(std::move(socket), root_, log_, faults_.get())->read();
    accept();
  });
}

}  // namespace fora::testserver
