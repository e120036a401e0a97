// CaliberHQ's data as JSON, the shapes docs/api.md gives for /api/align: used for replies and
// for the JSON text kept in the store. Numbers of metrics are rounded to 4 places (round4).
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <vector>

#include "align/align_types.h"

namespace axis::align {

using Json = nlohmann::ordered_json;

// {model, provider, system_prompt, evaluation_criteria, few_shot_examples[{query, actual_output,
// expected_output (null when absent), score, reasoning}], temperature, name (null when absent)}.
Json judge_config_json(const JudgeConfig& config);
Json few_shot_json(const FewShotExample& example);
// {record_id, query, actual_output, expected_output|null, human_score, llm_score, llm_reasoning,
// is_aligned}.
Json result_json(const AlignmentResult& result);
Json results_json(const std::vector<AlignmentResult>& results);
// {cohens_kappa, f1_score, precision, recall, specificity, accuracy, confusion_matrix
// [[TN,FP],[FN,TP]], total_samples, agreement_count, confidence_intervals|null}.
Json metrics_json(const AlignmentMetrics& metrics);

}  // namespace axis::align
