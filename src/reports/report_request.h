// ReportRequest: what a report asks for (spec/ai.md §5): the mode (low | high | overall scores),
// the report type, the extraction settings and where the rows come from (posted `data` or a
// stored `dataset_id`). Parsed from the request body with 422 errors for bad values.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace axis::reports {

using Json = nlohmann::ordered_json;

struct ExtractionConfig {
  double score_threshold = 0.5;
  bool include_nan = false;
  std::vector<std::string> metric_filters;
  int max_issues = 100;  // 1..500
  double sample_rate = 1.0;
  std::vector<std::string> include_context_fields = {"query", "actual_output", "expected_output", "signals"};

  Json to_json() const;
};

struct ReportRequest {
  std::string mode = "low";             // low | high | overall
  std::string report_type = "summary";  // summary | detailed | grouped | recommendations
  std::optional<std::string> metric_filter;
  Json data = Json::array();            // posted rows
  std::string dataset_id;               // or a stored evaluation dataset
  std::string model;                    // "" = the provider's report model
  std::string provider = "openai";
  ExtractionConfig extraction;
};

const std::vector<std::string>& report_modes();
const std::vector<std::string>& report_types();
const std::vector<std::string>& context_fields();  // every field an issue may carry

// Throws util::HttpError(422) naming the field for a wrong type or value.
ReportRequest parse_report_request(const Json& body);

}  // namespace axis::reports
