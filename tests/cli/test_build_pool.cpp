#include "cli/build_pool.hpp"
#include "util/parallel.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

using namespace galley::cli;

TEST_SUITE("cli/build_pool") {
  TEST_CASE("jobs that run parallel loops of their own keep within the pool's workers") {
    // `build -j 3` of issue PDFs: each job lays out its articles with parallel_for on the same
    // pool, so at most three threads are busy, not three per job.
    galley::ThreadPool pool(3);
    std::atomic<int> busy{0}, most{0};
    OrderedRun run;
    run.count = 8;
    run.work = [&](std::size_t) {
      galley::parallel_for(pool, 10, 3, [&](std::size_t, unsigned) {
        int now = ++busy;
        int seen = most.load();
        while (now > seen && !most.compare_exchange_weak(seen, now)) {
        }
        std::this_thread::sleep_for(std::chrono::microseconds(300));
        --busy;
      });
    };
    std::size_t handed = 0;
    run.done = [&](std::size_t i) { CHECK(i == handed++); };
    run_ordered(run, pool);
    CHECK(handed == 8);
    CHECK(most.load() <= 3);
    CHECK(most.load() >= 2);
  }

  TEST_CASE("results come back in work-list order whatever the thread count") {
    for (unsigned threads : {0u, 1u, 2u, 4u, 64u}) {
      CAPTURE(threads);
      std::vector<int> squares(50, 0);
      std::vector<std::size_t> order;
      std::atomic<int> running{0}, most{0};
      galley::ThreadPool pool(threads);
      OrderedRun run;
      run.count = squares.size();
      run.work = [&](std::size_t i) {
        int now = ++running;
        int seen = most.load();
        while (now > seen && !most.compare_exchange_weak(seen, now)) {
        }
        // Later items finish first, so in-order hand-back is really exercised.
        std::this_thread::sleep_for(std::chrono::microseconds((50 - i) * 20));
        squares[i] = static_cast<int>(i * i);
        --running;
      };
      run.done = [&](std::size_t i) {
        CHECK(squares[i] == static_cast<int>(i * i));
        order.push_back(i);
      };
      run_ordered(run, pool);
      REQUIRE(order.size() == squares.size());
      for (std::size_t i = 0; i < order.size(); ++i)
        CHECK(order[i] == i);
      CHECK(most.load() <= static_cast<int>(std::max(threads, 1u)));
      if (threads <= 1)
        CHECK(most.load() == 1);
    }
  }

  TEST_CASE("ticks run while the calling thread waits") {
    int ticks = 0;
    OrderedRun run;
    run.count = 1;
    run.work = [](std::size_t) { std::this_thread::sleep_for(std::chrono::milliseconds(60)); };
    run.done = [](std::size_t) {};
    run.on_tick = [&] { ++ticks; };
    run.tick = std::chrono::milliseconds(5);
    galley::ThreadPool pool(1);
    run_ordered(run, pool);
    CHECK(ticks >= 2);
  }
}
