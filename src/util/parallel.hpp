#pragma once
// A parallel loop for work whose results are stored by index, so that how the work was spread
// over threads never shows in the output.
#include <cstddef>
#include <functional>

namespace galley {

/// How many workers parallel_for() uses: `threads`, but at least 1 and at most `n`.
unsigned worker_count(std::size_t n, unsigned threads);

/// Calls body(index, worker) for every index in [0, n) on worker_count(n, threads) threads, the
/// caller's among them; `worker` (0 for the caller's thread) lets a body keep per-thread state.
/// Indices are handed out in increasing order. Returns when every call has returned; if some
/// threw, rethrows the exception of the lowest index.
void parallel_for(std::size_t n, unsigned threads,
                  const std::function<void(std::size_t index, unsigned worker)>& body);

} // namespace galley
