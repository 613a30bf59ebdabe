// Fetcher: libcurl's multi_socket interface on a Boost.Asio event loop.
//
// curl tells us, through on_socket(), which of its sockets it wants watched for what; we
// watch them with stream_descriptor::async_wait and report readiness back with
// curl_multi_socket_action(). Through on_timer() curl asks for one timeout; when it expires we
// call curl_multi_socket_action(CURL_SOCKET_TIMEOUT). The places where curl's asiohiper.cpp
// example goes wrong, and what we do instead:
//  - A wait is armed only while curl wants that direction and none is pending, and re-armed
//    after each event while curl still wants it (Asio waits are one-shot).
//  - CURL_POLL_REMOVE: release() the descriptor (deregisters it from epoll, cancels its
//    waits) and never close it: the fd is curl's, and curl closes it right after.
//  - A timeout of -1 cancels the timer.
//  - on_socket()/on_timer() run inside curl; they only change our bookkeeping and arm waits.
//    Every call into curl happens from an Asio handler (or fetch()/cancel_all()).
//  - Handlers may outlive a socket (released, maybe reused by a new fd with the same number)
//    or the Fetcher: they hold the SocketWatch by shared_ptr and check `active`, and hold the
//    Impl by weak_ptr.
#include "fora/crawler/fetcher.h"

#include <curl/curl.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <unordered_map>

#include "curl_handles.h"
#include "transfer.h"

namespace fora::crawler {

namespace asio = boost::asio;
using detail::Transfer;

namespace {

struct SocketWatch {
  SocketWatch(asio::io_context& io, curl_socket_t fd) : descriptor(io, fd) {}
  asio::posix::stream_descriptor descriptor;
  int wanted = 0;        // CURL_POLL_IN / OUT / INOUT
  bool reading = false;  // a read wait is pending
  bool writing = false;  // a write wait is pending
  bool active = true;    // false once curl removed the socket
};

}  // namespace

struct Fetcher::Impl : std::enable_shared_from_this<Impl> {
  Impl(asio::io_context& context, FetcherOptions o)
      : io(context), options(std::move(o)), timer(context) {}

  bool start();  // creates and wires the multi handle
  void shutdown();
  void add(std::unique_ptr<Transfer> transfer);
  void cancel_all();

  static int on_socket(CURL*, curl_socket_t fd, int what, void* self, void*);
  static int on_timer(CURLM*, long timeout_ms, void* self);
  void arm(const std::shared_ptr<SocketWatch>& watch, curl_socket_t fd);
  void on_ready(const std::shared_ptr<SocketWatch>& watch, curl_socket_t fd, int direction,
                const boost::system::error_code& ec);
  void forget_socket(curl_socket_t fd);
  void socket_action(curl_socket_t fd, int mask);
  void collect_finished();
  void complete(std::unique_ptr<Transfer> transfer, Result<archive::Response> result);

  asio::io_context& io;
  FetcherOptions options;
  asio::steady_timer timer;
  std::unordered_map<curl_socket_t, std::shared_ptr<SocketWatch>> sockets;
  std::unordered_map<CURL*, std::unique_ptr<Transfer>> transfers;
  detail::CurlMulti multi;  // declared last: its cleanup may still call on_socket()
};

bool Fetcher::Impl::start() {
  detail::ensure_curl_global_init();
  multi.reset(curl_multi_init());
  if (!multi) return false;
  CURLM* m = multi.get();
  return curl_multi_setopt(m, CURLMOPT_SOCKETFUNCTION, &Impl::on_socket) == CURLM_OK &&
         curl_multi_setopt(m, CURLMOPT_SOCKETDATA, static_cast<void*>(this)) == CURLM_OK &&
         curl_multi_setopt(m, CURLMOPT_TIMERFUNCTION, &Impl::on_timer) == CURLM_OK &&
         curl_multi_setopt(m, CURLMOPT_TIMERDATA, static_cast<void*>(this)) == CURLM_OK;
}

int Fetcher::Impl::on_socket(CURL*, curl_socket_t fd, int what, void* user, void*) {
  auto* self = static_cast<Impl*>(user);
  if (what == CURL_POLL_REMOVE) {
    self->forget_socket(fd);
    return 0;
  }
  auto& watch = self->sockets[fd];
  if (!watch) {
    try {
      watch = std::make_shared<SocketWatch>(self->io, fd);
    } catch (const boost::system::system_error&) {
      self->sockets.erase(fd);
      return -1;  // curl fails the transfers on this socket
    }
  }
  watch->wanted = what;
  self->arm(watch, fd);
  return 0;
}

int Fetcher::Impl::on_timer(CURLM*, long timeout_ms, void* user) {
  auto* self = static_cast<Impl*>(user);
  if (timeout_ms < 0) {
    self->timer.cancel();
    return 0;
  }
  // expires_after() cancels the previous wait; curl only ever wants one timeout.
  self->timer.expires_after(std::chrono::milliseconds(timeout_ms));
  self->timer.async_wait([weak = self->weak_from_this()](const boost::system::error_code& ec) {
    if (ec) return;
    if (auto impl = weak.lock()) impl->socket_action(CURL_SOCKET_TIMEOUT, 0);
  });
  return 0;
}

void Fetcher::Impl::arm(const std::shared_ptr<SocketWatch>& watch, curl_socket_t fd) {
  auto wait = [&](bool& pending, asio::posix::descriptor_base::wait_type type, int direction) {
    pending = true;
    watch->descriptor.async_wait(
        type, [weak = weak_from_this(), watch, fd, direction](const boost::system::error_code& ec) {
          if (auto impl = weak.lock()) impl->on_ready(watch, fd, direction, ec);
        });
  };
  if ((watch->wanted & CURL_POLL_IN) && !watch->reading) {
    wait(watch->reading, asio::posix::descriptor_base::wait_read, CURL_CSELECT_IN);
  }
  if ((watch->wanted & CURL_POLL_OUT) && !watch->writing) {
    wait(watch->writing, asio::posix::descriptor_base::wait_write, CURL_CSELECT_OUT);
  }
}

void Fetcher::Impl::on_ready(const std::shared_ptr<SocketWatch>& watch, curl_socket_t fd,
                             int direction, const boost::system::error_code& ec) {
  (direction == CURL_CSELECT_IN ? watch->reading : watch->writing) = false;
  if (!watch->active || ec == asio::error::operation_aborted) return;
  const int wanted_bit = direction == CURL_CSELECT_IN ? CURL_POLL_IN : CURL_POLL_OUT;
  if (!(watch->wanted & wanted_bit)) return;  // curl changed its mind while we waited
  socket_action(fd, ec ? CURL_CSELECT_ERR : direction);
  if (watch->active) arm(watch, fd);
}

void Fetcher::Impl::forget_socket(curl_socket_t fd) {
  auto it = sockets.find(fd);
  if (it == sockets.end()) return;
  it->second->active = false;
  it->second->descriptor.release();  // cancels the waits; the fd stays open for curl
  sockets.erase(it);
}

void Fetcher::Impl::socket_action(curl_socket_t fd, int mask) {
  if (!multi) return;
  int running = 0;
  curl_multi_socket_action(multi.get(), fd, mask, &running);
  collect_finished();
}

void Fetcher::Impl::collect_finished() {
  int left = 0;
  while (CURLMsg* msg = curl_multi_info_read(multi.get(), &left)) {
    if (msg->msg != CURLMSG_DONE) continue;
    CURL* easy = msg->easy_handle;
    const CURLcode code = msg->data.result;  // msg dies with remove_handle: copy first
    curl_multi_remove_handle(multi.get(), easy);
    auto it = transfers.find(easy);
    if (it == transfers.end()) continue;
    std::unique_ptr<Transfer> transfer = std::move(it->second);
    transfers.erase(it);
    auto result = detail::finish_transfer(*transfer, code);
    complete(std::move(transfer), std::move(result));
  }
}

// The callback is posted, never called in place: the caller may be deep inside curl or
// inside fetch(), and the callback may well call fetch() again.
void Fetcher::Impl::complete(std::unique_ptr<Transfer> transfer, Result<archive::Response> result) {
  asio::post(io, [done = std::move(transfer->done), r = std::move(result)]() mutable {
    if (done) done(std::move(r));
  });
}

void Fetcher::Impl::add(std::unique_ptr<Transfer> transfer) {
  CURL* easy = transfer->easy.get();
  Transfer* raw = transfer.get();
  transfers.emplace(easy, std::move(transfer));
  // add_handle asks for a 0 ms timeout through on_timer(); the transfer starts from there.
  const CURLMcode rc = multi ? curl_multi_add_handle(multi.get(), easy) : CURLM_BAD_HANDLE;
  if (rc != CURLM_OK) {
    auto owned = std::move(transfers[easy]);
    transfers.erase(easy);
    complete(std::move(owned),
             make_error(Errc::Internal,
                        raw->url + ": libcurl refused the request: " + curl_multi_strerror(rc)));
  }
}

void Fetcher::Impl::cancel_all() {
  auto cancelled = std::move(transfers);
  transfers.clear();
  for (auto& [easy, transfer] : cancelled) {
    if (multi) curl_multi_remove_handle(multi.get(), easy);
    const std::string url = transfer->url;
    complete(std::move(transfer), make_error(Errc::Cancelled, url + ": cancelled"));
  }
}

void Fetcher::Impl::shutdown() {
  cancel_all();
  multi.reset();  // may report CURL_POLL_REMOVE for cached connections: we are still whole
  for (auto& [fd, watch] : sockets) {
    watch->active = false;
    watch->descriptor.release();  // never let stream_descriptor close curl's fd
  }
  sockets.clear();
  timer.cancel();
}

Fetcher::Fetcher(asio::io_context& io, FetcherOptions options)
    : impl_(std::make_shared<Impl>(io, std::move(options))) {
  // A multi handle that cannot be made leaves impl_->multi empty; every fetch then fails
  // with Internal instead of the constructor throwing.
  impl_->start();
}

Fetcher::~Fetcher() { impl_->shutdown(); }

void Fetcher::fetch(std::string url, Callback done, const std::vector<std::string>& headers,
                    std::size_t keep_first) {
  auto transfer = detail::make_transfer(std::move(url), impl_->options, headers, keep_first);
  if (!transfer) {
    asio::post(impl_->io, [done = std::move(done), error = transfer.error()]() mutable {
      if (done) done(error);
    });
    return;
  }
  (*transfer)->done = std::move(done);
  impl_->add(std::move(*transfer));
}

void Fetcher::cancel_all() { impl_->cancel_all(); }

std::size_t Fetcher::in_flight() const { return impl_->transfers.size(); }

}  // namespace fora::crawler
