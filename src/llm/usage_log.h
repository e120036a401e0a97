// UsageLog: every LLM call's tokens, attempts, outcome and time, kept in the store's _llm_usage
// table and summed for GET /api/ai/usage. Thread-safe.
#pragma once

#include <string>

#include "llm/llm_client.h"

namespace axis::store { class Store; }

namespace axis::llm {

class UsageLog {
 public:
  explicit UsageLog(store::Store* store) : store_(store) {}  // null store: calls are only logged
  void record(const CallRecord& call) const;
  // {"since_days", "totals":{calls, input_tokens, output_tokens}, "by_model":[...]} as JSON.
  std::string summary_json(int days) const;

 private:
  store::Store* store_;
};

}  // namespace axis::llm
