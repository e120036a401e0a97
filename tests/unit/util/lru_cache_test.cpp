// LruCache: recency order and the cost budget.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include "util/lru_cache.h"

namespace axis::util {
namespace {

TEST(LruCacheTest, KeepsTheMostRecentlyUsed) {
  LruCache<std::int64_t> cache(2);
  cache.put("a", 1);
  cache.put("b", 2);
  EXPECT_EQ(cache.get("a"), 1);  // a is now the most recent
  cache.put("c", 3);             // evicts b
  EXPECT_FALSE(cache.get("b").has_value());
  EXPECT_EQ(cache.get("a"), 1);
  EXPECT_EQ(cache.get("c"), 3);
  cache.put("c", 4);
  EXPECT_EQ(cache.get("c"), 4);
}

TEST(LruCacheTest, BudgetCountsTheCostOfEntries) {
  LruCache<std::string> cache(10);
  cache.put("a", "aaaa", 4);
  cache.put("b", "bbbb", 4);
  cache.put("c", "cccc", 4);  // 12 > 10: a goes
  EXPECT_FALSE(cache.get("a").has_value());
  EXPECT_EQ(cache.get("b"), "bbbb");
  cache.put("huge", "x", 11);  // more than the whole budget: not kept, nothing evicted
  EXPECT_FALSE(cache.get("huge").has_value());
  EXPECT_EQ(cache.get("c"), "cccc");
}

}  // namespace
}  // namespace axis::util
