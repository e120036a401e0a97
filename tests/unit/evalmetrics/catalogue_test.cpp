// The metric catalogue against the spec's table, the item fields, list cells and the column
// mapping suggestion.
#include "evalmetrics/catalogue.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "evalmetrics/column_mapping.h"
#include "evalmetrics/eval_item.h"

namespace axis::evalmetrics {
namespace {

struct CatalogueRow {
  const char* key;
  std::vector<std::string> required;
  double threshold;
  bool llm;
};

// Spec ai.md §3 "Metrics" (q = query, a = actual_output, e = expected_output,
// r = retrieved_content).
const std::vector<CatalogueRow>& catalogue_spec() {
  const std::string q = "query", a = "actual_output", e = "expected_output",
                    r = "retrieved_content";
  static const std::vector<CatalogueRow> rows = {
      {"answer_completeness", {q, a, e}, 0.5, true},
      {"answer_conciseness", {a, e}, 0.8, true},
      {"answer_criteria", {q, a, "acceptance_criteria"}, 0.5, true},
      {"answer_relevancy", {q, a}, 0.5, true},
      {"citation_presence", {a}, 0.5, true},
      {"citation_relevancy", {q, a}, 0.8, true},
      {"contains_match", {a, e}, 0.5, false},
      {"contextual_precision", {q, e, r}, 0.5, true},
      {"contextual_ranking", {q, r}, 0.5, true},
      {"contextual_recall", {e, r}, 0.5, true},
      {"contextual_relevancy", {q, r}, 0.5, true},
      {"contextual_sufficiency", {q, r}, 0.5, true},
      {"contextual_utilization", {q, a, r}, 0.5, true},
      {"conversation_efficiency", {"conversation"}, 0.5, true},
      {"conversation_flow", {"conversation"}, 0.7, true},
      {"exact_string_match", {a, e}, 0.5, false},
      {"factual_accuracy", {q, a, e}, 0.8, true},
      {"faithfulness", {q, a, r}, 0.5, true},
      {"goal_completion", {"conversation"}, 0.5, true},
      {"hit_rate_at_k", {"actual_ranking", "expected_reference"}, 0.5, false},
      {"latency", {"latency"}, 5.0, false},
      {"length_constraint", {}, 1.0, false},
      {"levenshtein_ratio", {a, e}, 0.2, false},
      {"mean_reciprocal_rank", {"actual_ranking", "expected_reference"}, 0.5, false},
      {"ndcg_at_k", {"actual_ranking", "expected_reference"}, 0.5, false},
      {"persona_tone_adherence", {"conversation"}, 0.5, true},
      {"pii_leakage", {q, a}, 0.5, true},
      {"pii_leakage_(heuristic)", {q, a}, 0.8, false},
      {"precision_at_k", {"actual_ranking", "expected_reference"}, 0.5, false},
      {"recall_at_k", {"actual_ranking", "expected_reference"}, 0.5, false},
      {"sentence_bleu", {a, e}, 0.5, false},
      {"tone_style_consistency", {a, e}, 0.8, true},
      {"tool_correctness", {"tools_called", "expected_tools"}, 0.5, false},
  };
  return rows;
}

TEST(EvalMetricsCatalogueTest, EverySpecMetricWithItsFieldsAndThreshold) {
  const auto& all = catalogue();
  ASSERT_EQ(all.size(), catalogue_spec().size());
  for (std::size_t n = 0; n < all.size(); ++n) {
    const CatalogueRow& want = catalogue_spec()[n];  // the table is in key order too
    const MetricInfo& got = all[n];
    EXPECT_EQ(got.key, want.key);
    EXPECT_EQ(got.required_fields, want.required) << want.key;
    EXPECT_EQ(got.default_threshold, want.threshold) << want.key;
    EXPECT_EQ(got.is_llm_based, want.llm) << want.key;
    EXPECT_EQ(find_metric(want.key), &got);
    EXPECT_FALSE(got.name.empty());
    EXPECT_FALSE(got.description.empty());
  }
  EXPECT_EQ(find_metric("contextual_recall")->name, "ContextualRecall");
  EXPECT_EQ(find_metric("nonexistent"), nullptr);
}

TEST(EvalMetricsCatalogueTest, SortedAndTaggedByTheRule) {
  const auto& all = catalogue();
  EXPECT_TRUE(std::is_sorted(all.begin(), all.end(), [](const MetricInfo& x, const MetricInfo& y) {
    return x.key < y.key;
  }));
  for (const MetricInfo& info : all) {
    EXPECT_EQ(info.is_llm_based, !has_non_llm_tag(info.tags)) << info.key;
    // Rule-based: every non-LLM metric, and citation_presence.
    EXPECT_EQ(info.rule_based, !info.is_llm_based || info.key == "citation_presence") << info.key;
    EXPECT_EQ(info.lower_is_better, info.key == "latency") << info.key;
  }
  EXPECT_TRUE(has_non_llm_tag({"llm", "tool"}));
  EXPECT_FALSE(has_non_llm_tag({"llm", "rag"}));
}

TEST(EvalMetricsCatalogueTest, HasFieldMeansPresentAndNotBlank) {
  EvalItem item;
  item.query = "  ";
  item.actual_output = "x";
  item.retrieved_content = {" ", ""};
  EXPECT_FALSE(has_field(item, "query"));
  EXPECT_TRUE(has_field(item, "actual_output"));
  EXPECT_FALSE(has_field(item, "retrieved_content"));
  EXPECT_FALSE(has_field(item, "latency"));
  item.latency = 0.0;
  EXPECT_TRUE(has_field(item, "latency"));
  EXPECT_FALSE(has_field(item, "actual_ranking"));
  item.retrieved_content = {"chunk"};
  EXPECT_TRUE(has_field(item, "actual_ranking"));  // falls back to retrieved_content
  EXPECT_FALSE(has_field(item, "actual_reference"));
  EXPECT_FALSE(has_field(item, "no_such_field"));
}

TEST(EvalMetricsCatalogueTest, SplitListReadsJsonPythonAndPlainLists) {
  using V = std::vector<std::string>;
  EXPECT_EQ(split_list(R"(["search", " lookup ", "", 3, {"a":1}])"), (V{"search", "lookup", "3", R"({"a":1})"}));
  EXPECT_EQ(split_list("['a, b', 'c']"), (V{"a, b", "c"}));
  EXPECT_EQ(split_list("search, lookup\nanswer,,"), (V{"search", "lookup", "answer"}));
  EXPECT_EQ(split_list("[not json"), (V{"[not json"}));
  EXPECT_EQ(split_list("  "), V{});
  EXPECT_EQ(split_list("single"), V{"single"});
}

std::optional<std::string> mapping_of(
    const std::vector<std::pair<std::string, std::optional<std::string>>>& mapping,
    const std::string& key) {
  for (const auto& [k, column] : mapping)
    if (k == key) return column;
  ADD_FAILURE() << "no mapping key " << key;
  return std::nullopt;
}

TEST(EvalMetricsCatalogueTest, SuggestMappingUsesTheSpecAliases) {
  const std::vector<std::string> columns = {
      "ID", "Question", "Response", "Ground_Truth", "Context", "messages", "time_ms", "Tools",
      "required_tools", "criteria", "document", "citation", "gold_reference", "TraceID",
      "langfuse_id"};
  const auto mapping = suggest_mapping(columns);
  std::vector<std::string> keys;
  for (const auto& entry : mapping) keys.push_back(entry.first);
  EXPECT_EQ(keys, (std::vector<std::string>{
                      "dataset_id", "query", "actual_output", "expected_output",
                      "retrieved_content", "conversation", "latency", "tools_called",
                      "expected_tools", "acceptance_criteria", "additional_input",
                      "document_text", "actual_reference", "expected_reference", "trace_id",
                      "observation_id"}));
  EXPECT_EQ(mapping_of(mapping, "dataset_id"), "dataset_id");  // "ID" is no alias: default
  EXPECT_EQ(mapping_of(mapping, "query"), "Question");         // the column's own spelling
  EXPECT_EQ(mapping_of(mapping, "actual_output"), "Response");
  EXPECT_EQ(mapping_of(mapping, "expected_output"), "Ground_Truth");
  EXPECT_EQ(mapping_of(mapping, "retrieved_content"), "Context");
  EXPECT_EQ(mapping_of(mapping, "conversation"), "messages");
  EXPECT_EQ(mapping_of(mapping, "latency"), "time_ms");
  EXPECT_EQ(mapping_of(mapping, "tools_called"), "Tools");
  EXPECT_EQ(mapping_of(mapping, "expected_tools"), "required_tools");
  EXPECT_EQ(mapping_of(mapping, "acceptance_criteria"), "criteria");
  EXPECT_EQ(mapping_of(mapping, "additional_input"), "Context");  // "context" is an alias of both
  EXPECT_EQ(mapping_of(mapping, "document_text"), "document");
  EXPECT_EQ(mapping_of(mapping, "actual_reference"), "citation");
  EXPECT_EQ(mapping_of(mapping, "expected_reference"), "gold_reference");
  EXPECT_EQ(mapping_of(mapping, "trace_id"), "TraceID");
  EXPECT_EQ(mapping_of(mapping, "observation_id"), "langfuse_id");
}

TEST(EvalMetricsCatalogueTest, SuggestMappingPrefersOwnNameThenAliasOrder) {
  // The key's own name wins over an alias that comes first among the columns.
  const auto own = suggest_mapping({"input", "Query", "record_id", "Dataset_ID"});
  EXPECT_EQ(mapping_of(own, "query"), "Query");
  EXPECT_EQ(mapping_of(own, "dataset_id"), "Dataset_ID");
  // Alias order, not column order: "output" comes before "answer" in the alias list.
  const auto order = suggest_mapping({"answer", "output", "reference"});
  EXPECT_EQ(mapping_of(order, "actual_output"), "output");
  EXPECT_EQ(mapping_of(order, "expected_output"), "reference");
  EXPECT_EQ(mapping_of(order, "actual_reference"), "reference");
  EXPECT_EQ(mapping_of(order, "query"), "query");  // unmatched: its own name
  EXPECT_EQ(mapping_of(order, "conversation"), std::nullopt);
  EXPECT_EQ(mapping_of(order, "trace_id"), std::nullopt);
}

}  // namespace
}  // namespace axis::evalmetrics
