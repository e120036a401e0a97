#include "align/align_json.h"

#include <nlohmann/json.hpp>

#include "align/statistics.h"
#include "util/json_text.h"

namespace axis::align {

Json few_shot_json(const FewShotExample& e) {
  return {{"query", e.query},
          {"actual_output", e.actual_output},
          {"expected_output", util::json_or_null(e.expected_output)},
          {"score", e.score},
          {"reasoning", e.reasoning}};
}

Json judge_config_json(const JudgeConfig& c) {
  Json examples = Json::array();
  for (const auto& e : c.few_shot_examples) examples.push_back(few_shot_json(e));
  return {{"model", c.model},
          {"provider", c.provider},
          {"system_prompt", c.system_prompt},
          {"evaluation_criteria", c.evaluation_criteria},
          {"few_shot_examples", examples},
          {"temperature", c.temperature},
          {"name", util::json_or_null(c.name)}};
}

Json result_json(const AlignmentResult& r) {
  return {{"record_id", r.record_id},
          {"query", r.query},
          {"actual_output", r.actual_output},
          {"expected_output", util::json_or_null(r.expected_output)},
          {"human_score", r.human_score},
          {"llm_score", r.llm_score},
          {"llm_reasoning", r.llm_reasoning},
          {"is_aligned", r.is_aligned()}};
}

Json results_json(const std::vector<AlignmentResult>& results) {
  Json out = Json::array();
  for (const auto& r : results) out.push_back(result_json(r));
  return out;
}

Json metrics_json(const AlignmentMetrics& m) {
  const auto& c = m.counts;
  Json intervals = nullptr;
  if (m.intervals) {
    const auto& ci = *m.intervals;
    intervals = {{"cohens_kappa", {{"low", round4(ci.cohens_kappa.low)}, {"high", round4(ci.cohens_kappa.high)}}},
                 {"f1_score", {{"low", round4(ci.f1_score.low)}, {"high", round4(ci.f1_score.high)}}},
                 {"level", ci.level},
                 {"resamples", ci.resamples},
                 {"seed", ci.seed}};
  }
  return {{"cohens_kappa", round4(m.cohens_kappa)},
          {"f1_score", round4(m.f1_score)},
          {"precision", round4(m.precision)},
          {"recall", round4(m.recall)},
          {"specificity", round4(m.specificity)},
          {"accuracy", round4(m.accuracy)},
          {"confusion_matrix", Json::array({Json::array({c.tn, c.fp}), Json::array({c.fn, c.tp})})},
          {"total_samples", c.total()},
          {"agreement_count", m.agreement_count()},
          {"confidence_intervals", intervals}};
}

}  // namespace axis::align
