#include <map>

#include "copilot/data_tool_functions.h"
#include "store/connection.h"
#include "util/text.h"

namespace axis::copilot {
namespace {

constexpr int kMaxGroups = 20;

// The column named `wanted`, else the first whose name contains it (ignoring case).
const ToolColumn* group_column(const ToolTable& t, const std::string& wanted) {
  if (const ToolColumn* exact = t.find(wanted)) return exact;
  for (const auto& c : t.columns) {
    if (!wanted.empty() && util::ascii_lower(c.name).find(util::ascii_lower(wanted)) != std::string::npos) return &c;
  }
  return nullptr;
}

}  // namespace

Json compare_data(store::Connection& conn, const ToolTable& t, const Json& args) {
  const std::string wanted = args.value("group_by", std::string());
  const ToolColumn* group = group_column(t, wanted);
  if (!group) {
    Json names = Json::array();
    for (const auto& c : t.columns) names.push_back(c.name);
    return {{"error", "Column '" + wanted + "' not found"}, {"available_columns", names}};
  }
  std::vector<std::string> metrics;
  auto it = args.find("metrics");
  if (it != args.end() && it->is_array() && !it->empty()) {
    for (const auto& m : *it) {
      const ToolColumn* c = m.is_string() ? t.find(m.get<std::string>()) : nullptr;
      if (c && c->numeric && c->name != group->name) metrics.push_back(c->name);
    }
  } else {
    for (const auto& m : t.metric_names(10)) {
      if (m != group->name) metrics.push_back(m);
    }
  }

  const std::string g = "CAST(" + quoted(group->name) + " AS VARCHAR)";
  std::string sql = "SELECT " + g + " AS g, count(*)";
  for (const auto& m : metrics) {
    sql += ", avg(" + quoted(m) + "), coalesce(stddev_samp(" + quoted(m) + "), 0)";
  }
  sql += " FROM " + t.from + " WHERE " + quoted(group->name) + " IS NOT NULL GROUP BY g ORDER BY g LIMIT " +
         std::to_string(kMaxGroups);

  Json comparison = Json::object(), groups = Json::array();
  std::map<std::string, std::pair<std::string, double>> best, worst;
  for (const auto& row : conn.execute(sql).rows()) {
    const std::string name = row[0].value_or("");
    groups.push_back(name);
    Json per_metric = Json::object();
    for (std::size_t i = 0; i < metrics.size(); ++i) {
      const auto mean = number(row[2 + 2 * i]);
      per_metric[metrics[i]] = {{"mean", rounded(mean)}, {"std", rounded(number(row[3 + 2 * i]))}};
      if (!mean) continue;
      auto& b = best[metrics[i]];
      if (b.first.empty() || *mean > b.second) b = {name, *mean};
      auto& w = worst[metrics[i]];
      if (w.first.empty() || *mean < w.second) w = {name, *mean};
    }
    comparison[name] = {{"count", count_of(row[1])}, {"metrics", std::move(per_metric)}};
  }
  Json rankings = Json::object();
  for (const auto& m : metrics) {
    if (best.count(m)) rankings[m] = {{"best", best[m].first}, {"worst", worst[m].first}};
  }
  return {{"group_by", group->name}, {"groups", groups}, {"comparison", comparison}, {"rankings", rankings}};
}

}  // namespace axis::copilot
