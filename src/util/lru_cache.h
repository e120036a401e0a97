// LruCache: a thread-safe map from text keys to values that keeps the most recently used
// entries within a budget of total cost (an entry count, or bytes for text).
#pragma once

#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace axis::util {

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

  void clear() {
    std::lock_guard lock(mutex_);
    order_.clear();
    index_.clear();
    used_ = 0;
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

}  // namespace axis::util
