// /api/align replies (api/align_routes.cpp, api/align_store_routes.cpp, align/align_json.cpp).
#include "api/schemas/reply_schemas.h"

namespace axis::api::schema {

Components align_schemas() {
  Components c;
  const Json interval = object({{"low", number()}, {"high", number()}});
  c.add("AlignMetrics",
        object({{"cohens_kappa", number()},
                {"f1_score", number()},
                {"precision", number()},
                {"recall", number()},
                {"specificity", number()},
                {"accuracy", number()},
                {"confusion_matrix", described(array_of(array_of(integer())), "[[TN, FP], [FN, TP]]")},
                {"total_samples", integer()},
                {"agreement_count", integer()},
                {"confidence_intervals",
                 described(nullable(object({{"cohens_kappa", interval},
                                            {"f1_score", interval},
                                            {"level", number()},
                                            {"resamples", integer()},
                                            {"seed", integer()}})),
                           "Percentile bootstrap intervals; null without samples")}}));
  c.add("AlignResult", object({{"record_id", str()},
                               {"query", str()},
                               {"actual_output", str()},
                               {"expected_output", nullable(str())},
                               {"human_score", integer()},
                               {"llm_score", integer()},
                               {"llm_reasoning", str()},
                               {"is_aligned", boolean()}}));
  c.add("AlignFewShotExample", object({{"query", str()},
                                       {"actual_output", str()},
                                       {"expected_output", nullable(str())},
                                       {"score", integer()},
                                       {"reasoning", str()}}));
  c.add("AlignJudgeConfig", object({{"model", str()},
                                    {"provider", one_of({"openai", "anthropic"})},
                                    {"system_prompt", str()},
                                    {"evaluation_criteria", str()},
                                    {"few_shot_examples", array_of(ref("AlignFewShotExample"))},
                                    {"temperature", number()},
                                    {"name", nullable(str())}}));
  c.add("AlignEvaluateReply", object({{"success", boolean()},
                                      {"results", array_of(ref("AlignResult"))},
                                      {"metrics", ref("AlignMetrics")},
                                      {"message", str()},
                                      {"run_id", described(nullable(str()), "The stored run; null without a store")}}));
  c.add("AlignMetricsReply", object({{"success", boolean()}, {"metrics", ref("AlignMetrics")}}));
  c.add("AlignAnalysisReply",
        object({{"success", boolean()},
                {"analysis", object({{"total_misaligned", integer()},
                                     {"false_positives", integer()},
                                     {"false_negatives", integer()},
                                     {"patterns", array_of(object({{"pattern_type", one_of({"false_positive", "false_negative"})},
                                                                   {"description", str()},
                                                                   {"count", integer()},
                                                                   {"examples", array_of(str())}}))},
                                     {"summary", str()},
                                     {"recommendations", array_of(str())}})}}));
  c.add("AlignOptimizeReply",
        object({{"success", boolean()},
                {"optimized", object({{"original_prompt", str()},
                                      {"optimized_prompt", str()},
                                      {"evaluation_criteria", str()},
                                      {"suggestions", array_of(object({{"aspect", str()},
                                                                       {"suggestion", str()},
                                                                       {"rationale", str()}}))},
                                      {"expected_improvement", str()}})},
                {"message", str()}}));
  c.add("AlignSuggestReply", object({{"success", boolean()},
                                     {"examples", array_of(ref("AlignFewShotExample"))},
                                     {"strategy_used", one_of({"balanced", "recent", "edge_cases"})},
                                     {"message", str()}}));
  c.add("AlignLearning", object({{"title", str()},
                                 {"content", str()},
                                 {"tags", array_of(str())},
                                 {"confidence", number()},
                                 {"supporting_item_ids", array_of(str())},
                                 {"recommended_actions", array_of(str())},
                                 {"counterexamples", array_of(str())},
                                 optional("scope", str()),
                                 optional("when_not_to_apply", str())}));
  c.add("AlignClusterReply",
        object({{"success", boolean()},
                {"patterns", array_of(object({{"category", str()},
                                              {"count", integer()},
                                              {"examples", array_of(str())},
                                              {"record_ids", array_of(str())}}))},
                {"uncategorized", array_of(str())},
                {"learnings", array_of(ref("AlignLearning"))},
                {"pipeline_metadata", object({{"filtered_count", integer()},
                                              {"deduplicated_count", integer()},
                                              {"validation_repairs", integer()},
                                              {"total_analyzed", integer()},
                                              {"clustering_method", str()}})},
                {"message", str()}}));
  c.add("AlignModelsReply", object({{"success", boolean()},
                                    {"models", array_of(object({{"id", str()},
                                                                {"name", str()},
                                                                {"provider", one_of({"openai", "anthropic"})},
                                                                {"context_window", integer()},
                                                                {"supports_function_calling", boolean()}}))}}));
  c.add("AlignDefaultsReply", object({{"system_prompt", str()}, {"evaluation_criteria", str()}}));
  c.add("AlignStatusReply", object({{"configured", boolean()},
                                    {"providers", object({{"openai", boolean()}, {"anthropic", boolean()}})},
                                    {"saved_configs_count", integer()}}));
  c.add("AlignSaveConfigReply", object({{"success", boolean()}, {"config_id", str()}, {"message", str()}}));
  c.add("AlignSavedConfig", object({{"id", str()},
                                    {"name", str()},
                                    {"config", ref("AlignJudgeConfig")},
                                    {"created_at", str()},
                                    {"updated_at", str()},
                                    {"metrics", nullable(map_of(any()))}}));
  c.add("AlignConfigsReply", object({{"success", boolean()}, {"configs", array_of(ref("AlignSavedConfig"))}}));
  const Json run = object({{"run_id", str()},
                           {"created_at", str()},
                           {"name", nullable(str())},
                           {"model", str()},
                           {"provider", str()},
                           {"total_samples", integer()},
                           {"metrics", ref("AlignMetrics")}});
  c.add("AlignRunSummary", run);
  c.add("AlignRunsReply", object({{"success", boolean()}, {"runs", array_of(ref("AlignRunSummary"))}}));
  c.add("AlignRunReply", object({{"success", boolean()},
                                 {"run", extend(run, {{"judge_config", ref("AlignJudgeConfig")},
                                                      {"results", array_of(ref("AlignResult"))}})}}));
  c.add("AlignLabelsSavedReply", object({{"success", boolean()}, {"saved", integer()}}));
  c.add("AlignLabelsReply", object({{"success", boolean()},
                                    {"dataset_key", str()},
                                    {"annotations", map_of(object({{"score", integer()}, {"notes", nullable(str())}}))}}));
  return c;
}

}  // namespace axis::api::schema
