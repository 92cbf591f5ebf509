#include "cli/build_pool.hpp"

#include <vector>

namespace galley::cli {

void run_ordered(const OrderedRun& run, ThreadPool& pool) {
  // One task per item, posted in order: the pool starts them in that order.
  std::vector<Task> tasks;
  tasks.reserve(run.count);
  for (std::size_t i = 0; i < run.count; ++i) tasks.emplace_back(pool, [&run, i] { run.work(i); });
  for (std::size_t i = 0; i < run.count; ++i) {
    if (pool.workers() > 0)
      while (!tasks[i].wait_for(run.tick))
        if (run.on_tick) run.on_tick();
    tasks[i].wait();
    run.done(i);
  }
}

} // namespace galley::cli
