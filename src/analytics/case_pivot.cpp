#include "analytics/case_pivot.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <unordered_map>

#include "analytics/hierarchy.h"
#include "util/http_error.h"
#include "util/json_text.h"

namespace axis::analytics {
namespace {

using Json = nlohmann::ordered_json;

std::string json_text(const Json& value) {
  return util::json_text(value);
}

// A text cell of a row, or "" when it is absent or not text.
std::string text_of(const Json& row, const std::string& column) {
  auto it = row.find(column);
  return it != row.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// The case columns' values as one string; JSON text keeps distinct values distinct.
std::string case_key(const Json& row) {
  std::string key;
  for (const std::string& column : case_columns()) {
    auto it = row.find(column);
    key += (it == row.end() ? "null" : json_text(*it)) + '\n';
  }
  return key;
}

struct Case {
  const Json* first_row;
  std::vector<Json> scores;  // by metric index; null until a score is seen
};

}  // namespace

const std::vector<std::string>& case_columns() {
  static const std::vector<std::string> columns = {"dataset_id",    "evaluation_name",
                                                   "query",         "actual_output",
                                                   "evaluation_metadata", "data_metadata"};
  return columns;
}

CaseTable pivot_cases(const Json& rows, const std::optional<std::string>& metric_type) {
  CaseTable out;
  std::unordered_map<std::string, std::size_t> metric_index;
  std::unordered_map<std::string, std::size_t> case_index;
  std::vector<Case> cases;
  for (const Json& row : rows) {
    if (metric_type && text_of(row, "metric_type") != *metric_type) continue;
    const std::string name = text_of(row, "metric_name");
    if (name.empty()) continue;
    auto [metric, new_metric] = metric_index.try_emplace(name, out.metric_columns.size());
    if (new_metric) {
      const auto& keys = case_columns();
      if (std::find(keys.begin(), keys.end(), name) != keys.end()) {
        throw util::HttpError(400, "Metric name '" + name + "' is also a case column; rename it");
      }
      out.metric_columns.push_back(name);
      auto& kind = node_type(text_of(row, "metric_type")) == "metric" ? out.metrics : out.components;
      kind.push_back(name);
    }
    auto [at, new_case] = case_index.try_emplace(case_key(row), cases.size());
    if (new_case) cases.push_back({&row, {}});
    std::vector<Json>& scores = cases[at->second].scores;
    if (scores.size() <= metric->second) scores.resize(metric->second + 1);
    auto score = row.find("metric_score");
    if (scores[metric->second].is_null() && score != row.end() && score->is_number()) {
      scores[metric->second] = score->get<double>();
    }
  }

  out.columns = case_columns();
  out.columns.insert(out.columns.end(), out.metric_columns.begin(), out.metric_columns.end());
  Json wide = Json::array();
  for (const Case& c : cases) {
    Json row = Json::object();
    for (const std::string& column : case_columns()) row[column] = c.first_row->value(column, Json());
    for (std::size_t m = 0; m < out.metric_columns.size(); ++m) {
      row[out.metric_columns[m]] = m < c.scores.size() ? c.scores[m] : Json();
    }
    wide.push_back(std::move(row));
  }
  out.rows_json = json_text(wide);
  return out;
}

}  // namespace axis::analytics
