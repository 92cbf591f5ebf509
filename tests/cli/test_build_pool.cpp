#include "cli/build_pool.hpp"
#include "util/parallel.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <mutex>
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

  TEST_CASE("a held item takes no worker until an earlier item releases it") {
    // An issue's PDF (0) hands its pages to its EPUB (1, held) once it has them; other work (2)
    // must get the second worker meanwhile, as the PDF's own loops must. Were the EPUB started
    // in its turn, it would sit on that worker and item 2 would start only after the PDF.
    for (unsigned workers : {0u, 1u, 2u}) {
      CAPTURE(workers);
      galley::ThreadPool pool(workers);
      std::mutex mutex;
      std::condition_variable changed;
      std::vector<std::size_t> started;
      bool other_ran = false;
      OrderedRun run;
      run.count = 3;
      run.held = [](std::size_t i) { return i == 1; };
      run.work = [&](std::size_t i) {
        std::unique_lock lock(mutex);
        started.push_back(i);
        if (i == 2)
          other_ran = true;
        changed.notify_all();
        if (i == 0) {
          // With two workers the other item runs while this one waits for it; with fewer, it
          // runs only after this one (the wait ends at the deadline).
          changed.wait_for(lock, std::chrono::seconds(workers == 2 ? 30 : 0),
                           [&] { return other_ran; });
          lock.unlock();
          run.release(1);
          run.release(1); // a second release starts nothing
        }
      };
      std::vector<std::size_t> handed;
      run.done = [&](std::size_t i) { handed.push_back(i); };
      run_ordered(run, pool);
      CHECK(handed == std::vector<std::size_t>{0, 1, 2});
      REQUIRE(started.size() == 3);
      CHECK(std::count(started.begin(), started.end(), 1) == 1);
      if (workers == 2)
        CHECK(started == std::vector<std::size_t>{0, 2, 1});
    }
  }

  TEST_CASE("a released item starts before the items not yet started") {
    // The EPUB of an issue, released once its PDF is laid out, would otherwise wait behind the
    // hundred article PDFs of --single queued after it, and end the build last.
    galley::ThreadPool pool(1);
    std::mutex mutex;
    std::vector<std::size_t> started;
    OrderedRun run;
    run.count = 4;
    run.held = [](std::size_t i) { return i == 1; };
    run.work = [&](std::size_t i) {
      {
        std::lock_guard lock(mutex);
        started.push_back(i);
      }
      if (i == 0)
        run.release(1);
    };
    run.done = [](std::size_t) {};
    run_ordered(run, pool);
    CHECK(started == std::vector<std::size_t>{0, 1, 2, 3});
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
