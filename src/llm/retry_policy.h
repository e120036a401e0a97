// When to retry a call to an LLM provider: on 429 and 5xx (and on a connection that failed
// before any byte of the answer arrived), at most `max_attempts` tries in all, waiting what
// the provider's Retry-After asks for (seconds or an HTTP date, capped), otherwise an
// exponential backoff with full jitter.
#pragma once

#include <chrono>
#include <optional>
#include <string_view>

namespace axis::llm {

struct RetryPolicy {
  int max_attempts = 3;
  std::chrono::milliseconds base_delay{500};
  std::chrono::milliseconds max_delay{20000};

  // True when a failed attempt with this HTTP status (0 = no answer at all) may be retried.
  static bool retryable_status(int status);

  // The wait before attempt `next_attempt` (2 for the first retry). `retry_after` is the
  // header's value when the provider sent one; `unit_random` is a number in [0, 1) for the
  // jitter; `now` reads HTTP dates.
  std::chrono::milliseconds delay(int next_attempt, std::optional<std::string_view> retry_after,
                                  double unit_random,
                                  std::chrono::system_clock::time_point now) const;
};

// A Retry-After value: delta-seconds ("120", fractions allowed) or an IMF-fixdate ("Wed, 21
// Oct 2026 07:28:00 GMT"), as the wait from `now` (never negative). nullopt when unreadable.
std::optional<std::chrono::milliseconds> parse_retry_after(
    std::string_view value, std::chrono::system_clock::time_point now);

}  // namespace axis::llm
