#include "llm/retry_policy.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <ctime>
#include <string>

namespace axis::llm {
namespace {

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::optional<std::chrono::system_clock::time_point> parse_http_date(std::string_view value) {
  std::tm tm{};
  const std::string text(value);
  const char* end = strptime(text.c_str(), "%a, %d %b %Y %H:%M:%S GMT", &tm);
  if (end == nullptr || *end != '\0') return std::nullopt;
  const std::time_t t = timegm(&tm);
  if (t == static_cast<std::time_t>(-1)) return std::nullopt;
  return std::chrono::system_clock::from_time_t(t);
}

}  // namespace

bool RetryPolicy::retryable_status(int status) {
  return status == 0 || status == 408 || status == 429 || (status >= 500 && status <= 599);
}

std::optional<std::chrono::milliseconds> parse_retry_after(
    std::string_view value, std::chrono::system_clock::time_point now) {
  value = trimmed(value);
  if (value.empty()) return std::nullopt;
  if (value.find_first_not_of("0123456789.") == std::string_view::npos) {
    char* end = nullptr;
    const std::string text(value);
    const double seconds = std::strtod(text.c_str(), &end);
    if (end == nullptr || *end != '\0' || !std::isfinite(seconds) || seconds < 0) return std::nullopt;
    return std::chrono::milliseconds(static_cast<long long>(std::llround(seconds * 1000)));
  }
  if (auto at = parse_http_date(value)) {
    return std::max(std::chrono::milliseconds(0),
                    std::chrono::duration_cast<std::chrono::milliseconds>(*at - now));
  }
  return std::nullopt;
}

std::chrono::milliseconds RetryPolicy::delay(int next_attempt,
                                             std::optional<std::string_view> retry_after,
                                             double unit_random,
                                             std::chrono::system_clock::time_point now) const {
  if (retry_after) {
    if (auto asked = parse_retry_after(*retry_after, now)) return std::min(*asked, max_delay);
  }
  // Full jitter: a random wait in [0, min(max, base * 2^(retry - 1))).
  const int retry = std::max(1, next_attempt - 1);
  const double ceiling = std::min(static_cast<double>(max_delay.count()),
                                  static_cast<double>(base_delay.count()) * std::pow(2.0, retry - 1));
  const double fraction = std::clamp(unit_random, 0.0, 1.0);
  return std::chrono::milliseconds(static_cast<long long>(ceiling * fraction));
}

}  // namespace axis::llm
