#include "reports/report_request.h"

#include <algorithm>

#include "util/http_error.h"
#include "util/json_text.h"

namespace axis::reports {
namespace {


[[noreturn]] void bad(const std::vector<std::string>& loc, const std::string& type, const std::string& msg,
                      const Json& input) {
  throw util::HttpError({{type, loc, msg, util::json_text(input)}});
}

std::string choice(const Json& body, const char* field, const std::vector<std::string>& allowed,
                   const std::string& fallback) {
  auto it = body.find(field);
  if (it == body.end() || it->is_null()) return fallback;
  if (!it->is_string() || std::find(allowed.begin(), allowed.end(), it->get<std::string>()) == allowed.end()) {
    std::string options;
    for (std::size_t i = 0; i < allowed.size(); ++i) {
      options += (i ? (i + 1 == allowed.size() ? " or " : ", ") : "") + ("'" + allowed[i] + "'");
    }
    bad({"body", field}, "literal_error", "Input should be " + options, *it);
  }
  return it->get<std::string>();
}

double number(const Json& obj, const char* field, double fallback, std::vector<std::string> loc) {
  auto it = obj.find(field);
  if (it == obj.end() || it->is_null()) return fallback;
  loc.push_back(field);
  if (!it->is_number() || it->is_boolean()) bad(loc, "float_type", "Input should be a valid number", *it);
  return it->get<double>();
}

std::vector<std::string> strings(const Json& obj, const char* field, std::vector<std::string> fallback,
                                 std::vector<std::string> loc) {
  auto it = obj.find(field);
  if (it == obj.end() || it->is_null()) return fallback;
  loc.push_back(field);
  if (!it->is_array()) bad(loc, "list_type", "Input should be a valid list", *it);
  std::vector<std::string> out;
  for (const auto& v : *it) {
    if (!v.is_string()) bad(loc, "string_type", "Input should be a valid string", v);
    out.push_back(v.get<std::string>());
  }
  return out;
}

}  // namespace

Json ExtractionConfig::to_json() const {
  return {{"score_threshold", score_threshold}, {"include_nan", include_nan},
          {"metric_filters", metric_filters},   {"max_issues", max_issues},
          {"sample_rate", sample_rate},         {"include_context_fields", include_context_fields}};
}

const std::vector<std::string>& report_modes() {
  static const std::vector<std::string> modes = {"low", "high", "overall"};
  return modes;
}

const std::vector<std::string>& report_types() {
  static const std::vector<std::string> types = {"summary", "detailed", "grouped", "recommendations"};
  return types;
}

const std::vector<std::string>& context_fields() {
  static const std::vector<std::string> fields = {"query", "actual_output", "expected_output", "signals",
                                                  "retrieved_content", "conversation", "critique"};
  return fields;
}

ReportRequest parse_report_request(const Json& body) {
  if (!body.is_object()) bad({"body"}, "model_attributes_type", "Input should be a valid dictionary or object", body);
  ReportRequest r;
  r.mode = choice(body, "mode", report_modes(), r.mode);
  r.report_type = choice(body, "report_type", report_types(), r.report_type);
  if (auto it = body.find("metric_filter"); it != body.end() && !it->is_null()) {
    if (!it->is_string()) bad({"body", "metric_filter"}, "string_type", "Input should be a valid string", *it);
    if (!it->get<std::string>().empty()) r.metric_filter = it->get<std::string>();
  }
  if (auto it = body.find("data"); it != body.end() && !it->is_null()) {
    if (!it->is_array()) bad({"body", "data"}, "list_type", "Input should be a valid list", *it);
    r.data = *it;
  }
  if (auto it = body.find("dataset_id"); it != body.end() && !it->is_null()) {
    if (!it->is_string()) bad({"body", "dataset_id"}, "string_type", "Input should be a valid string", *it);
    r.dataset_id = it->get<std::string>();
  }
  for (const char* field : {"model", "provider"}) {
    auto it = body.find(field);
    if (it == body.end() || it->is_null()) continue;
    if (!it->is_string()) bad({"body", field}, "string_type", "Input should be a valid string", *it);
    (std::string(field) == "model" ? r.model : r.provider) = it->get<std::string>();
  }
  auto cfg = body.find("extraction_config");
  if (cfg != body.end() && !cfg->is_null()) {
    if (!cfg->is_object()) bad({"body", "extraction_config"}, "model_attributes_type", "Input should be an object", *cfg);
    const std::vector<std::string> loc = {"body", "extraction_config"};
    auto& e = r.extraction;
    e.score_threshold = number(*cfg, "score_threshold", e.score_threshold, loc);
    if (auto it = cfg->find("include_nan"); it != cfg->end() && !it->is_null()) {
      if (!it->is_boolean()) bad({"body", "extraction_config", "include_nan"}, "bool_type", "Input should be a valid boolean", *it);
      e.include_nan = it->get<bool>();
    }
    e.metric_filters = strings(*cfg, "metric_filters", e.metric_filters, loc);
    const double max_issues = number(*cfg, "max_issues", e.max_issues, loc);
    if (max_issues != static_cast<int>(max_issues) || max_issues < 1 || max_issues > 500) {
      bad({"body", "extraction_config", "max_issues"}, "int_range", "max_issues must be an integer from 1 to 500",
          (*cfg)["max_issues"]);
    }
    e.max_issues = static_cast<int>(max_issues);
    e.sample_rate = number(*cfg, "sample_rate", e.sample_rate, loc);
    e.include_context_fields = strings(*cfg, "include_context_fields", e.include_context_fields, loc);
  }
  return r;
}

}  // namespace axis::reports
