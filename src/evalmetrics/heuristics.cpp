#include "evalmetrics/heuristics.h"

#include <cmath>
#include <set>
#include <sstream>

#include "evalmetrics/bleu.h"
#include "evalmetrics/citation_scan.h"
#include "evalmetrics/pii_scan.h"
#include "evalmetrics/retrieval.h"
#include "evalmetrics/rounding.h"
#include "evalmetrics/sequence_ratio.h"
#include "evalmetrics/unicode_text.h"
#include "util/text.h"

namespace axis::evalmetrics {

namespace {

std::set<std::string> tool_names(const std::vector<std::string>& cells) {
  std::set<std::string> names;
  for (const std::string& cell : cells)
    for (std::string& name : split_list(cell)) names.insert(std::move(name));
  return names;
}

std::string joined(const std::vector<std::string>& kinds) {
  std::string out;
  for (const std::string& kind : kinds) out += (out.empty() ? "" : ", ") + kind;
  return out;
}

std::string number(double value) {
  std::ostringstream out;
  out << value;
  return out.str();
}

MetricScore binary(bool ok, std::string yes, std::string no) {
  return ok ? MetricScore{1.0, std::move(yes)} : MetricScore{0.0, std::move(no)};
}

MetricScore score_ranking_metric(const std::string& key, const EvalItem& item) {
  const RankingScores s = score_ranking(actual_ranking(item), item.expected_reference);
  double value = s.reciprocal_rank;
  if (key == "hit_rate_at_k") value = s.hit_rate;
  if (key == "precision_at_k") value = s.precision;
  if (key == "recall_at_k") value = s.recall;
  if (key == "ndcg_at_k") value = s.ndcg;
  const std::string scope = key == "mean_reciprocal_rank" ? "the ranking"
                                                           : "the top " + std::to_string(kRankCutoff);
  return {round_places(value, 4), key + " over " + scope + " against " +
                                      std::to_string(item.expected_reference.size()) +
                                      " expected reference(s)"};
}

MetricScore score_rule(const MetricInfo& info, const EvalItem& item) {
  const std::string& key = info.key;
  const std::string_view actual = util::trim(item.actual_output);
  const std::string_view expected = util::trim(item.expected_output);
  if (key == "exact_string_match")
    return binary(actual == expected, "Response equals the expected output",
                  "Response differs from the expected output");
  if (key == "contains_match")
    return binary(actual.find(expected) != std::string_view::npos,
                  "Response contains the expected output",
                  "Response does not contain the expected output");
  if (key == "levenshtein_ratio")
    return {levenshtein_ratio(item.actual_output, item.expected_output),
            "difflib similarity ratio of the lower-cased texts"};
  if (key == "sentence_bleu")
    return {sentence_bleu(item.actual_output, item.expected_output),
            "Smoothed sentence BLEU (1-4-grams)"};
  if (key == "latency") {
    const double value = *item.latency;
    return {value, "Latency " + number(value) + " (lower is better)"};
  }
  if (key == "length_constraint") {
    const std::size_t length = code_point_count(item.actual_output);
    return binary(length <= kMaxResponseChars,
                  "Response length " + std::to_string(length) + " ≤ 2800 characters",
                  "Response length " + std::to_string(length) + " > 2800 characters");
  }
  if (key == "pii_leakage_(heuristic)") {
    const std::vector<std::string> kinds = find_pii(item.actual_output);
    return binary(kinds.empty(), "No PII found", "PII found: " + joined(kinds));
  }
  if (key == "citation_presence") {
    const std::vector<std::string> kinds = find_citations(item.actual_output);
    return binary(!kinds.empty(), "Citation found: " + joined(kinds), "No citation found");
  }
  if (key == "tool_correctness") {
    const double value = tool_correctness(item.tools_called, item.expected_tools);
    return {round_places(value, 4), "Share of the expected tools that were called"};
  }
  if (key == "hit_rate_at_k" || key == "precision_at_k" || key == "recall_at_k" ||
      key == "ndcg_at_k" || key == "mean_reciprocal_rank")
    return score_ranking_metric(key, item);
  return {0.0, "Unknown metric: " + key};
}

}  // namespace

double tool_correctness(const std::vector<std::string>& called,
                        const std::vector<std::string>& expected) {
  const std::set<std::string> called_names = tool_names(called);
  const std::set<std::string> expected_names = tool_names(expected);
  if (expected_names.empty()) return called_names.empty() ? 1.0 : 0.0;
  std::size_t found = 0;
  for (const std::string& name : expected_names) found += called_names.count(name);
  return static_cast<double>(found) / static_cast<double>(expected_names.size());
}

MetricScore score_heuristic(const MetricInfo& info, const EvalItem& item) {
  if (!info.rule_based) return {0.0, "Metric " + info.key + " is scored by an LLM judge"};
  if (info.key != "tool_correctness") {
    for (const std::string& field : info.required_fields)
      if (!has_field(item, field)) return {0.0, "Missing required field: " + field};
  }
  return score_rule(info, item);
}

}  // namespace axis::evalmetrics
