// Scores of the metrics computed without a judge (MetricInfo::rule_based).
#pragma once

#include <string>
#include <vector>

#include "evalmetrics/eval_item.h"
#include "evalmetrics/metric_info.h"

namespace axis::evalmetrics {

// The score of a rule-based metric (every !is_llm_based one, and citation_presence) for one
// item, with a reason saying how it came about. A required field the item lacks (has_field)
// scores 0 with the reason "Missing required field: <name>" — except tool_correctness, which
// scores empty lists itself (both empty → 1, nothing expected but something called → 0). An
// LLM-judged metric scores 0 with a reason saying it needs a judge. Definitions:
// docs/eval-metrics.md.
MetricScore score_heuristic(const MetricInfo& info, const EvalItem& item);

// The longest response length_constraint accepts, in characters (code points).
inline constexpr std::size_t kMaxResponseChars = 2800;

// |expected ∩ called| / |expected| over the distinct tool names (each list element split
// further with split_list, names trimmed, case-sensitive); 1 when both are empty, 0 when only
// `expected` is. Not rounded.
double tool_correctness(const std::vector<std::string>& called,
                        const std::vector<std::string>& expected);

}  // namespace axis::evalmetrics
