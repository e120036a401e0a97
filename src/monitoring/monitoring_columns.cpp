#include "monitoring/monitoring_columns.h"

#include <algorithm>
#include <set>

#include "util/http_error.h"
#include "util/text.h"

namespace axis::monitoring {
namespace {

bool has_column(const datasets::DatasetInfo& d, std::string_view name, std::string_view type) {
  return std::any_of(d.columns.begin(), d.columns.end(),
                     [&](const auto& c) { return c.name == name && c.type == type; });
}

}  // namespace

std::string normalise_header(std::string_view name) {
  std::string out(util::trim(name));
  for (char& c : out) {
    if (c == ' ' || c == '-') c = '_';
    else c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

const std::vector<std::pair<std::string, std::string>>& column_aliases() {
  static const std::vector<std::pair<std::string, std::string>> aliases = {
      {"id", "dataset_id"}, {"record_id", "dataset_id"},
      {"time", "timestamp"}, {"created_at", "timestamp"}, {"dataset_created_at", "timestamp"},
      {"model", "model_name"}, {"agent", "model_name"}, {"agent_name", "model_name"},
      {"latency_ms", "latency"}, {"response_time", "latency"},
      {"error", "has_errors"},
      {"input", "query"}, {"prompt", "query"}, {"user_input", "query"},
      {"output", "actual_output"}, {"response", "actual_output"},
      {"model_output", "actual_output"}, {"completion", "actual_output"},
      {"evaluationname", "evaluation_name"}, {"eval_name", "evaluation_name"},
      {"experiment", "evaluation_name"}, {"experiment_name", "evaluation_name"},
      {"env", "environment"}, {"stage", "environment"},
  };
  return aliases;
}

std::vector<ColumnName> name_columns(
    const std::vector<std::string>& header, const std::map<std::string, std::string>& yaml_columns,
    const std::vector<std::pair<std::string, std::string>>& aliases) {
  std::vector<ColumnName> out;
  for (const std::string& h : header) out.push_back({h, normalise_header(h)});
  auto taken = [&](const std::string& name, std::size_t except) {
    for (std::size_t j = 0; j < out.size(); ++j) {
      if (j != except && out[j].name == name) return true;
    }
    return false;
  };

  std::vector<bool> renamed(out.size(), false);
  for (std::size_t i = 0; i < out.size(); ++i) {
    auto it = yaml_columns.find(out[i].header);
    if (it == yaml_columns.end()) it = yaml_columns.find(out[i].name);
    if (it == yaml_columns.end()) continue;
    const std::string target = normalise_header(it->second);
    if (target.empty() || taken(target, i)) continue;
    out[i].name = target;
    renamed[i] = true;
  }
  for (const auto& [alias, target] : aliases) {
    for (std::size_t i = 0; i < out.size(); ++i) {
      if (renamed[i] || out[i].name != alias) continue;
      if (!taken(target, i)) out[i].name = target;
      break;
    }
  }

  std::set<std::string> seen;
  std::vector<std::string> duplicates;
  for (const auto& c : out) {
    if (!seen.insert(c.name).second) duplicates.push_back(c.name);
  }
  if (!duplicates.empty()) {
    throw util::HttpError(400, "Duplicate column names after normalising the header: " +
                                   util::name_list(duplicates));
  }
  return out;
}

bool is_score_column(std::string_view name) {
  return name.size() > 6 && name.ends_with("_score");
}

const std::vector<std::pair<std::string, std::string>>& standard_columns() {
  static const std::vector<std::pair<std::string, std::string>> columns = {
      {"dataset_id", "VARCHAR"},       {"timestamp", "TIMESTAMP"},
      {"environment", "VARCHAR"},      {"source_name", "VARCHAR"},
      {"source_component", "VARCHAR"}, {"source_type", "VARCHAR"},
      {"model_name", "VARCHAR"},       {"evaluation_name", "VARCHAR"},
      {"query", "VARCHAR"},            {"actual_output", "VARCHAR"},
      {"metric_category", "VARCHAR"},  {"explanation", "VARCHAR"},
      {"signals", "VARCHAR"},          {"latency", "DOUBLE"},
      {"has_errors", "BOOLEAN"},
  };
  return columns;
}

bool is_long_format(const datasets::DatasetInfo& dataset) {
  return has_column(dataset, "metric_name", "VARCHAR") &&
         has_column(dataset, "metric_score", "DOUBLE");
}

std::vector<std::string> metric_columns(const datasets::DatasetInfo& dataset) {
  if (is_long_format(dataset)) return {"metric_score"};
  std::vector<std::string> out;
  for (const auto& c : dataset.columns) {
    if (c.type == "DOUBLE" && c.name != "metric_score" && is_score_column(c.name)) {
      out.push_back(c.name);
    }
  }
  return out;
}

}  // namespace axis::monitoring
