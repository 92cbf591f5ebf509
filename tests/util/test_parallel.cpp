#include "util/parallel.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

using namespace galley;

TEST_SUITE("util/parallel") {
  TEST_CASE("worker_count is the thread count, at least 1 and at most the work") {
    CHECK(worker_count(10, 4) == 4);
    CHECK(worker_count(3, 8) == 3);
    CHECK(worker_count(0, 8) == 1);
    CHECK(worker_count(5, 0) == 1);
  }

  TEST_CASE("every index runs once, with a worker number below the worker count") {
    for (unsigned threads : {1u, 2u, 7u}) {
      CAPTURE(threads);
      std::vector<std::atomic<int>> runs(100);
      std::vector<unsigned> worker_of(100, 99);
      parallel_for(100, threads, [&](std::size_t i, unsigned worker) {
        ++runs[i];
        worker_of[i] = worker;
      });
      for (std::size_t i = 0; i < 100; ++i) {
        CHECK(runs[i] == 1);
        CHECK(worker_of[i] < worker_count(100, threads));
      }
    }
  }

  TEST_CASE("one thread runs everything on the caller's thread, in order") {
    std::vector<std::size_t> order;
    auto caller = std::this_thread::get_id();
    bool same_thread = true;
    parallel_for(5, 1, [&](std::size_t i, unsigned) {
      order.push_back(i);
      same_thread = same_thread && std::this_thread::get_id() == caller;
    });
    CHECK(order == std::vector<std::size_t>{0, 1, 2, 3, 4});
    CHECK(same_thread);
  }

  TEST_CASE("after all indices ran, the lowest failing index's exception is rethrown") {
    std::atomic<int> ran{0};
    auto body = [&](std::size_t i, unsigned) {
      ++ran;
      if (i == 3 || i == 7)
        throw std::runtime_error("failed " + std::to_string(i));
    };
    for (unsigned threads : {1u, 3u}) {
      ran = 0;
      CHECK_THROWS_WITH(parallel_for(10, threads, body), "failed 3");
      CHECK(ran == 10);
    }
  }
}

TEST_SUITE("util/thread_pool") {
  TEST_CASE("nested loops never have more threads busy than the pool's workers and the caller") {
    ThreadPool pool(3);
    std::atomic<int> busy{0}, most{0};
    std::mutex mutex;
    std::set<std::thread::id> seen;
    parallel_for(pool, 6, 4, [&](std::size_t, unsigned) {
      parallel_for(pool, 20, 4, [&](std::size_t, unsigned) {
        const int now = ++busy;
        int m = most.load();
        while (now > m && !most.compare_exchange_weak(m, now)) {
        }
        {
          std::lock_guard lock(mutex);
          seen.insert(std::this_thread::get_id());
        }
        // Long enough for the loops to overlap; the check does not depend on how long.
        std::this_thread::sleep_for(std::chrono::microseconds(200));
        --busy;
      });
    });
    CHECK(most.load() <= 4);
    CHECK(seen.size() <= 4);
    CHECK(seen.size() >= 2); // the workers did join in
  }

  TEST_CASE("a pool without workers runs everything on the waiting thread") {
    ThreadPool pool(0);
    std::vector<int> runs(10, 0);
    parallel_for(pool, 10, 8, [&](std::size_t i, unsigned worker) {
      ++runs[i];
      CHECK(worker == 0);
    });
    CHECK(runs == std::vector<int>(10, 1));
    const auto caller = std::this_thread::get_id();
    std::thread::id ran_on;
    Task task(pool, [&] { ran_on = std::this_thread::get_id(); });
    CHECK_FALSE(task.wait_for(std::chrono::milliseconds(1))); // nobody else can run it
    task.wait();
    CHECK(ran_on == caller);
  }

  TEST_CASE("a task's exception reaches the thread that waits for it") {
    ThreadPool pool(1);
    Task task(pool, [] { throw std::runtime_error("no fonts"); });
    CHECK_THROWS_WITH(task.wait(), "no fonts");
    task.wait(); // waited for already: nothing more
  }

  TEST_CASE("tasks that wait for tasks finish on a pool too small to run them all") {
    ThreadPool pool(1);
    std::atomic<int> done{0};
    std::vector<Task> outer;
    for (int i = 0; i < 4; ++i)
      outer.emplace_back(pool, [&] {
        Task inner(pool, [&] { ++done; });
        parallel_for(pool, 3, 2, [&](std::size_t, unsigned) { ++done; });
        inner.wait();
      });
    for (Task& t : outer) t.wait();
    CHECK(done == 16);
  }
}
