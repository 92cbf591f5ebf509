#include "cli/build_pool.hpp"

#include "util/parallel.hpp"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

namespace galley::cli {

unsigned threads_per_job(unsigned threads, std::size_t count) {
  // worker_count() is at least 1 and at most max(1, threads), so the quotient is at least 1.
  return std::max(1u, threads) / worker_count(count, threads);
}

void run_ordered(const OrderedRun& run) {
  if (run.count == 0)
    return;
  std::atomic<std::size_t> next{0};
  std::mutex mutex;
  std::condition_variable changed;
  std::vector<bool> finished(run.count, false);

  auto worker = [&] {
    for (;;) {
      std::size_t i = next.fetch_add(1);
      if (i >= run.count)
        return;
      run.work(i);
      {
        std::lock_guard lock(mutex);
        finished[i] = true;
      }
      changed.notify_one();
    }
  };
  unsigned n = std::clamp<unsigned>(run.threads, 1,
                                    static_cast<unsigned>(std::min<std::size_t>(run.count, 4096)));
  std::vector<std::jthread> workers;
  workers.reserve(n);
  for (unsigned t = 0; t < n; ++t)
    workers.emplace_back(worker);

  // Hand finished items to `done` in order; `done` runs without the lock so workers go on.
  for (std::size_t handed = 0; handed < run.count;) {
    {
      std::unique_lock lock(mutex);
      bool ready = changed.wait_for(lock, run.tick, [&] { return finished[handed]; });
      if (!ready) {
        lock.unlock();
        if (run.on_tick)
          run.on_tick();
        continue;
      }
    }
    run.done(handed);
    ++handed;
  }
}

} // namespace galley::cli
