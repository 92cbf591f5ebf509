#pragma once
// Work run on the process's thread pool (util/thread_pool.hpp) whose results are handed back in
// the order of the work list, so that what a build prints does not depend on the number of
// threads or on timing.
#include "util/thread_pool.hpp"

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>

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
  /// Items that start only once release() names them (an EPUB waiting for its PDF's pages, an
  /// article's own PDF waiting while its issue lays the articles out): held back, such an item
  /// takes no worker while what it needs is being made, or while the workers are better spent
  /// elsewhere, and once released it starts before the items not yet started, since an item
  /// before it is under way and waits on it to be handed over. Every held item must be released
  /// by the work of an item before it. May be empty: none is held.
  std::function<bool(std::size_t)> held;

  /// Starts held item `i`, from any thread, while run_ordered runs; a second call does nothing.
  void release(std::size_t i);

  struct State;
  std::shared_ptr<State> state; ///< set by run_ordered while it runs
};

/// Runs every item on `pool` and returns when all are done and handed to `done`. With a pool
/// without workers, each item runs on the calling thread just before it is handed over.
void run_ordered(OrderedRun& run, ThreadPool& pool = ThreadPool::shared());

} // namespace galley::cli
