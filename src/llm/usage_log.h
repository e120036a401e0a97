// UsageLog: every LLM call's tokens, attempts, outcome and time, kept in the store's _llm_usage
// table and summed for GET /api/ai/usage. record() only queues the call: a writer thread stores
// the queue in one statement per batch, so a call never waits for a store commit (a commit per
// call cost a judge run ~20 ms a call). Readers call flush() first to see every recorded call.
// Thread-safe; the destructor stores what is queued.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "llm/llm_client.h"

namespace axis::store { class Store; }

namespace axis::llm {

class UsageLog {
 public:
  explicit UsageLog(store::Store* store);  // null store: calls are only logged
  ~UsageLog();
  UsageLog(const UsageLog&) = delete;
  UsageLog& operator=(const UsageLog&) = delete;

  void record(const CallRecord& call) const;
  // Blocks until every call recorded before it is stored.
  void flush() const;
  // {"since_days", "totals":{calls, input_tokens, output_tokens}, "by_model":[...]} as JSON.
  std::string summary_json(int days) const;

 private:
  struct Queued {
    CallRecord call;
    std::int64_t called_at_us;  // microseconds since the epoch
  };
  void write_loop();
  void write(const std::vector<Queued>& batch) const;

  store::Store* store_;
  mutable std::mutex mutex_;
  mutable std::condition_variable changed_;
  mutable std::vector<Queued> pending_;
  mutable std::uint64_t queued_ = 0, written_ = 0;
  bool stopping_ = false;
  std::thread writer_;  // last: started once everything above exists
};

}  // namespace axis::llm
