// The values inside a Langfuse observation as the replay views show them: secrets redacted,
// long text truncated, timestamps read.
#pragma once

#include <nlohmann/json.hpp>  // a Json member

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace axis::plugins::agent_replay {

using Json = nlohmann::ordered_json;

inline constexpr std::string_view kTruncatedMark = " [...truncated]";

// True when a key names a secret: (^|[_-])(api[_-]?key|token|secret|password|credential|
// authorization|bearer)($|[_-]), case-insensitive.
bool is_secret_key(std::string_view key);

// `value` with every member of an object whose key names a secret replaced by "[REDACTED]",
// recursing into nested objects (not into arrays).
Json redact(const Json& value);

struct Truncated {
  Json value;
  bool truncated = false;
};
// A string longer than max_chars characters becomes its first max_chars plus " [...truncated]";
// an object or array whose JSON text is longer becomes that text cut the same way. Characters
// are UTF-8 code points.
Truncated truncate_value(const Json& value, std::size_t max_chars);

// Milliseconds since the epoch of an ISO 8601 timestamp ("2026-01-05T10:00:00.250Z", offsets
// allowed); nullopt when unreadable.
std::optional<double> parse_time_ms(std::string_view text);

}  // namespace axis::plugins::agent_replay
