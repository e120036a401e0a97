#include "api/eval_runner_replies.h"

#include <chrono>
#include <cmath>
#include <nlohmann/json.hpp>

#include "evalmetrics/catalogue.h"
#include "util/json_text.h"

namespace axis::api {

namespace {

using Json = nlohmann::ordered_json;

Json optional_json(const std::optional<std::string>& v) { return v ? Json(*v) : Json(nullptr); }
Json optional_json(const std::optional<double>& v) { return v ? Json(*v) : Json(nullptr); }

Json row_object(const std::vector<std::string>& columns, const std::vector<std::string>& row) {
  Json out = Json::object();
  for (std::size_t i = 0; i < columns.size(); ++i) out[columns[i]] = i < row.size() ? row[i] : "";
  return out;
}

std::string now_iso() {
  const auto now = std::chrono::system_clock::now();
  const std::time_t t = std::chrono::system_clock::to_time_t(now);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return text;
}

}  // namespace

std::string metric_catalogue_reply() {
  Json metrics = Json::array();
  for (const auto& m : evalmetrics::catalogue()) {
    // A range with a non-finite end (latency's) is sent as the default [0, 1], as the spec says.
    const bool finite = std::isfinite(m.score_range.low) && std::isfinite(m.score_range.high);
    metrics.push_back({{"key", m.key},
                       {"name", m.name},
                       {"description", m.description},
                       {"required_fields", m.required_fields},
                       {"optional_fields", m.optional_fields},
                       {"default_threshold", m.default_threshold},
                       {"score_range", finite ? Json{m.score_range.low, m.score_range.high} : Json{0.0, 1.0}},
                       {"tags", m.tags},
                       {"is_llm_based", m.is_llm_based}});
  }
  return util::json_text(Json{{"success", true}, {"metrics", metrics}});
}

std::string input_dataset_reply(const evalrun::InputDataset& input, std::size_t preview_rows,
                                const std::string& message) {
  const auto& columns = input.rows.columns;
  Json preview = Json::array(), data = Json::array();
  for (std::size_t r = 0; r < input.rows.rows.size(); ++r) {
    Json row = row_object(columns, input.rows.rows[r]);
    if (r < preview_rows) preview.push_back(row);
    data.push_back(std::move(row));
  }
  Json mapping = Json::object();
  for (const auto& [key, column] : input.suggested_mapping) mapping[key] = optional_json(column);
  return util::json_text(Json{{"success", true},
                              {"dataset",
                               {{"columns", columns},
                                {"preview", preview},
                                {"row_count", input.rows.rows.size()},
                                {"data", data}}},
                              {"suggested_mapping", mapping},
                              {"message", message}});
}

std::string connection_reply(const evalrun::ConnectionTest& test) {
  return util::json_text(Json{{"success", test.success},
                              {"sample_output", test.sample_output},
                              {"error", optional_json(test.error)},
                              {"latency_ms", optional_json(test.latency_ms)}});
}

std::string summary_json(const evalrun::RunSummary& s) {
  Json metrics = Json::array();
  for (const auto& m : s.metric_results) {
    metrics.push_back({{"metric_key", m.metric_key},
                       {"metric_name", m.metric_name},
                       {"average_score", m.average_score},
                       {"median_score", m.median_score},
                       {"min_score", m.min_score},
                       {"max_score", m.max_score},
                       {"pass_rate", m.pass_rate},
                       {"threshold", m.threshold},
                       {"passed", m.passed},
                       {"scores", m.scores},
                       {"failed_calls", m.failed_calls}});
  }
  Json items = Json::array();
  for (const auto& i : s.item_results) {
    items.push_back({{"item_id", i.item_id},
                     {"dataset_id", i.dataset_id},
                     {"query", i.query},
                     {"actual_output", i.actual_output},
                     {"expected_output", i.expected_output},
                     {"metric_scores", i.metric_scores},
                     {"metric_reasons", i.metric_reasons},
                     {"passed", i.passed}});
  }
  static const std::vector<std::string> kColumns = {
      "dataset_id", "query", "actual_output", "expected_output", "metric_name", "metric_score",
      "metric_type", "threshold", "passed", "explanation", "run_id", "evaluation_name"};
  Json records = Json::array();
  for (const auto& r : s.flat_rows) {
    if (r.metric_key.empty() || !r.score) continue;
    const auto found = s.rules.find(r.metric_key);
    const evalrun::MetricRule rule = found != s.rules.end() ? found->second : evalrun::MetricRule{r.metric_key};
    records.push_back({{"dataset_id", r.dataset_id},
                       {"query", r.query},
                       {"actual_output", r.actual_output},
                       {"expected_output", r.expected_output},
                       {"metric_name", r.metric_key},
                       {"metric_score", *r.score},
                       {"metric_type", "metric"},
                       {"threshold", rule.threshold},
                       {"passed", rule.passes(*r.score)},
                       {"explanation", r.reason},
                       {"run_id", s.run_id},
                       {"evaluation_name", s.evaluation_name}});
  }
  return util::json_text(Json{{"evaluation_name", s.evaluation_name},
                              {"run_id", s.run_id},
                              {"dataset_id", optional_json(s.dataset_id)},
                              {"total_items", s.total_items},
                              {"metrics_count", s.metrics_count},
                              {"average_score", s.average_score},
                              {"overall_pass_rate", s.overall_pass_rate},
                              {"metric_results", metrics},
                              {"item_results", items},
                              {"items_truncated", s.items_truncated},
                              {"dataframe_columns", kColumns},
                              {"dataframe_records", records}});
}

std::string run_json(const evalrun::RunRecord& r) {
  return util::json_text(Json{{"run_id", r.run_id},
                              {"evaluation_name", r.evaluation_name},
                              {"status", r.status},
                              {"total_items", r.total_items},
                              {"total_evaluations", r.total_evaluations},
                              {"completed_evaluations", r.completed_evaluations},
                              {"metrics", r.metrics},
                              {"created_at", r.created_at},
                              {"finished_at", optional_json(r.finished_at)},
                              {"average_score", optional_json(r.average_score)},
                              {"overall_pass_rate", optional_json(r.overall_pass_rate)},
                              {"dataset_id", optional_json(r.dataset_id)},
                              {"error", optional_json(r.error)},
                              {"usage", {{"llm_calls", r.llm_calls},
                                         {"input_tokens", r.input_tokens},
                                         {"output_tokens", r.output_tokens}}}});
}

std::string progress_json(const evalrun::RunProgress& p) {
  Json metrics = Json::array();
  for (const auto& m : p.metrics)
    metrics.push_back({{"metric_key", m.metric_key}, {"count", m.count}, {"average_score", m.average_score}});
  return util::json_text(Json{{"run_id", p.run_id},
                              {"current", p.current},
                              {"total", p.total},
                              {"status", p.status},
                              {"message", p.message},
                              {"phase", p.phase},
                              {"metrics", metrics}});
}

std::string log_json(const std::string& level, const std::string& message) {
  return util::json_text(Json{{"timestamp", now_iso()}, {"level", level}, {"message", message}});
}

}  // namespace axis::api
