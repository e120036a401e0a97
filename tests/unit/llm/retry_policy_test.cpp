// Retry decisions for LLM provider calls: which statuses retry, Retry-After in both forms,
// and the jittered exponential backoff with its cap.
#include <gtest/gtest.h>

#include "llm/retry_policy.h"

namespace axis::llm {
namespace {

using std::chrono::milliseconds;
using std::chrono::system_clock;

// Wed, 21 Oct 2026 07:28:00 GMT
const system_clock::time_point kNow = system_clock::from_time_t(1792567680);

TEST(RetryPolicy, RetriesRateLimitsServerErrorsAndLostConnections) {
  for (int s : {0, 408, 429, 500, 502, 503, 504}) EXPECT_TRUE(RetryPolicy::retryable_status(s)) << s;
  for (int s : {200, 400, 401, 403, 404, 422}) EXPECT_FALSE(RetryPolicy::retryable_status(s)) << s;
}

TEST(RetryPolicy, ReadsRetryAfterSecondsAndDates) {
  EXPECT_EQ(parse_retry_after("7", kNow), milliseconds(7000));
  EXPECT_EQ(parse_retry_after(" 1.5 ", kNow), milliseconds(1500));
  EXPECT_EQ(parse_retry_after("Wed, 21 Oct 2026 07:28:30 GMT", kNow), milliseconds(30000));
  EXPECT_EQ(parse_retry_after("Wed, 21 Oct 2026 07:27:00 GMT", kNow), milliseconds(0));  // past
  EXPECT_FALSE(parse_retry_after("", kNow));
  EXPECT_FALSE(parse_retry_after("soon", kNow));
  EXPECT_FALSE(parse_retry_after("-3", kNow));
  EXPECT_FALSE(parse_retry_after("1.2.3", kNow));
}

TEST(RetryPolicy, RetryAfterWinsButIsCapped) {
  RetryPolicy p;
  EXPECT_EQ(p.delay(2, "3", 0.99, kNow), milliseconds(3000));
  EXPECT_EQ(p.delay(2, "3600", 0.5, kNow), p.max_delay);
  // An unreadable header falls back to the backoff.
  EXPECT_EQ(p.delay(2, "later", 0.5, kNow), milliseconds(250));
}

TEST(RetryPolicy, BackoffDoublesWithFullJitterUpToTheCap) {
  RetryPolicy p;  // base 500 ms, cap 20 s
  EXPECT_EQ(p.delay(2, std::nullopt, 0.5, kNow), milliseconds(250));   // [0, 500)
  EXPECT_EQ(p.delay(3, std::nullopt, 0.5, kNow), milliseconds(500));   // [0, 1000)
  EXPECT_EQ(p.delay(4, std::nullopt, 0.5, kNow), milliseconds(1000));  // [0, 2000)
  EXPECT_EQ(p.delay(20, std::nullopt, 0.5, kNow), milliseconds(10000));  // capped at 20 s
  EXPECT_EQ(p.delay(3, std::nullopt, 0.0, kNow), milliseconds(0));
}

}  // namespace
}  // namespace axis::llm
