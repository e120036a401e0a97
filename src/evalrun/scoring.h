// Scoring one run: every (item, metric) pair still to score, rule-based metrics computed here
// and LLM-judged ones sent to the judge model by `max_concurrent` threads at once (each call
// retried by the client as usual). Results are handed back in batches, as they come, so the
// caller can store them and report progress; a judge call that fails for good gives a result
// with no score, and calls cut short by cancellation give none (they stay to be scored).
// Blocking; one Scoring per run.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "evalmetrics/metric_info.h"
#include "evalrun/run_items.h"
#include "evalrun/run_store.h"

namespace axis::llm { class LlmClient; }

namespace axis::evalrun {

struct ScoringTask {
  std::size_t item;  // position in the items vector
  const evalmetrics::MetricInfo* metric;
};

struct ScoringSetup {
  const llm::LlmClient* judge = nullptr;  // needed when a task is LLM-judged
  std::string judge_model;
  int max_concurrent = 5;
  std::string run_id;  // for the usage log
};

struct ScoringHooks {
  // Called on the calling thread with each batch of finished results (at most every 0.5 s, and
  // once more at the end).
  std::function<void(std::vector<ScoreRow>&&)> on_batch;
  std::function<bool()> cancelled;
};

// Scores `tasks` over `items`. Returns when every task is done or, after cancellation, when the
// calls in flight have stopped.
void score_tasks(const std::vector<RunItem>& items, const std::vector<ScoringTask>& tasks,
                 const ScoringSetup& setup, const ScoringHooks& hooks);

}  // namespace axis::evalrun
