#include "kpi/kpi_series.h"

#include <cmath>

#include "store/connection.h"
#include "store/result.h"
#include "store/sql_text.h"

namespace axis::kpi {
namespace {

// "kpi_name IN (?, ...)" with its values appended to `values`.
std::string in_list(const std::vector<std::string>& names, std::vector<store::Value>& values) {
  values.insert(values.end(), names.begin(), names.end());
  return "kpi_name IN (" + store::placeholders(names.size()) + ")";
}

std::string daily_value_sql(const DailyRule& rule, std::vector<store::Value>& values) {
  const std::string others = rule.sum_others ? "sum(v)" : "avg(v)";
  if (rule.summed.empty() && rule.averaged.empty()) return others;
  std::string sql = "CASE";
  if (!rule.summed.empty()) sql += " WHEN " + in_list(rule.summed, values) + " THEN sum(v)";
  if (!rule.averaged.empty()) sql += " WHEN " + in_list(rule.averaged, values) + " THEN avg(v)";
  return sql + " ELSE " + others + " END";
}

}  // namespace

std::vector<KpiSeries> daily_series(store::Connection& conn, const RowsQuery& rows,
                                    const DailyRule& rule, std::optional<int> last) {
  std::vector<store::Value> values;
  const std::string day_value = daily_value_sql(rule, values);
  values.insert(values.end(), rows.values.begin(), rows.values.end());
  std::string sql =
      "WITH daily AS (SELECT kpi_name, CAST(ts AS DATE) AS day, " + day_value +
      " AS value, count(*) AS n FROM " + rows.sql + " GROUP BY kpi_name, day), "
      "rolled AS (SELECT kpi_name, day, value, n, "
      "avg(value) OVER (PARTITION BY kpi_name ORDER BY day ROWS BETWEEN 6 PRECEDING AND CURRENT "
      "ROW) AS avg_7d, "
      "avg(value) OVER (PARTITION BY kpi_name ORDER BY day ROWS BETWEEN 29 PRECEDING AND CURRENT "
      "ROW) AS avg_30d, "
      "row_number() OVER (PARTITION BY kpi_name ORDER BY day DESC) AS back FROM daily) "
      "SELECT kpi_name, strftime(day, '%Y-%m-%d'), value, avg_7d, avg_30d, n FROM rolled";
  if (last) {
    sql += " WHERE back <= ?";
    values.emplace_back(static_cast<std::int64_t>(*last));
  }
  sql += " ORDER BY kpi_name, day";

  std::vector<KpiSeries> out;
  conn.query(sql, values).for_each_row([&](const std::vector<std::optional<std::string>>& row) {
    const std::string kpi = row[0].value_or("");
    if (out.empty() || out.back().kpi_name != kpi) out.push_back({kpi, {}});
    out.back().points.push_back({row[1].value_or(""), store::cell_double(row[2]),
                                 store::cell_double(row[3]), store::cell_double(row[4]),
                                 store::cell_int(row[5])});
  });
  return out;
}

std::string trend_direction(double avg_7d, double avg_30d) {
  if (avg_30d == 0 || !std::isfinite(avg_30d) || !std::isfinite(avg_7d)) return "flat";
  const double rel = (avg_7d - avg_30d) / std::fabs(avg_30d);
  if (rel > 0.05) return "up";
  if (rel < -0.05) return "down";
  return "flat";
}

}  // namespace axis::kpi
