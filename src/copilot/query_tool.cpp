#include "copilot/data_tool_functions.h"
#include "store/connection.h"
#include "util/text.h"

namespace axis::copilot {
namespace {

constexpr int kMaxRecords = 20;

std::optional<double> number_arg(const Json& args, const char* key) {
  auto it = args.find(key);
  if (it != args.end() && it->is_number()) return it->get<double>();
  return std::nullopt;
}

}  // namespace

std::vector<std::pair<std::string, std::optional<double>>> metric_means(
    store::Connection& conn, const ToolTable& t, const std::vector<std::string>& metrics,
    const std::string& where, const std::vector<store::Value>& values) {
  std::vector<std::pair<std::string, std::optional<double>>> out;
  if (metrics.empty()) return out;
  std::string sql = "SELECT ";
  for (std::size_t i = 0; i < metrics.size(); ++i) {
    sql += (i ? ", " : "") + std::string("avg(") + quoted(metrics[i]) + ")";
  }
  sql += " FROM " + t.from + (where.empty() ? "" : " WHERE " + where);
  const auto row = one_row(conn, sql, values);
  for (std::size_t i = 0; i < metrics.size(); ++i) {
    out.emplace_back(metrics[i], i < row.size() ? number(row[i]) : std::nullopt);
  }
  return out;
}

Json query_data(store::Connection& conn, const ToolTable& t, const Json& args) {
  Json out = Json::object();
  out["total_records"] = count_of(one_row(conn, "SELECT count(*) FROM " + t.from, {}).at(0));

  std::string where;
  std::vector<store::Value> where_values;
  const std::string search = text_arg(args, "search_id");
  if (!search.empty()) {
    for (const auto& c : t.columns) {
      if (util::ascii_lower(c.name).find("id") == std::string::npos) continue;
      where += (where.empty() ? "(" : " OR ") + contains_ci(c.name);
      where_values.push_back(search);
    }
    where = where.empty() ? "false" : where + ")";
    out["matching_records"] = rows_json(conn, "SELECT * FROM " + t.from + " WHERE " + where +
                                                  " LIMIT " + std::to_string(kMaxRecords), where_values);
    out["match_count"] = count_of(one_row(conn, "SELECT count(*) FROM " + t.from + " WHERE " + where,
                                          where_values).at(0));
  }

  if (args.value("find_min_metric", false) || args.value("find_max_metric", false)) {
    const auto means = metric_means(conn, t, t.metric_names(), where, where_values);
    Json all = Json::object();
    const std::pair<std::string, std::optional<double>>* low = nullptr;
    const std::pair<std::string, std::optional<double>>* high = nullptr;
    for (const auto& m : means) {
      all[m.first] = rounded(m.second);
      if (!m.second) continue;
      if (!low || *m.second < *low->second) low = &m;
      if (!high || *m.second > *high->second) high = &m;
    }
    if (args.value("find_min_metric", false) && low) {
      out["lowest_metric"] = {{"name", low->first}, {"mean_value", rounded(low->second)}};
    }
    if (args.value("find_max_metric", false) && high) {
      out["highest_metric"] = {{"name", high->first}, {"mean_value", rounded(high->second)}};
    }
    out["all_metric_means"] = std::move(all);
  }

  const std::string field = text_arg(args, "filter_field");
  if (!field.empty()) {
    if (!t.find(field)) {
      out["filter_error"] = "Column '" + field + "' not found";
      Json names = Json::array();
      for (const auto& c : t.columns) names.push_back(c.name);
      out["available_columns"] = std::move(names);
    } else {
      const std::string cond = contains_ci(field);
      const std::string value = text_arg(args, "filter_value");
      out["filtered_records"] = rows_json(conn, "SELECT * FROM " + t.from + " WHERE " + cond +
                                                    " LIMIT " + std::to_string(kMaxRecords), {value});
      out["filtered_count"] = count_of(one_row(conn, "SELECT count(*) FROM " + t.from + " WHERE " + cond,
                                               {value}).at(0));
    }
  }

  const auto below = number_arg(args, "count_below");
  const auto above = number_arg(args, "count_above");
  if (below || above) {
    Json counts = Json::object();
    for (const auto& m : t.metric_names(10)) {
      if (below) {
        counts[m + "_below_" + python_float(*below)] = count_of(
            one_row(conn, "SELECT count(*) FROM " + t.from + " WHERE " + quoted(m) + " < ?", {*below}).at(0));
      }
      if (above) {
        counts[m + "_above_" + python_float(*above)] = count_of(
            one_row(conn, "SELECT count(*) FROM " + t.from + " WHERE " + quoted(m) + " > ?", {*above}).at(0));
      }
    }
    out["threshold_counts"] = std::move(counts);
  }
  return out;
}

}  // namespace axis::copilot
