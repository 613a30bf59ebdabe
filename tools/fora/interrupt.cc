#include "interrupt.h"

#include <csignal>

namespace fora::cli {
namespace {
std::atomic<bool> g_stop{false};
extern "C" void fora_on_stop_signal(int) { g_stop.store(true); }
}  // namespace

StopOnSignal::StopOnSignal() {
  g_stop.store(false);
  std::signal(SIGINT, fora_on_stop_signal);
  std::signal(SIGTERM, fora_on_stop_signal);
}

StopOnSignal::~StopOnSignal() {
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
}

const std::atomic<bool>& StopOnSignal::requested() const { return g_stop; }

}  // namespace fora::cli
