#pragma once
// A parallel loop for work whose results are stored by index, so that how the work was spread
// over threads never shows in the output. It runs on the process's thread pool
// (thread_pool.hpp), so loops nested in other pool work share the same bounded set of threads.
#include "util/thread_pool.hpp"

#include <cstddef>
#include <functional>

namespace galley {

/// How many workers parallel_for() uses at most: `threads`, but at least 1 and at most `n`.
unsigned worker_count(std::size_t n, unsigned threads);

/// Calls body(index, worker) for every index in [0, n): on the calling thread and on up to
/// worker_count(n, threads) - 1 workers of `pool` that are free to join in (its helpers are
/// queued before work not yet started). `worker` (0 for the caller, below worker_count() for
/// the others, each used by one thread at a time) lets a body keep per-thread state. Indices are
/// handed out in increasing order. Returns when every call has returned; if some threw, rethrows
/// the exception of the lowest index.
void parallel_for(ThreadPool& pool, std::size_t n, unsigned threads,
                  const std::function<void(std::size_t index, unsigned worker)>& body);

/// The same on the process's shared pool.
void parallel_for(std::size_t n, unsigned threads,
                  const std::function<void(std::size_t index, unsigned worker)>& body);

} // namespace galley
