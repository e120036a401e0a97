#include "evalmetrics/catalogue.h"

#include <algorithm>
#include <limits>

namespace axis::evalmetrics {

namespace {

using Fields = std::vector<std::string>;

const Fields kQA = {"query", "actual_output"};
const Fields kQAE = {"query", "actual_output", "expected_output"};
const Fields kAE = {"actual_output", "expected_output"};
const Fields kQR = {"query", "retrieved_content"};
const Fields kConversation = {"conversation"};
const Fields kRanking = {"actual_ranking", "expected_reference"};

MetricInfo judged(std::string key, std::string name, std::string description, Fields required,
                  double threshold, Fields tags) {
  MetricInfo info;
  info.key = std::move(key);
  info.name = std::move(name);
  info.description = std::move(description);
  info.required_fields = std::move(required);
  info.default_threshold = threshold;
  info.tags = std::move(tags);
  return info;
}

MetricInfo rule(std::string key, std::string name, std::string description, Fields required,
                double threshold, Fields tags) {
  MetricInfo info = judged(std::move(key), std::move(name), std::move(description),
                           std::move(required), threshold, std::move(tags));
  info.rule_based = true;
  return info;
}

std::vector<MetricInfo> build() {
  std::vector<MetricInfo> all = {
      judged("answer_completeness", "Answer Completeness",
             "How much of the expected answer's content the response covers.", kQAE, 0.5,
             {"llm", "single_turn", "knowledge"}),
      judged("answer_conciseness", "Answer Conciseness",
             "Whether the response says what the expected answer says without padding.", kAE, 0.8,
             {"llm", "single_turn", "style"}),
      judged("answer_criteria", "Answer Criteria",
             "Whether the response meets the item's acceptance criteria.",
             {"query", "actual_output", "acceptance_criteria"}, 0.5,
             {"llm", "single_turn", "criteria"}),
      judged("answer_relevancy", "Answer Relevancy",
             "How directly the response addresses the query.", kQA, 0.5,
             {"llm", "single_turn", "knowledge"}),
      judged("citation_relevancy", "Citation Relevancy",
             "Whether the sources the response cites support it and bear on the query.", kQA, 0.8,
             {"llm", "single_turn", "citation"}),
      judged("contextual_precision", "Contextual Precision",
             "Whether the useful retrieved chunks are ranked above the useless ones.",
             {"query", "expected_output", "retrieved_content"}, 0.5,
             {"llm", "single_turn", "rag"}),
      judged("contextual_ranking", "Contextual Ranking",
             "Whether the retrieved chunks are ordered by relevance to the query.", kQR, 0.5,
             {"llm", "single_turn", "rag"}),
      judged("contextual_recall", "ContextualRecall",
             "How much of the expected answer the retrieved context supports.",
             {"expected_output", "retrieved_content"}, 0.5, {"llm", "single_turn", "rag"}),
      judged("contextual_relevancy", "Contextual Relevancy",
             "The share of the retrieved context that is relevant to the query.", kQR, 0.5,
             {"llm", "single_turn", "rag"}),
      judged("contextual_sufficiency", "Contextual Sufficiency",
             "Whether the retrieved context holds enough to answer the query.", kQR, 0.5,
             {"llm", "single_turn", "rag"}),
      judged("contextual_utilization", "Contextual Utilization",
             "How well the response uses the relevant parts of the retrieved context.",
             {"query", "actual_output", "retrieved_content"}, 0.5, {"llm", "single_turn", "rag"}),
      judged("factual_accuracy", "Factual Accuracy",
             "Whether the response's facts agree with the expected answer.", kQAE, 0.8,
             {"llm", "single_turn", "knowledge"}),
      judged("faithfulness", "Faithfulness",
             "Whether every claim of the response is supported by the retrieved context.",
             {"query", "actual_output", "retrieved_content"}, 0.5, {"llm", "single_turn", "rag"}),
      judged("pii_leakage", "PII Leakage",
             "Whether the response discloses personal information (1 = none disclosed).", kQA,
             0.5, {"llm", "single_turn", "safety"}),
      judged("tone_style_consistency", "Tone Style Consistency",
             "Whether the response matches the expected answer's tone and style.", kAE, 0.8,
             {"llm", "single_turn", "style"}),
      judged("conversation_efficiency", "Conversation Efficiency",
             "Whether the conversation reaches its goal without needless turns.", kConversation,
             0.5, {"llm", "multi_turn"}),
      judged("conversation_flow", "Conversation Flow",
             "Whether the conversation is coherent, with each turn following from the last.",
             kConversation, 0.7, {"llm", "multi_turn"}),
      judged("goal_completion", "Goal Completion",
             "Whether the assistant achieves what the user set out to do.", kConversation, 0.5,
             {"llm", "multi_turn"}),
      judged("persona_tone_adherence", "Persona Tone Adherence",
             "Whether the assistant keeps its persona and tone throughout the conversation.",
             kConversation, 0.5, {"llm", "multi_turn"}),
      rule("citation_presence", "Citation Presence",
           "Whether the response cites a source: [1]-style markers, URLs, \"Source:\" or "
           "\"According to\".",
           {"actual_output"}, 0.5, {"llm", "single_turn", "citation"}),
      rule("exact_string_match", "Exact String Match",
           "1 when the response equals the expected output (surrounding whitespace ignored).", kAE,
           0.5, {"heuristic", "binary"}),
      rule("contains_match", "Contains Match",
           "1 when the response contains the expected output (case-sensitive).", kAE, 0.5,
           {"heuristic", "binary"}),
      rule("levenshtein_ratio", "Levenshtein Ratio",
           "difflib's similarity ratio of response and expected output, lower-cased.", kAE, 0.2,
           {"heuristic"}),
      rule("sentence_bleu", "Sentence BLEU",
           "Smoothed sentence BLEU (1-4-grams) of the response against the expected output.", kAE,
           0.5, {"heuristic"}),
      rule("latency", "Latency",
           "The response time as given (lower is better; passes at or below the threshold).",
           {"latency"}, 5.0, {"heuristic"}),
      rule("length_constraint", "Length Constraint",
           "1 when the response is at most 2800 characters long.", {}, 1.0,
           {"heuristic", "binary"}),
      rule("pii_leakage_(heuristic)", "PII Leakage (Heuristic)",
           "1 when the response shows no e-mail address, phone number, card number, US SSN or "
           "IPv4 address.",
           kQA, 0.8, {"heuristic", "binary", "safety"}),
      rule("tool_correctness", "Tool Correctness",
           "The share of the expected tools that were called.", {"tools_called", "expected_tools"},
           0.5, {"heuristic", "tool"}),
      rule("hit_rate_at_k", "Hit Rate @ K",
           "1 when a relevant reference is among the first 5 retrieved.", kRanking, 0.5,
           {"heuristic", "retrieval"}),
      rule("precision_at_k", "Precision @ K",
           "The share of the first 5 retrieved references that are relevant.", kRanking, 0.5,
           {"heuristic", "retrieval"}),
      rule("recall_at_k", "Recall @ K",
           "The share of the relevant references found among the first 5 retrieved.", kRanking,
           0.5, {"heuristic", "retrieval"}),
      rule("ndcg_at_k", "NDCG @ K",
           "Normalised discounted cumulative gain of the first 5 retrieved (binary relevance).",
           kRanking, 0.5, {"heuristic", "retrieval"}),
      rule("mean_reciprocal_rank", "Mean Reciprocal Rank",
           "1 / the rank of the first relevant reference in the retrieved ranking.", kRanking,
           0.5, {"heuristic", "retrieval"}),
  };
  for (MetricInfo& info : all) {
    info.is_llm_based = !has_non_llm_tag(info.tags);
    if (info.key == "latency") {
      info.lower_is_better = true;
      info.score_range = {0, std::numeric_limits<double>::infinity()};
    }
    if (info.key == "length_constraint") info.optional_fields = {"actual_output"};
    if (info.required_fields == kRanking) info.optional_fields = {"retrieved_content"};
  }
  std::sort(all.begin(), all.end(),
            [](const MetricInfo& x, const MetricInfo& y) { return x.key < y.key; });
  return all;
}

}  // namespace

bool has_non_llm_tag(const std::vector<std::string>& tags) {
  return std::any_of(tags.begin(), tags.end(), [](const std::string& tag) {
    return tag == "heuristic" || tag == "retrieval" || tag == "tool" || tag == "binary";
  });
}

const std::vector<MetricInfo>& catalogue() {
  static const std::vector<MetricInfo> metrics = build();
  return metrics;
}

const MetricInfo* find_metric(std::string_view key) {
  const auto& all = catalogue();
  const auto it = std::lower_bound(all.begin(), all.end(), key,
                                   [](const MetricInfo& info, std::string_view k) {
                                     return info.key < k;
                                   });
  return (it != all.end() && it->key == key) ? &*it : nullptr;
}

bool passes(const MetricInfo& info, double score, double threshold) {
  return info.lower_is_better ? score <= threshold : score >= threshold;
}

}  // namespace axis::evalmetrics
