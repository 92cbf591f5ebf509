#pragma once
// A fixed pool of worker threads whose results are handed back in the order of the work list,
// so that what a build prints does not depend on the number of threads or on timing.
#include <chrono>
#include <cstddef>
#include <functional>

namespace galley::cli {

struct OrderedRun {
  std::size_t count = 0; ///< items 0..count-1
  unsigned threads = 1;  ///< workers; at least 1, at most `count`
  /// Runs on a worker thread; items are taken in increasing order. Must not throw: an
  /// exception escaping it ends the program (catch and record per item instead).
  std::function<void(std::size_t)> work;
  /// Runs on the calling thread, in increasing order of the item, as soon as the item and
  /// every item before it are finished.
  std::function<void(std::size_t)> done;
  /// Runs on the calling thread about every `tick` while it waits (progress redraws); may be
  /// empty.
  std::function<void()> on_tick;
  std::chrono::milliseconds tick{100};
};

/// The threads each of `count` jobs may use inside itself when `threads` is the budget of the
/// whole run: the pool's workers share it, so no more than `threads` work at once (not
/// workers x threads). A single job, an issue PDF say, gets the whole budget.
unsigned threads_per_job(unsigned threads, std::size_t count);

/// Runs every item and returns when all are done and handed to `done`.
void run_ordered(const OrderedRun& run);

} // namespace galley::cli
