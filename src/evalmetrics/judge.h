// The judge call of an LLM-judged metric: the prompt for one item, and the reading of the reply.
#pragma once

#include <string>
#include <string_view>

#include "evalmetrics/eval_item.h"
#include "evalmetrics/metric_info.h"

namespace axis::evalmetrics {

struct JudgePrompt {
  std::string system, user;
};

// The longest text (in characters) one labelled block of a judge prompt carries; longer item
// fields are cut there and end with "...", which bounds every judge request.
inline constexpr std::size_t kMaxBlockChars = 20000;

// system: the expert-evaluator instruction to reply with only {"score": 0–1, "reasoning": …}.
// user: the metric's one-line task, then a labelled block for each field it reads, in this
// order — "Query:", "Response:", "Context:" (retrieved_content, one "[n] chunk" per line),
// "Expected Output:", "Acceptance Criteria:", "Conversation:" — then what a score of 0.0 and
// of 1.0 mean for the metric. A metric the judge texts do not know gets a generic task built
// from its description and blocks for its required fields.
JudgePrompt judge_prompt(const MetricInfo& info, const EvalItem& item);

// The judge's reply read as {"score", "reasoning"}: Markdown fences are stripped, and when the
// text is not one JSON object, the span from its first '{' to its last '}' is tried. The score
// may be a number or a numeric string; it is clamped to [0, 1]. A missing or empty reasoning
// gives "No reasoning provided". Anything else (no object, no usable score) → score 0.5 and
// the reason "Failed to parse judge response: <the first 200 characters>".
MetricScore parse_judge_reply(std::string_view reply_text);

}  // namespace axis::evalmetrics
