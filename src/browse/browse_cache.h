// What store browsing remembers between requests: row counts of filters, time bounds of
// tables, the rows of small searches and each table's metadata. Stored datasets never change
// (a new upload is a new table, and a deleted one's name is never reused), so an entry stays
// true; past a budget the least recently used entries are dropped. Keys name tables, so one
// process must never store other rows under a table name it has browsed (the catalog never
// does). Thread-safe.
#pragma once

#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "store/value.h"

namespace axis::browse {

template <class V>
class LruCache {
 public:
  // `budget` is the total cost the entries may have (see put).
  explicit LruCache(std::size_t budget) : budget_(budget) {}

  std::optional<V> get(const std::string& key) {
    std::lock_guard lock(mutex_);
    auto it = index_.find(key);
    if (it == index_.end()) return std::nullopt;
    order_.splice(order_.begin(), order_, it->second);
    return it->second->value;
  }

  // Stores `value` at `cost` (1 for a number, the byte size for text); an entry costing more
  // than the whole budget is not kept.
  void put(const std::string& key, V value, std::size_t cost = 1) {
    std::lock_guard lock(mutex_);
    if (auto it = index_.find(key); it != index_.end()) {
      used_ -= it->second->cost;
      order_.erase(it->second);
      index_.erase(it);
    }
    if (cost > budget_) return;
    order_.push_front({key, std::move(value), cost});
    index_[key] = order_.begin();
    used_ += cost;
    while (used_ > budget_) {
      used_ -= order_.back().cost;
      index_.erase(order_.back().key);
      order_.pop_back();
    }
  }

 private:
  struct Entry {
    std::string key;
    V value;
    std::size_t cost;
  };
  std::size_t budget_, used_ = 0;
  std::mutex mutex_;
  std::list<Entry> order_;  // most recently used first
  std::unordered_map<std::string, typename std::list<Entry>::iterator> index_;
};

// The rows of a small search, as JSON objects in page order.
using RowList = std::shared_ptr<const std::vector<std::string>>;

// The process-wide caches: counts and time bounds (4096 entries), the rows of searches that
// match few rows (64 MiB of JSON), and metadata replies (8 MiB).
LruCache<std::int64_t>& counts_cache();
LruCache<RowList>& rows_cache();
LruCache<std::string>& metadata_cache();

// A key naming a query exactly: its kind, table, SQL and bound values.
std::string cache_key(const std::string& kind, const std::string& table, const std::string& sql,
                      const std::vector<store::Value>& values);

}  // namespace axis::browse
