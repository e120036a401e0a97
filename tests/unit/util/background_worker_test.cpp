#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

#include "util/background_worker.h"

namespace axis::util {
namespace {

TEST(BackgroundWorker, RunsJobsInOrderAndSurvivesAThrowingJob) {
  BackgroundWorker worker;
  std::vector<int> seen;  // touched only by the worker thread until wait_idle returns
  worker.post("first", [&] { seen.push_back(1); });
  worker.post("broken", [] { throw std::runtime_error("boom"); });
  worker.post("third", [&] { seen.push_back(3); });
  worker.wait_idle();
  EXPECT_EQ(seen, (std::vector<int>{1, 3}));
}

TEST(BackgroundWorker, DestructionDropsQueuedJobsAndWaitsForTheRunningOne) {
  std::atomic<int> ran{0};
  std::atomic<bool> started{false};
  {
    BackgroundWorker worker;
    worker.post("slow", [&] {
      started = true;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
      ++ran;
    });
    while (!started) std::this_thread::yield();
    for (int i = 0; i < 5; ++i) worker.post("queued", [&] { ran += 100; });
  }
  EXPECT_EQ(ran.load(), 1);
}

}  // namespace
}  // namespace axis::util
