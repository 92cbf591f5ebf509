#include "util/parallel.hpp"

#include <doctest/doctest.h>

#include <atomic>
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
