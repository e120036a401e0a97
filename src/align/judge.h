// Running the judge over records: each record's chat (judge_prompt.h) sent to one provider by a
// small pool of threads, at most `concurrency` calls in flight, results in the records' order.
#pragma once

#include <vector>

#include "align/align_types.h"

namespace axis::llm { class LlmClient; }

namespace axis::align {

inline constexpr int kJudgeConcurrency = 5;

// A record to judge and the human's label for it.
struct JudgeItem {
  AlignRecord record;
  int human_score = 0;
};

// Judges every item with `config` (its model already fitted to the client's provider). A call
// that fails for good (after the client's retries) is judged 0 with the failure as reasoning;
// a reply that cannot be read likewise (parse_judge_reply). Blocks until every call is done;
// calls are logged under the feature "align". Thread-safe.
std::vector<AlignmentResult> run_judge(const llm::LlmClient& client, const JudgeConfig& config,
                                       const std::vector<JudgeItem>& items,
                                       int concurrency = kJudgeConcurrency);

}  // namespace axis::align
