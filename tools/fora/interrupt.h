// StopOnSignal: while alive, SIGINT and SIGTERM set a flag instead of killing the process,
// so a long job (crawl, index) commits what it has and stops cleanly.
#pragma once

#include <atomic>

namespace fora::cli {

class StopOnSignal {
 public:
  StopOnSignal();
  ~StopOnSignal();  // restores the default handlers
  StopOnSignal(const StopOnSignal&) = delete;
  StopOnSignal& operator=(const StopOnSignal&) = delete;
  const std::atomic<bool>& requested() const;
};

}  // namespace fora::cli
