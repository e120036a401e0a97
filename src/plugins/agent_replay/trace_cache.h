// TraceCache: the last traces fetched from Langfuse (an LRU of 10, each kept 5 minutes), so
// stepping through one trace's nodes and steps fetches it once. Thread-safe.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "util/lru_cache.h"

namespace axis::plugins::agent_replay {

using Json = nlohmann::ordered_json;

class TraceCache {
 public:
  using Clock = std::function<std::chrono::steady_clock::time_point()>;
  explicit TraceCache(std::size_t capacity = 10, std::chrono::seconds ttl = std::chrono::minutes(5),
                      Clock clock = std::chrono::steady_clock::now)
      : entries_(capacity), ttl_(ttl), clock_(std::move(clock)) {}

  // The trace stored under `key` within the TTL, or null.
  std::shared_ptr<const Json> get(const std::string& key);
  void put(const std::string& key, std::shared_ptr<const Json> trace);

 private:
  struct Entry {
    std::shared_ptr<const Json> trace;
    std::chrono::steady_clock::time_point stored;
  };
  util::LruCache<Entry> entries_;
  std::chrono::seconds ttl_;
  Clock clock_;
};

}  // namespace axis::plugins::agent_replay
