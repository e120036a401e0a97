// AnswerCache: finished replies of read-only queries, kept by a key that names everything the
// reply depends on (the table, the endpoint, every parameter). The first request for a key
// computes the reply; requests for the same key that arrive meanwhile wait for that one
// computation instead of repeating it, and later ones get the stored reply. A computation that
// throws is not stored: its waiters get the same exception and the next request tries again.
// Replies are kept within a byte budget, least recently used dropped first. Thread-safe.
//
// Keys must change whenever the data behind them can: they name stored tables, which never
// change after they are written (a new upload is a new table).
#pragma once

#include <cstddef>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "util/lru_cache.h"

namespace axis::util {

class AnswerCache {
 public:
  using Answer = std::shared_ptr<const std::string>;

  explicit AnswerCache(std::size_t budget_bytes) : stored_(budget_bytes) {}

  // The stored answer for `key`, or the one `compute` returns (stored before returning).
  Answer get_or_compute(const std::string& key, const std::function<std::string()>& compute);

  // The stored answer for `key`, if any (does not wait for a computation in progress).
  std::optional<Answer> find(const std::string& key) { return stored_.get(key); }

 private:
  LruCache<Answer> stored_;
  std::mutex mutex_;
  std::unordered_map<std::string, std::shared_future<Answer>> running_;
};

}  // namespace axis::util
