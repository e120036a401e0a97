// /api/evaluation: scorecard, metric tree, cases and the model comparison
// (api/evaluation_routes.cpp; the case tables are SQL rows from analytics/case_service.cpp and
// analytics/comparison_service.cpp).
#include "api/schemas/reply_schemas.h"

namespace axis::api::schema {
namespace {

Json page_members(Json reply) {
  return extend(std::move(reply), {{"total", integer()}, {"page", integer()}, {"page_size", integer()}});
}

void add_scorecard(Components& c) {
  c.add("ScorecardNode",
        object({{"metric_name", str()},
                {"parent", nullable(str())},
                {"level", integer()},
                {"type", one_of({"category", "component", "sub-component", "metric"})},
                {"weight", number()},
                {"normalized_weight", number()},
                {"mean", number()},
                {"min", number()},
                {"max", number()},
                {"std", number()},
                {"count", integer()},
                {"histogram", described(array_of(integer()), "Counts of 5 equal score bins")},
                {"children", array_of(str())}}));
  c.add("ScorecardReply", object({{"success", boolean()},
                                  {"dataset_id", str()},
                                  {"evaluation_name", nullable(str())},
                                  {"experiments", array_of(str())},
                                  {"overall_score", number()},
                                  {"score_variance", number()},
                                  {"total_cases", integer()},
                                  {"metrics_count", integer()},
                                  {"components_count", integer()},
                                  {"nodes", array_of(ref("ScorecardNode"))}}));
  Json tree = object({{"name", str()},  {"type", str()}, {"weight", number()},
                      {"normalized_weight", number()}, {"score", number()}, {"median", number()},
                      {"min", number()}, {"max", number()}, {"p25", number()}, {"p75", number()},
                      {"std", number()}, {"count", integer()}, optional("explanation", str()),
                      {"children", array_of(ref("TreeNode"))}});
  c.add("TreeNode", std::move(tree));
  c.add("TreeReply", object({{"success", boolean()}, {"root", ref("TreeNode")}}));
}

void add_cases(Components& c) {
  c.add("MetricCase", object({{"dataset_id", str()},
                              {"evaluation_name", str()},
                              {"query", nullable(str())},
                              {"actual_output", nullable(str())},
                              {"score", nullable(number())},
                              {"explanation", nullable(str())}}));
  c.add("MetricCasesReply", page_members(object({{"success", boolean()},
                                                 {"metric", str()},
                                                 {"cases", array_of(ref("MetricCase"))}})));
  c.add("CaseMetric", object({{"metric_name", str()},
                              {"score", nullable(number())},
                              {"explanation", nullable(str())},
                              {"parent", nullable(str())},
                              {"metric_type", nullable(str())},
                              {"weight", number()}}));
  c.add("CaseDetail", object({{"dataset_id", str()},
                              {"evaluation_name", str()},
                              {"query", nullable(str())},
                              {"actual_output", nullable(str())},
                              {"expected_output", nullable(str())},
                              {"evaluation_metadata", nullable(str())},
                              {"data_metadata", nullable(str())},
                              {"overall_score", number()},
                              {"metrics", array_of(ref("CaseMetric"))}}));
  c.add("CaseReply", object({{"success", boolean()}, {"case", ref("CaseDetail")}}));
}

void add_comparison(Components& c) {
  c.add("SampleStats", object({{"mean", number()}, {"std", number()}, {"n", integer()}}));
  const Json side = one_of({"baseline", "challenger", "tie"});
  c.add("MetricComparison", object({{"metric", str()},
                                    {"baseline", ref("SampleStats")},
                                    {"challenger", ref("SampleStats")},
                                    {"difference", number()},
                                    {"percent_change", number()},
                                    {"cohens_d", number()},
                                    {"effect_size", one_of({"negligible", "small", "medium", "large"})},
                                    {"t_statistic", number()},
                                    {"df", number()},
                                    {"p_value", number()},
                                    {"stars", str()},
                                    {"significant", boolean()},
                                    {"winner", side}}));
  c.add("CompareSummary", object({{"winner", side},
                                  {"baseline_wins", integer()},
                                  {"challenger_wins", integer()},
                                  {"ties", integer()},
                                  {"significant_baseline_wins", integer()},
                                  {"significant_challenger_wins", integer()},
                                  {"avg_improvement", number()}}));
  c.add("CompareReply", object({{"success", boolean()},
                                {"baseline", str()},
                                {"challenger", str()},
                                {"experiments", array_of(str())},
                                {"metrics", array_of(ref("MetricComparison"))},
                                {"summary", ref("CompareSummary")}}));
  const Json winner = one_of({"Baseline", "Challenger", "Tie"});
  c.add("CompareCase", object({{"dataset_id", str()},
                               {"query", nullable(str())},
                               {"baseline_score", nullable(number())},
                               {"challenger_score", nullable(number())},
                               {"diff", nullable(number())},
                               {"winner", winner}}));
  c.add("CompareCasesReply",
        page_members(object({{"success", boolean()},
                             {"cases", array_of(ref("CompareCase"))},
                             {"counts", described(object({{"Baseline", integer()},
                                                          {"Challenger", integer()},
                                                          {"Tie", integer()}}),
                                                  "Cases per winner, before the winner filter")}})));
  c.add("WinLossReply", object({{"success", boolean()},
                                {"experiments", array_of(str())},
                                {"wins", described(map_of(integer()), "Cases won per experiment")},
                                {"ties", integer()},
                                {"cases_compared", integer()}}));
  c.add("AgreementPair", object({{"model1", str()}, {"model2", str()}, {"both_pass", integer()},
                                 {"both_fail", integer()}, {"model1_only", integer()},
                                 {"model2_only", integer()}, {"total", integer()}, {"rate", number()}}));
  c.add("AgreementReply", object({{"success", boolean()}, {"pairs", array_of(ref("AgreementPair"))}}));
}

void add_test_cases(Components& c) {
  c.add("TestCaseRow",
        object({{"dataset_id", str()},
                {"query", nullable(str())},
                {"scores", described(array_of(nullable(number())),
                                     "Score per experiment (the reply's experiments order): "
                                     "overall, or the chosen metric's")},
                {"mean", described(nullable(number()), "Mean score across experiments")},
                {"spread", described(nullable(number()), "Highest minus lowest score")},
                {"fields", described(array_of(nullable(str())),
                                     "The requested fields' values (the reply's fields order), "
                                     "cut to 300 characters")}}));
  c.add("ExperimentSpread", object({{"experiment", str()}, {"n", integer()}, {"mean", number()},
                                    {"min", number()}, {"q1", number()}, {"median", number()},
                                    {"q3", number()}, {"max", number()}}));
  c.add("MetadataFilterKey",
        object({{"key", str()},
                {"values", array_of(object({{"value", str()}, {"count", integer()}}))}}));
  c.add("CompareTestCasesReply",
        page_members(object(
            {{"success", boolean()},
             {"experiments", array_of(str())},
             {"kpis", object({{"test_cases", integer()},
                              {"experiments", integer()},
                              {"average_score", nullable(number())},
                              {"leading_experiment", nullable(str())},
                              {"leading_score", nullable(number())}})},
             {"distribution", array_of(ref("ExperimentSpread"))},
             {"metric_means", described(array_of(object({{"metric", str()},
                                                         {"means", array_of(nullable(number()))}})),
                                        "Each metric's mean score per experiment over the listed "
                                        "cases (null where none)")},
             {"metric", described(nullable(str()), "The metric scoring the cases, or null (overall)")},
             {"fields", array_of(str())},
             {"field_options", described(array_of(str()), "Columns `fields` may name")},
             {"metadata", array_of(ref("MetadataFilterKey"))},
             {"cases", array_of(ref("TestCaseRow"))}})));
}

}  // namespace

Components evaluation_schemas() {
  Components c;
  add_scorecard(c);
  add_cases(c);
  add_comparison(c);
  add_test_cases(c);
  return c;
}

}  // namespace axis::api::schema
