#include "api/monitoring_params.h"

#include <nlohmann/json.hpp>

#include <charconv>
#include <cmath>
#include <set>

#include "config/agent_match.h"
#include "config/settings.h"
#include "monitoring/monitoring_filters.h"
#include "util/json_text.h"

namespace axis::api {

monitoring::MonitoringFilters monitoring_filters(const QueryParams& params,
                                                 const std::vector<config::AgentEntry>& agents) {
  monitoring::MonitoringFilters f;
  f.environment = params.text("environment");
  f.source_name = params.text("source_name");
  f.source_values = config::resolve_source_name(agents, f.source_name);
  f.source_component = params.text("source_component");
  f.source_type = params.text("source_type");
  f.metric_category = params.text("metric_category");
  f.metric_name = params.text("metric_name");
  f.time_start = params.text("time_start");
  f.time_end = params.text("time_end");
  return f;
}

monitoring::AnalyticsRequest analytics_request(const QueryParams& params,
                                               const config::Settings& settings) {
  return {params.text("dataset_id").value_or(""), monitoring_filters(params, settings.agents),
          settings.monitoring_db.visible_metrics};
}

std::optional<std::string> group_by_param(const QueryParams& params) {
  auto value = params.text("group_by");
  if (value) monitoring::check_group_by(*value);
  return value;
}

std::string granularity_param(QueryParams& params) {
  return *params.choice("granularity", monitoring::granularities(), std::string("daily"));
}

double number_param(const QueryParams& params, const std::string& name, double fallback) {
  auto text = params.text(name);
  if (!text) return fallback;
  double value = 0;
  auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (ec != std::errc() || end != text->data() + text->size() || !std::isfinite(value)) {
    throw util::HttpError({{"float_parsing", {"query", name},
                            "Input should be a valid number, unable to parse string as a number",
                            util::json_text(nlohmann::json(*text))}});
  }
  return value;
}

std::vector<std::string> comma_list(const std::string& text) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(',', start);
    if (end == std::string::npos) end = text.size();
    const std::string item = text.substr(start, end - start);
    const auto first = item.find_first_not_of(" \t");
    if (first != std::string::npos) {
      std::string trimmed = item.substr(first, item.find_last_not_of(" \t") - first + 1);
      if (seen.insert(trimmed).second) out.push_back(std::move(trimmed));
    }
    start = end + 1;
  }
  return out;
}

std::vector<http::QueryParamDoc> monitoring_filter_docs() {
  return {
      {"environment", "string", false, "Only this environment"},
      {"source_name", "string", false, "Only this source (agent)"},
      {"source_component", "string", false, "Only this component"},
      {"source_type", "string", false, "Only this source type"},
      {"metric_category", "string", false,
       "SCORE (also rows without a category), CLASSIFICATION or ANALYSIS"},
      {"metric_name", "string", false, "Only this metric (default: the visible metrics)"},
      {"time_start", "string", false,
       "Inclusive lower bound, ISO 8601 (UTC unless a zone is given)"},
      {"time_end", "string", false, "Inclusive upper bound, ISO 8601"},
  };
}

}  // namespace axis::api
