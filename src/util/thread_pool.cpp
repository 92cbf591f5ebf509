#include "util/thread_pool.hpp"

#include <algorithm>
#include <atomic>

namespace galley {

namespace {

std::mutex shared_mutex;
ThreadPool* shared_pool = nullptr;
unsigned shared_size = 0;
bool shared_size_set = false;

unsigned default_workers() { return std::max(1u, std::thread::hardware_concurrency()) - 1; }

} // namespace

ThreadPool::ThreadPool(unsigned workers) {
  threads_.reserve(workers);
  for (unsigned i = 0; i < workers; ++i) threads_.emplace_back([this] { work(); });
}

ThreadPool::~ThreadPool() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  for (std::thread& t : threads_) t.join();
}

ThreadPool& ThreadPool::shared() {
  std::lock_guard lock(shared_mutex);
  // Never destroyed: a worker may still be running when the process exits, and joining it from
  // a static destructor would hold the exit up (or deadlock on a signal path).
  if (shared_pool == nullptr)
    shared_pool = new ThreadPool(shared_size_set ? shared_size : default_workers());
  return *shared_pool;
}

bool ThreadPool::set_shared_workers(unsigned workers) {
  std::lock_guard lock(shared_mutex);
  if (shared_pool != nullptr) return false;
  shared_size = workers;
  shared_size_set = true;
  return true;
}

void ThreadPool::post(std::function<void()> job) {
  {
    std::lock_guard lock(mutex_);
    queue_.push_back(std::move(job));
  }
  wake_.notify_one();
}

void ThreadPool::post_first(std::function<void()> job) {
  {
    std::lock_guard lock(mutex_);
    queue_.push_front(std::move(job));
  }
  wake_.notify_one();
}

void ThreadPool::work() {
  for (;;) {
    std::function<void()> job;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return; // stopping, and everything posted has run
      job = std::move(queue_.front());
      queue_.pop_front();
    }
    job();
  }
}

struct Task::State {
  std::function<void()> fn;
  std::atomic<bool> claimed{false}; ///< a thread has started (or is about to start) fn
  std::mutex mutex;
  std::condition_variable ended_cv;
  bool ended = false;
  std::exception_ptr error;

  void run() {
    try {
      fn();
    } catch (...) {
      error = std::current_exception();
    }
    fn = nullptr; // drop what it captured as soon as it is done
    {
      std::lock_guard lock(mutex);
      ended = true;
    }
    ended_cv.notify_all();
  }
};

Task::Task(ThreadPool& pool, std::function<void()> fn) : Task(pool, std::move(fn), false) {}

Task::Task(ThreadPool& pool, std::function<void()> fn, bool first)
    : state_(std::make_shared<State>()) {
  state_->fn = std::move(fn);
  auto job = [state = state_] {
    if (!state->claimed.exchange(true))
      state->run();
  };
  if (first)
    pool.post_first(std::move(job));
  else
    pool.post(std::move(job));
}

Task Task::ahead(std::function<void()> fn) {
  return ahead(ThreadPool::shared(), std::move(fn));
}

Task Task::ahead(ThreadPool& pool, std::function<void()> fn) {
  return Task(pool, std::move(fn), true);
}

Task& Task::operator=(Task&& other) noexcept {
  if (this != &other) {
    try {
      wait();
    } catch (...) {
    }
    state_ = std::move(other.state_);
  }
  return *this;
}

Task::~Task() {
  try {
    wait();
  } catch (...) {
  }
}

void Task::wait() {
  if (!state_) return;
  std::shared_ptr<State> state = std::move(state_);
  if (!state->claimed.exchange(true)) {
    state->run();
  } else {
    std::unique_lock lock(state->mutex);
    state->ended_cv.wait(lock, [&] { return state->ended; });
  }
  if (state->error) std::rethrow_exception(state->error);
}

bool Task::wait_for(std::chrono::milliseconds timeout) {
  if (!state_) return true;
  std::unique_lock lock(state_->mutex);
  return state_->ended_cv.wait_for(lock, timeout, [&] { return state_->ended; });
}

} // namespace galley
