#include "cli/build_pool.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

using namespace galley::cli;

TEST_SUITE("cli/build_pool") {
  TEST_CASE("jobs share the thread budget: workers times threads per job never exceeds -j") {
    CHECK(threads_per_job(4, 1) == 4); // one issue PDF: all four for its articles
    CHECK(threads_per_job(4, 2) == 2);
    CHECK(threads_per_job(4, 3) == 1);
    CHECK(threads_per_job(4, 100) == 1);
    CHECK(threads_per_job(1, 1) == 1);
    CHECK(threads_per_job(0, 5) == 1);
    for (unsigned threads = 1; threads <= 16; ++threads)
      for (std::size_t count = 1; count <= 40; ++count) {
        CAPTURE(threads);
        CAPTURE(count);
        unsigned workers = std::min<unsigned>(threads, static_cast<unsigned>(count));
        CHECK(workers * threads_per_job(threads, count) <= threads);
      }
  }

  TEST_CASE("results come back in work-list order whatever the thread count") {
    for (unsigned threads : {1u, 2u, 4u, 64u}) {
      CAPTURE(threads);
      std::vector<int> squares(50, 0);
      std::vector<std::size_t> order;
      std::atomic<int> running{0}, most{0};
      OrderedRun run;
      run.count = squares.size();
      run.threads = threads;
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
      run_ordered(run);
      REQUIRE(order.size() == squares.size());
      for (std::size_t i = 0; i < order.size(); ++i)
        CHECK(order[i] == i);
      CHECK(most.load() <= static_cast<int>(threads));
      if (threads == 1)
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
    run_ordered(run);
    CHECK(ticks >= 2);
  }
}
