// The wording of each LLM-judged metric's task for the judge.
#pragma once

#include <string_view>

namespace axis::evalmetrics {

struct JudgeTask {
  std::string_view key;
  std::string_view task;  // one line: what to judge
  std::string_view zero;  // what a score of 0.0 means
  std::string_view one;   // what a score of 1.0 means
};

// The task of the metric with this key; null when the texts have none for it.
const JudgeTask* find_judge_task(std::string_view key);

}  // namespace axis::evalmetrics
