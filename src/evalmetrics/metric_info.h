// What the eval runner knows about a metric: its catalogue entry and the value one scoring
// gives back.
#pragma once

#include <string>
#include <vector>

namespace axis::evalmetrics {

struct ScoreRange {
  double low = 0, high = 1;
};

struct MetricInfo {
  std::string key, name, description;
  // Item field names as the spec writes them (query, actual_output, expected_output,
  // retrieved_content, latency, tools_called, expected_tools, acceptance_criteria,
  // conversation, actual_ranking, expected_reference, …); has_field (eval_item.h) reads them.
  std::vector<std::string> required_fields, optional_fields;
  double default_threshold = 0.5;
  ScoreRange score_range;
  std::vector<std::string> tags;
  bool is_llm_based = false;     // ⇔ no tag among heuristic/retrieval/tool/binary
  bool lower_is_better = false;  // latency: pass ⇔ value ≤ threshold
  // True when score_heuristic computes the score without a judge. Every metric with
  // !is_llm_based has one, and so has citation_presence: its tags make it LLM-based in the
  // catalogue (as the reference lists it), but it is scored by pattern matching.
  bool rule_based = false;
};

struct MetricScore {
  double score = 0;
  std::string reason;
};

// score ≥ threshold, or score ≤ threshold for a lower_is_better metric.
bool passes(const MetricInfo& info, double score, double threshold);

}  // namespace axis::evalmetrics
