#include "copilot/data_tool_functions.h"
#include "store/connection.h"

namespace axis::copilot {
namespace {

struct ColumnQuality {
  std::string name;
  double null_share = 0;
  long long distinct = 0;
};

std::vector<ColumnQuality> column_quality(store::Connection& conn, const ToolTable& t, long long total) {
  std::vector<ColumnQuality> out;
  if (t.columns.empty() || total == 0) return out;
  std::string sql = "SELECT ";
  for (std::size_t i = 0; i < t.columns.size(); ++i) {
    const std::string c = quoted(t.columns[i].name);
    sql += (i ? ", " : "") + std::string("count(") + c + "), approx_count_distinct(" + c + ")";
  }
  const auto row = one_row(conn, sql + " FROM " + t.from, {});
  for (std::size_t i = 0; i < t.columns.size(); ++i) {
    const long long present = count_of(row[2 * i]);
    out.push_back({t.columns[i].name, 1.0 - static_cast<double>(present) / static_cast<double>(total),
                   count_of(row[2 * i + 1])});
  }
  return out;
}

}  // namespace

Json summarize_data(store::Connection& conn, const ToolTable& t, const Json& args) {
  const std::string focus = args.value("focus", std::string("all"));
  const bool recommend = args.value("include_recommendations", true);
  const long long total = count_of(one_row(conn, "SELECT count(*) FROM " + t.from, {}).at(0));
  const auto metrics = t.metric_names();

  Json out = Json::object();
  out["overview"] = {{"total_records", total},
                     {"total_columns", t.columns.size()},
                     {"numeric_metrics", metrics.size()},
                     {"data_format", t.format.empty() ? Json(nullptr) : Json(t.format)}};
  Json insights = Json::array(), recommendations = Json::array();

  Json high = Json::array(), low = Json::array();
  for (const auto& [name, mean] : metric_means(conn, t, t.metric_names(10))) {
    if (!mean) continue;
    if (*mean >= 0.8) high.push_back({{"metric", name}, {"mean", rounded(mean)}});
    if (*mean < 0.5) {
      low.push_back({{"metric", name}, {"mean", rounded(mean)}});
      recommendations.push_back("Investigate " + name + ": its average of " + python_float(round_to(*mean, 3)) +
                                " is below 0.5; start with its lowest-scoring records");
    }
  }
  if (!high.empty()) insights.push_back(std::to_string(high.size()) + " metric(s) average at least 0.8");
  if (!low.empty()) insights.push_back(std::to_string(low.size()) + " metric(s) average below 0.5");

  Json issues = Json::array();
  for (const auto& q : column_quality(conn, t, total)) {
    if (q.null_share > 0.10) {
      issues.push_back(q.name + " has " + python_float(round_to(q.null_share * 100.0, 1)) + "% missing values");
      recommendations.push_back("Fill in or filter out the missing values of " + q.name);
    } else if (q.distinct == 1 && total > 1) {
      issues.push_back(q.name + " has the same value in every record");
    }
  }
  if (issues.empty()) insights.push_back("No data quality issues found");

  if (focus == "all" || focus == "performance") {
    out["performance"] = {{"high_performers", high}, {"low_performers", low}};
  } else if (focus == "issues") {
    out["performance"] = {{"low_performers", low}};
  }
  if (focus == "all" || focus == "quality" || focus == "issues") out["quality_issues"] = std::move(issues);
  out["key_insights"] = std::move(insights);
  if (recommend) out["recommendations"] = std::move(recommendations);
  return out;
}

}  // namespace axis::copilot
