#pragma once
// Work run on the process's thread pool (util/thread_pool.hpp) whose results are handed back in
// the order of the work list, so that what a build prints does not depend on the number of
// threads or on timing.
#include "util/thread_pool.hpp"

#include <chrono>
#include <cstddef>
#include <functional>

namespace galley::cli {

struct OrderedRun {
  std::size_t count = 0; ///< items 0..count-1
  /// Runs on a worker of the pool; items are started in increasing order, as many at once as
  /// the pool has workers. Must not throw: record failures per item instead.
  std::function<void(std::size_t)> work;
  /// Runs on the calling thread, in increasing order of the item, as soon as the item and
  /// every item before it are finished.
  std::function<void(std::size_t)> done;
  /// Runs on the calling thread about every `tick` while it waits (progress redraws); may be
  /// empty.
  std::function<void()> on_tick;
  std::chrono::milliseconds tick{100};
};

/// Runs every item on `pool` and returns when all are done and handed to `done`. With a pool
/// without workers, each item runs on the calling thread just before it is handed over.
void run_ordered(const OrderedRun& run, ThreadPool& pool = ThreadPool::shared());

} // namespace galley::cli
