#include "cli/build_signals.hpp"

#include "util/files.hpp"

#include <cstdio>
#include <cstdlib>
#include <pthread.h>

namespace galley::cli {

namespace {

/// The signals that end a build, plus SIGUSR1, which the destructor sends to the waiting
/// thread to wake it.
sigset_t guarded_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGHUP);
  sigaddset(&set, SIGUSR1);
  return set;
}

} // namespace

InterruptGuard::InterruptGuard() {
  sigset_t set = guarded_signals();
  pthread_sigmask(SIG_BLOCK, &set, &previous_);
  waiter_ = std::thread([this, set] {
    for (;;) {
      int sig = 0;
      if (sigwait(&set, &sig) != 0)
        continue;
      if (stopping_.load())
        return;
      if (sig == SIGUSR1)
        continue;
      std::size_t removed = abandon_atomic_writes();
      std::fprintf(stderr,
                   "\ngalley: interrupted by signal %d; removed %zu temporary file%s, "
                   "previous outputs left unchanged\n",
                   sig, removed, removed == 1 ? "" : "s");
      std::fflush(stderr);
      // 128 + signal is the shell's convention for a process ended by a signal.
      std::_Exit(128 + sig);
    }
  });
}

InterruptGuard::~InterruptGuard() {
  stopping_.store(true);
  pthread_kill(waiter_.native_handle(), SIGUSR1);
  waiter_.join();
  pthread_sigmask(SIG_SETMASK, &previous_, nullptr);
}

} // namespace galley::cli
