#include "util/parallel.hpp"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <exception>
#include <memory>
#include <mutex>
#include <vector>

namespace galley {

namespace {

/// One loop's shared state. Helpers posted to the pool hold it, so one that starts after the
/// loop has returned finds no index left and touches nothing else.
struct Loop {
  Loop(std::size_t n, const std::function<void(std::size_t, unsigned)>& body)
      : n(n), body(&body), failures(n) {}
  const std::size_t n;
  const std::function<void(std::size_t, unsigned)>* body;
  std::atomic<std::size_t> next{0};
  std::atomic<unsigned> slots{1}; ///< worker numbers handed to helpers; the caller is 0
  std::mutex mutex;
  std::condition_variable idle;
  unsigned active = 0; ///< helpers inside run()
  std::vector<std::exception_ptr> failures;

  void run(unsigned worker) {
    for (std::size_t i; (i = next.fetch_add(1)) < n;) {
      try {
        (*body)(i, worker);
      } catch (...) {
        failures[i] = std::current_exception();
      }
    }
  }
};

} // namespace

unsigned worker_count(std::size_t n, unsigned threads) {
  return static_cast<unsigned>(std::clamp<std::size_t>(threads, 1, std::max<std::size_t>(n, 1)));
}

void parallel_for(ThreadPool& pool, std::size_t n, unsigned threads,
                  const std::function<void(std::size_t, unsigned)>& body) {
  auto loop = std::make_shared<Loop>(n, body);
  const unsigned helpers = std::min(worker_count(n, threads) - 1, pool.workers());
  for (unsigned h = 0; h < helpers; ++h)
    pool.post_first([loop] {
      {
        std::lock_guard lock(loop->mutex);
        if (loop->next.load() >= loop->n)
          return; // the loop is done, or about to be
        ++loop->active;
      }
      loop->run(loop->slots.fetch_add(1));
      {
        std::lock_guard lock(loop->mutex);
        --loop->active;
      }
      loop->idle.notify_all();
    });
  loop->run(0);
  {
    std::unique_lock lock(loop->mutex);
    loop->idle.wait(lock, [&] { return loop->active == 0; });
  }
  for (const auto& f : loop->failures)
    if (f) std::rethrow_exception(f);
}

void parallel_for(std::size_t n, unsigned threads,
                  const std::function<void(std::size_t, unsigned)>& body) {
  parallel_for(ThreadPool::shared(), n, threads, body);
}

} // namespace galley
