#include "util/parallel.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <thread>
#include <vector>

namespace galley {

unsigned worker_count(std::size_t n, unsigned threads) {
  return static_cast<unsigned>(std::clamp<std::size_t>(threads, 1, std::max<std::size_t>(n, 1)));
}

void parallel_for(std::size_t n, unsigned threads,
                  const std::function<void(std::size_t, unsigned)>& body) {
  std::vector<std::exception_ptr> failures(n);
  std::atomic<std::size_t> next{0};
  auto work = [&](unsigned worker) {
    for (std::size_t i; (i = next.fetch_add(1)) < n;) {
      try {
        body(i, worker);
      } catch (...) {
        failures[i] = std::current_exception();
      }
    }
  };
  unsigned workers = worker_count(n, threads);
  std::vector<std::jthread> pool;
  for (unsigned w = 1; w < workers; ++w)
    pool.emplace_back(work, w);
  work(0);
  pool.clear(); // joins
  for (const auto& f : failures)
    if (f)
      std::rethrow_exception(f);
}

} // namespace galley
