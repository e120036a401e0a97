// AnswerCache: one computation per key however many requests ask at once, failures not kept,
// answers kept within the byte budget.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <stdexcept>
#include <thread>
#include <vector>

#include "util/answer_cache.h"

namespace axis::util {
namespace {

using namespace std::chrono_literals;

TEST(AnswerCacheTest, ComputesOnceAndKeepsTheAnswer) {
  AnswerCache cache(1 << 20);
  int runs = 0;
  auto compute = [&] { ++runs; return std::string("42"); };
  EXPECT_EQ(*cache.get_or_compute("k", compute), "42");
  EXPECT_EQ(*cache.get_or_compute("k", compute), "42");
  EXPECT_EQ(runs, 1);
  EXPECT_EQ(*cache.get_or_compute("other", [] { return std::string("7"); }), "7");
  EXPECT_EQ(**cache.find("k"), "42");
}

TEST(AnswerCacheTest, ConcurrentRequestsForOneKeyShareOneComputation) {
  AnswerCache cache(1 << 20);
  std::atomic<int> runs = 0;
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  auto compute = [&] {
    ++runs;
    released.wait();  // every other request arrives while this one runs
    return std::string("answer");
  };
  std::vector<std::future<std::string>> requests;
  for (int i = 0; i < 8; ++i) {
    requests.push_back(std::async(std::launch::async, [&] { return *cache.get_or_compute("k", compute); }));
  }
  std::this_thread::sleep_for(100ms);
  release.set_value();
  for (auto& r : requests) EXPECT_EQ(r.get(), "answer");
  EXPECT_EQ(runs.load(), 1);
}

TEST(AnswerCacheTest, AFailureReachesItsWaitersAndIsNotKept) {
  AnswerCache cache(1 << 20);
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  std::atomic<int> runs = 0;
  auto failing = [&]() -> std::string {
    ++runs;
    released.wait();
    throw std::runtime_error("query failed");
  };
  auto first = std::async(std::launch::async, [&] { return *cache.get_or_compute("k", failing); });
  std::this_thread::sleep_for(50ms);
  auto second = std::async(std::launch::async, [&] { return *cache.get_or_compute("k", failing); });
  std::this_thread::sleep_for(50ms);
  release.set_value();
  EXPECT_THROW(first.get(), std::runtime_error);
  EXPECT_THROW(second.get(), std::runtime_error);
  EXPECT_EQ(runs.load(), 1);
  EXPECT_FALSE(cache.find("k").has_value());
  EXPECT_EQ(*cache.get_or_compute("k", [] { return std::string("ok"); }), "ok");
}

TEST(AnswerCacheTest, KeepsAnswersWithinTheBudget) {
  AnswerCache cache(100);  // bytes of answers and keys
  cache.get_or_compute("a", [] { return std::string(40, 'a'); });
  cache.get_or_compute("b", [] { return std::string(40, 'b'); });
  cache.get_or_compute("c", [] { return std::string(40, 'c'); });  // a is dropped
  EXPECT_FALSE(cache.find("a").has_value());
  EXPECT_TRUE(cache.find("b").has_value());
  EXPECT_TRUE(cache.find("c").has_value());
  // Larger than the whole budget: answered, not kept.
  EXPECT_EQ(cache.get_or_compute("big", [] { return std::string(200, 'x'); })->size(), 200u);
  EXPECT_FALSE(cache.find("big").has_value());
}

}  // namespace
}  // namespace axis::util
