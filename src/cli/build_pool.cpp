#include "cli/build_pool.hpp"

#include <condition_variable>
#include <mutex>
#include <optional>
#include <vector>

namespace galley::cli {

struct OrderedRun::State {
  ThreadPool* pool = nullptr;
  std::mutex mutex;
  std::condition_variable started;
  std::vector<std::optional<Task>> tasks; ///< none yet for an item held back
};

void OrderedRun::release(std::size_t i) {
  {
    std::lock_guard lock(state->mutex);
    auto& task = state->tasks[i];
    if (task)
      return;
    auto job = [this, i] { work(i); };
    if (held && held(i))
      task.emplace(Task::ahead(*state->pool, std::move(job)));
    else
      task.emplace(*state->pool, std::move(job));
  }
  state->started.notify_all();
}

void run_ordered(OrderedRun& run, ThreadPool& pool) {
  run.state = std::make_shared<OrderedRun::State>();
  OrderedRun::State& st = *run.state;
  st.pool = &pool;
  st.tasks.resize(run.count);
  // One task per item, posted in order: the pool starts them in that order.
  for (std::size_t i = 0; i < run.count; ++i)
    if (!run.held || !run.held(i))
      run.release(i);
  for (std::size_t i = 0; i < run.count; ++i) {
    Task* task = nullptr;
    {
      std::unique_lock lock(st.mutex);
      while (!st.tasks[i]) {
        if (st.started.wait_for(lock, run.tick) == std::cv_status::timeout && run.on_tick) {
          lock.unlock();
          run.on_tick();
          lock.lock();
        }
      }
      task = &*st.tasks[i];
    }
    if (pool.workers() > 0)
      while (!task->wait_for(run.tick))
        if (run.on_tick) run.on_tick();
    task->wait();
    run.done(i);
  }
  run.state.reset();
}

} // namespace galley::cli
