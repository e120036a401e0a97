#include "util/answer_cache.h"

namespace axis::util {

AnswerCache::Answer AnswerCache::get_or_compute(const std::string& key,
                                                const std::function<std::string()>& compute) {
  std::promise<Answer> promise;
  {
    std::unique_lock lock(mutex_);
    // Looked up under the lock: a computation stores its answer before it leaves running_,
    // so a request sees one or the other.
    if (auto stored = stored_.get(key)) return *stored;
    if (auto it = running_.find(key); it != running_.end()) {
      std::shared_future<Answer> pending = it->second;
      lock.unlock();
      return pending.get();
    }
    running_.emplace(key, promise.get_future().share());
  }
  auto finish = [&](auto&& settle) {
    std::lock_guard lock(mutex_);
    settle();
    running_.erase(key);
  };
  try {
    auto answer = std::make_shared<const std::string>(compute());
    finish([&] {
      stored_.put(key, answer, answer->size() + key.size());
      promise.set_value(answer);
    });
    return answer;
  } catch (...) {
    finish([&] { promise.set_exception(std::current_exception()); });
    throw;
  }
}

}  // namespace axis::util
