#pragma once
// The process's worker threads. Every piece of parallel work in galley runs here: the loops of
// parallel_for() (articles of an issue, fonts and page streams of a PDF), the work a render
// starts ahead (fonts, dictionaries, pictures), and the outputs of `galley build`. One fixed set
// of threads bounds how many work at once, however the work nests: `build -j 4` making four
// issue PDFs, each laying out its articles in parallel, still has no more than four threads
// busy. A thread that waits for pool work it needs runs that work itself when no worker has
// taken it yet, so nested work never deadlocks, even with no workers at all.
#include <chrono>
#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace galley {

class ThreadPool {
public:
  /// Starts `workers` threads (0 is allowed: every piece of work then runs on the thread that
  /// waits for it).
  explicit ThreadPool(unsigned workers);
  ~ThreadPool();
  ThreadPool(const ThreadPool&) = delete;
  ThreadPool& operator=(const ThreadPool&) = delete;

  /// The process's pool, made on first use with the size set_shared_workers() gave, or one
  /// worker fewer than the machine has cores (the calling thread makes up the last one).
  static ThreadPool& shared();
  /// Sizes the shared pool; only before its first use (the command line calls it once, from its
  /// -j budget). Returns false when the pool already exists.
  static bool set_shared_workers(unsigned workers);

  unsigned workers() const { return static_cast<unsigned>(threads_.size()); }

  /// Queues `job`; workers take jobs in the order they were posted. A job must not throw.
  void post(std::function<void()> job);
  /// Queues `job` before every job not yet started: for the helpers of work already under way
  /// (a parallel_for's loop), so that a started output is finished before new ones begin and a
  /// loop is not left on one thread behind a long queue. A job must not throw.
  void post_first(std::function<void()> job);

private:
  void work();

  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> queue_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

/// Destroys `what` on the next worker of the shared pool that is free, before any work not yet
/// started (post_first: behind a thousand queued outputs the memory would stay taken until the
/// end), or here when the pool has no workers: for a large structure whose freeing would hold
/// its owner up (an issue's frames, a PDF's object graph: some milliseconds each).
template <class T> void dispose_later(std::unique_ptr<T> what) {
  ThreadPool& pool = ThreadPool::shared();
  if (pool.workers() == 0)
    return;
  pool.post_first([held = std::shared_ptr<T>(std::move(what))]() mutable { held.reset(); });
}

/// One piece of work started on a pool, whose end its owner waits for. Moving a Task moves the
/// wait; destroying one that was not waited for waits (and drops what it threw).
class Task {
public:
  Task() = default;
  Task(ThreadPool& pool, std::function<void()> fn);
  explicit Task(std::function<void()> fn) : Task(ThreadPool::shared(), std::move(fn)) {}
  /// Starts `fn` on the shared pool ahead of the work queued there (ThreadPool::post_first):
  /// for a part of work under way, done meanwhile by a worker that is free.
  static Task ahead(std::function<void()> fn);
  /// The same on `pool`.
  static Task ahead(ThreadPool& pool, std::function<void()> fn);
  Task(Task&&) noexcept = default;
  Task& operator=(Task&& other) noexcept;
  ~Task();

  /// Runs the work on this thread if no worker has started it, else waits for it to end;
  /// rethrows what it threw. Nothing happens for an empty Task or after the first call.
  void wait();
  /// Waits up to `timeout` for the work to end, without running it here; true when it has ended.
  /// For a caller that must keep doing something else while it waits (a progress display).
  bool wait_for(std::chrono::milliseconds timeout);

private:
  Task(ThreadPool& pool, std::function<void()> fn, bool first);
  struct State;
  std::shared_ptr<State> state_;
};

} // namespace galley
