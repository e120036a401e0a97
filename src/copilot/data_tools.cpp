#include "copilot/data_tools.h"

#include "copilot/data_tool_functions.h"
#include "store/guarded_select.h"
#include "store/store.h"
#include "store/store_error.h"
#include "util/json_text.h"

namespace axis::copilot {
namespace {

const char* const kNoData = "No data loaded. Please upload evaluation data first.";


Json parse_arguments(const std::string& text) {
  Json j = Json::parse(text.empty() ? "{}" : text, nullptr, false);
  return j.is_object() ? j : Json::object();
}

std::string py_bool(const Json& args, const char* key) { return args.value(key, false) ? "True" : "False"; }

std::string observation_for(const std::string& name, const Json& r) {
  if (r.contains("error")) return "Tool error: " + r["error"].get<std::string>();
  if (name == "query_data") {
    const long long n = r.value("match_count", r.value("filtered_count", r.value("total_records", 0LL)));
    return "Query complete: " + std::to_string(n) + " matches found";
  }
  if (name == "analyze_data") {
    return "Analysis complete: " + std::to_string(r.value("insights", Json::array()).size()) + " insights";
  }
  if (name == "summarize_data") {
    return "Summary complete: " + std::to_string(r.value("key_insights", Json::array()).size()) + " key insights";
  }
  if (name == "compare_data") {
    return "Comparison complete: " + std::to_string(r.value("groups", Json::array()).size()) + " groups";
  }
  return "Done";
}

}  // namespace

const std::vector<llm::ToolSpec>& DataTools::specs() {
  static const std::vector<llm::ToolSpec> tools = {
      {"query_data",
       "Look up records and simple facts in the data: find records by id, the metrics with the "
       "lowest or highest mean, records whose field contains a value, or how many scores fall "
       "below or above a threshold.",
       R"({"type":"object","properties":{"search_id":{"type":"string","description":"Text to find in id columns"},"find_min_metric":{"type":"boolean"},"find_max_metric":{"type":"boolean"},"filter_field":{"type":"string"},"filter_value":{"type":"string"},"count_below":{"type":"number"},"count_above":{"type":"number"}}})"},
      {"analyze_data",
       "Statistics of the numeric metrics: distributions (mean, std, quantiles), strong "
       "correlations and outliers.",
       R"({"type":"object","properties":{"metrics":{"type":"array","items":{"type":"string"}},"include_distributions":{"type":"boolean"},"include_correlations":{"type":"boolean"},"include_outliers":{"type":"boolean"}}})"},
      {"summarize_data",
       "An overview of the data: size, high and low performing metrics, data quality issues and "
       "recommendations.",
       R"({"type":"object","properties":{"focus":{"type":"string","enum":["all","performance","quality","issues"]},"include_recommendations":{"type":"boolean"}}})"},
      {"compare_data", "Compare the metrics across the groups of a column (for example model or experiment).",
       R"({"type":"object","properties":{"group_by":{"type":"string"},"metrics":{"type":"array","items":{"type":"string"}}},"required":["group_by"]})"},
      {"run_sql",
       "Run one read-only DuckDB SELECT over the stored tables (named in the system prompt). "
       "Rows are capped; use aggregates for large tables.",
       R"({"type":"object","properties":{"sql":{"type":"string","description":"A single SELECT statement"}},"required":["sql"]})"},
  };
  return tools;
}

std::string DataTools::describe_call(const std::string& name, const std::string& arguments) {
  const Json a = parse_arguments(arguments);
  if (name == "query_data") {
    return "Querying data: id=" + text_arg(a, "search_id", "None") + ", min=" + py_bool(a, "find_min_metric") +
           ", max=" + py_bool(a, "find_max_metric");
  }
  if (name == "analyze_data") return "Analyzing data: metrics=" + text_arg(a, "metrics", "all");
  if (name == "summarize_data") return "Summarizing data: focus=" + text_arg(a, "focus", "all");
  if (name == "compare_data") return "Comparing data by " + text_arg(a, "group_by", "None");
  if (name == "run_sql") return "Running SQL: " + text_arg(a, "sql", "").substr(0, 300);
  return "Calling " + name;
}

ToolResult DataTools::run(const std::string& name, const std::string& arguments) const {
  if (name == "run_sql") return run_sql(arguments);
  using Fn = Json (*)(store::Connection&, const ToolTable&, const Json&);
  Fn fn = name == "query_data"       ? query_data
          : name == "analyze_data"   ? analyze_data
          : name == "summarize_data" ? summarize_data
          : name == "compare_data"   ? compare_data
                                     : nullptr;
  Json result;
  if (!fn) {
    result = {{"error", "Unknown tool '" + name + "'"}};
  } else if (!table_) {
    result = {{"error", kNoData}};
  } else {
    try {
      auto conn = store_.connection();
      result = fn(*conn, *table_, parse_arguments(arguments));
    } catch (const store::StoreError& e) {
      result = {{"error", std::string("The data could not be read: ") + e.what()}};
    }
  }
  return {util::json_text(result), observation_for(name, result), result.contains("error")};
}

ToolResult DataTools::run_sql(const std::string& arguments) const {
  const Json a = parse_arguments(arguments);
  const std::string sql = a.value("sql", std::string());
  try {
    auto conn = store_.connection();
    store::GuardedSelectOptions options{store_.tables(), limits_.timeout, limits_.max_rows};
    const auto r = store::guarded_select(*conn, sql, options);
    Json out = {{"columns", r.columns},
                {"rows", Json::parse(r.rows_json, nullptr, false)},
                {"row_count", r.row_count},
                {"truncated", r.truncated}};
    std::string note = "SQL complete: " + std::to_string(r.row_count) + " rows";
    if (r.truncated) note += " (capped at " + std::to_string(limits_.max_rows) + ")";
    return {util::json_text(out), note, false};
  } catch (const std::exception& e) {
    Json out = {{"error", e.what()}};
    return {util::json_text(out), std::string("Tool error: ") + e.what(), true};
  }
}

}  // namespace axis::copilot
