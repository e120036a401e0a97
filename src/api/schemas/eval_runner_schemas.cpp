// /api/eval-runner (api/eval_runner_replies.cpp).
#include "api/schemas/reply_schemas.h"

namespace axis::api::schema {

Components eval_runner_schemas() {
  Components c;
  c.add("EvalMetric", object({{"key", str()},
                              {"name", str()},
                              {"description", str()},
                              {"required_fields", array_of(str())},
                              {"optional_fields", array_of(str())},
                              {"default_threshold", number()},
                              {"score_range", described(array_of(number()), "[low, high]")},
                              {"tags", array_of(str())},
                              {"is_llm_based", boolean()}}));
  c.add("EvalMetricsReply", object({{"success", boolean()}, {"metrics", array_of(ref("EvalMetric"))}}));
  c.add("EvalInputReply",
        object({{"success", boolean()},
                {"dataset", object({{"columns", array_of(str())},
                                    {"preview", array_of(map_of(str()))},
                                    {"row_count", integer()},
                                    {"data", described(array_of(map_of(str())), "Every row read (at most 10,000), as text")}})},
                {"suggested_mapping", described(map_of(nullable(str())), "Mapping key → the column chosen, or null")},
                {"message", str()}}));
  c.add("EvalConnectionReply", object({{"success", boolean()},
                                       {"sample_output", str()},
                                       {"error", nullable(str())},
                                       {"latency_ms", nullable(number())}}));
  c.add("EvalMetricResult", object({{"metric_key", str()},
                                    {"metric_name", str()},
                                    {"average_score", number()},
                                    {"median_score", number()},
                                    {"min_score", number()},
                                    {"max_score", number()},
                                    {"pass_rate", described(number(), "Share (0–1) of scored items that pass")},
                                    {"threshold", number()},
                                    {"passed", boolean()},
                                    {"scores", described(array_of(number()), "Of the listed items")},
                                    {"failed_calls", described(integer(), "Judge calls that failed for good")}}));
  c.add("EvalItemResult", object({{"item_id", str()},
                                  {"dataset_id", str()},
                                  {"query", str()},
                                  {"actual_output", str()},
                                  {"expected_output", str()},
                                  {"metric_scores", map_of(number())},
                                  {"metric_reasons", map_of(str())},
                                  {"passed", boolean()}}));
  c.add("EvalRunSummary",
        object({{"evaluation_name", str()},
                {"run_id", str()},
                {"dataset_id", described(nullable(str()), "The flat-format dataset the run was stored as")},
                {"total_items", integer()},
                {"metrics_count", integer()},
                {"average_score", number()},
                {"overall_pass_rate", number()},
                {"metric_results", array_of(ref("EvalMetricResult"))},
                {"item_results", described(array_of(ref("EvalItemResult")), "The first 1,000 items")},
                {"items_truncated", boolean()},
                {"dataframe_columns", array_of(str())},
                {"dataframe_records", described(array_of(ref("Row")), "The listed items' flat rows")}}));
  c.add("EvalRunReply", object({{"success", boolean()}, {"summary", ref("EvalRunSummary")}, {"message", str()}}));
  c.add("EvalRun", object({{"run_id", str()},
                           {"evaluation_name", str()},
                           {"status", one_of({"running", "completed", "failed", "cancelled", "interrupted"})},
                           {"total_items", integer()},
                           {"total_evaluations", integer()},
                           {"completed_evaluations", integer()},
                           {"metrics", array_of(str())},
                           {"created_at", str()},
                           {"finished_at", nullable(str())},
                           {"average_score", nullable(number())},
                           {"overall_pass_rate", nullable(number())},
                           {"dataset_id", nullable(str())},
                           {"error", nullable(str())},
                           {"usage", described(object({{"llm_calls", integer()},
                                                        {"input_tokens", integer()},
                                                        {"output_tokens", integer()}}),
                                               "Model calls made for the run (judge and agent)")}}));
  c.add("EvalRunsReply", object({{"success", boolean()}, {"runs", array_of(ref("EvalRun"))}}));
  c.add("EvalRunDetailReply", object({{"success", boolean()},
                                      {"run", ref("EvalRun")},
                                      {"summary", nullable(ref("EvalRunSummary"))}}));
  return c;
}

}  // namespace axis::api::schema
