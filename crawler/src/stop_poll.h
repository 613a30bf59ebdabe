// StopPoll: looks, on the io thread, every 100 ms at a stop flag that another thread sets
// (a signal handler's: Ctrl-C), since an io_context cannot be woken from a signal handler.
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

#include <atomic>
#include <chrono>
#include <functional>

namespace fora::crawler::detail {

class StopPoll {
 public:
  StopPoll(boost::asio::io_context& io, const std::atomic<bool>& stop) : timer_(io), stop_(stop) {}

  // Calls `stopped` once, when the flag is seen set, and `tick` after each look, until cancel().
  void start(std::function<void()> stopped, std::function<void()> tick) {
    stopped_ = std::move(stopped);
    tick_ = std::move(tick);
    arm();
  }
  void cancel() {
    done_ = true;
    timer_.cancel();
  }

 private:
  void arm() {
    timer_.expires_after(std::chrono::milliseconds(100));
    timer_.async_wait([this](boost::system::error_code ec) {
      if (ec) return;
      if (stop_.load() && !seen_) {
        seen_ = true;
        stopped_();
      }
      if (!done_) arm();
      tick_();
    });
  }

  boost::asio::steady_timer timer_;
  const std::atomic<bool>& stop_;
  std::function<void()> stopped_, tick_;
  bool seen_ = false;  // the flag was seen set
  bool done_ = false;
};

}  // namespace fora::crawler::detail
