#pragma once
// Clean interruption of a build: Ctrl-C, a CI runner's kill or a closed terminal must leave the
// previous good outputs in place and no temporary files behind.
#include <atomic>
#include <csignal>
#include <thread>

namespace galley::cli {

/// Used by `galley build`, `galley pdf` and `galley epub`. While alive, SIGINT, SIGTERM and SIGHUP are blocked in the constructing thread and in every
/// thread it starts afterwards, and a dedicated thread waits for them (sigwait). On one, that
/// thread removes the temporary files of the writes in flight (abandon_atomic_writes), prints
/// one line and ends the process with 128 + the signal number (130 for SIGINT, 143 for
/// SIGTERM). Construct it before starting worker threads.
class InterruptGuard {
public:
  InterruptGuard();
  /// Stops the waiting thread and restores the signal mask; a signal that arrived in between
  /// is then delivered as usual.
  ~InterruptGuard();
  InterruptGuard(const InterruptGuard&) = delete;
  InterruptGuard& operator=(const InterruptGuard&) = delete;

private:
  sigset_t previous_{};
  std::atomic<bool> stopping_{false};
  std::thread waiter_;
};

} // namespace galley::cli
