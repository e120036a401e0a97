// The data of CaliberHQ (spec/ai.md §4): a judge's configuration, the records it judges, its
// verdicts next to the human's, and the agreement statistics between the two. Plain data.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace axis::align {

// A labelled example shown to the judge before the record it judges.
struct FewShotExample {
  std::string query;
  std::string actual_output;
  std::optional<std::string> expected_output;
  int score = 0;  // 0 | 1
  std::string reasoning;
};

struct JudgeConfig {
  std::string model = "gpt-4";
  std::string provider = "openai";  // openai | anthropic
  std::string system_prompt;        // holds the literal {evaluation_criteria}
  std::string evaluation_criteria;
  std::vector<FewShotExample> few_shot_examples;
  double temperature = 0.0;  // 0..2
  std::optional<std::string> name;
};

// One record of the uploaded file, reduced to what the judge reads.
struct AlignRecord {
  std::string id;  // `dataset_id`, else `id`
  std::string query;
  std::string actual_output;
  std::optional<std::string> expected_output;
};

struct AlignmentResult {
  std::string record_id;
  std::string query;
  std::string actual_output;
  std::optional<std::string> expected_output;
  int human_score = 0;
  int llm_score = 0;
  std::string llm_reasoning;
  bool is_aligned() const { return human_score == llm_score; }
};

// Human = truth, judge = prediction, 1 = positive.
struct ConfusionCounts {
  std::int64_t tp = 0, tn = 0, fp = 0, fn = 0;
  std::int64_t total() const { return tp + tn + fp + fn; }
};

struct Interval {
  double low = 0;
  double high = 0;
};

// Percentile bootstrap intervals of κ and F1 (statistics.h).
struct ConfidenceIntervals {
  Interval cohens_kappa;
  Interval f1_score;
  double level = 0.95;
  int resamples = 0;
  std::uint64_t seed = 0;
};

struct AlignmentMetrics {
  double cohens_kappa = 0;
  double f1_score = 0;
  double precision = 0;
  double recall = 0;
  double specificity = 0;
  double accuracy = 0;
  ConfusionCounts counts;  // confusion_matrix [[TN, FP], [FN, TP]]
  std::int64_t agreement_count() const { return counts.tp + counts.tn; }
  std::optional<ConfidenceIntervals> intervals;  // absent when there are no samples
};

}  // namespace axis::align
