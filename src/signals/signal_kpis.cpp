#include "signals/signal_kpis.h"

#include <nlohmann/json.hpp>

#include <map>
#include <optional>

#include "store/connection.h"
#include "store/sql_text.h"
#include "util/title_case.h"

namespace axis::signals {
namespace {

using Json = nlohmann::ordered_json;
using datasets::quote_ident;

std::string text_of(const Json& entry, const char* key) {
  auto it = entry.find(key);
  return it != entry.end() && it->is_string() ? it->get<std::string>() : "";
}

// The SQL aggregate of a statistic over `v`, or "" for an unknown name.
std::string statistic(const std::string& name, const std::string& v) {
  static const std::map<std::string, std::string> kFunctions = {
      {"median", "median"}, {"mean", "avg"}, {"avg", "avg"}, {"average", "avg"},
      {"sum", "sum"},       {"min", "min"},  {"max", "max"}, {"count", "count"}};
  auto it = kFunctions.find(name);
  return it == kFunctions.end() ? "" : it->second + "(" + v + ")";
}

// The column as a number for statistics.
std::string numeric(const std::string& col, const std::string& type) {
  if (type == "BOOLEAN") return "CAST(" + col + " AS INTEGER)";
  if (type == "VARCHAR" || type == "JSON") return "TRY_CAST(" + col + " AS DOUBLE)";
  return "CAST(" + col + " AS DOUBLE)";
}

// Whether the column's value counts as true for a rate.
std::string truthy(const std::string& col, const std::string& type) {
  if (type == "BOOLEAN") return col;
  if (type == "VARCHAR" || type == "JSON") return "lower(trim(" + col + ")) IN ('true', '1', 'yes')";
  return col + " <> 0";
}

struct Figure {
  std::optional<double> value;
  std::int64_t missing = 0;
};

// What one kpi_strip entry computes: its reply fields and, when its column exists, the SQL of
// its value and of the cases that have one (`counted`). total_cases has `cases` set instead.
struct KpiPlan {
  std::string key, label, format, aggregation;
  std::string value, counted;
  bool cases = false;
};

KpiPlan plan_of(const Json& entry, const std::map<std::string, std::string>& types) {
  KpiPlan p;
  const std::string metric = text_of(entry, "metric"), signal = text_of(entry, "signal");
  const std::string aggregate = text_of(entry, "aggregate");
  p.aggregation = text_of(entry, "aggregation");
  p.format = text_of(entry, "format");
  if (!metric.empty() && !signal.empty()) {
    p.key = metric + "__" + signal;
    if (p.aggregation.empty() && !statistic(aggregate, "x").empty()) p.aggregation = aggregate;
    auto type = types.find(p.key);
    if (p.aggregation.empty()) {
      p.aggregation = (type != types.end() && type->second == "BOOLEAN") ? "rate" : "median";
    }
    if (type != types.end()) {
      const std::string col = quote_ident(p.key);
      if (p.aggregation == "rate") {
        p.value = "CAST(count(*) FILTER (WHERE " + truthy(col, type->second) + ") AS DOUBLE)"
                  " * 100 / NULLIF(count(" + col + "), 0)";
        p.counted = "count(" + col + ")";
      } else if (auto sql = statistic(p.aggregation, numeric(col, type->second)); !sql.empty()) {
        p.value = sql;
        p.counted = "count(" + numeric(col, type->second) + ")";
      }
    }
    if (p.format.empty()) p.format = p.aggregation == "rate" ? "percent" : "number";
  } else {
    p.key = aggregate;
    p.aggregation = aggregate;
    if (aggregate == "avg_message_count" && types.count("Message_Count") != 0) {
      p.value = "avg(\"Message_Count\")";
      p.counted = "count(\"Message_Count\")";
    }
    p.cases = aggregate == "total_cases";
    if (p.format.empty()) p.format = "number";
  }
  p.label = text_of(entry, "label");
  if (p.label.empty()) p.label = util::title_case(signal.empty() ? p.key : signal);
  return p;
}

std::vector<KpiPlan> plans_of(const Json& kpi_strip, const std::vector<datasets::ColumnInfo>& columns) {
  std::map<std::string, std::string> types;
  for (const auto& c : columns) types[c.name] = c.type;
  std::vector<KpiPlan> plans;
  if (!kpi_strip.is_array()) return plans;
  for (const Json& entry : kpi_strip) {
    if (entry.is_object()) plans.push_back(plan_of(entry, types));
  }
  return plans;
}

// The KPI's value, and the cases without one, over `cases` rows (the whole SELECT list after
// any grouping key).
std::string figure_sql(const KpiPlan& p) {
  if (p.cases) return "CAST(count(*) AS DOUBLE), 0";
  if (p.value.empty()) return "CAST(NULL AS DOUBLE), count(*)";
  return "CAST(" + p.value + " AS DOUBLE), count(*) - " + p.counted;
}

std::optional<double> optional_number(const std::optional<std::string>& cell) {
  return cell ? std::optional<double>(std::stod(*cell)) : std::nullopt;
}

Json number_or_null(const std::optional<double>& v) { return v ? Json(*v) : Json(nullptr); }

}  // namespace

nlohmann::ordered_json compute_kpis(store::Connection& conn, const std::string& cases_table,
                                    const std::vector<datasets::ColumnInfo>& columns,
                                    const nlohmann::ordered_json& kpi_strip,
                                    const store::SqlWhere& where) {
  const std::vector<KpiPlan> plans = plans_of(kpi_strip, columns);
  Json out = Json::array();
  if (plans.empty()) return out;
  std::string select;
  for (const KpiPlan& p : plans) select += (select.empty() ? "" : ", ") + figure_sql(p);
  const auto rows = conn.query("SELECT " + select + " FROM " + quote_ident(cases_table) +
                                   where.sql(),
                               where.values())
                        .rows();
  for (std::size_t i = 0; i < plans.size(); ++i) {
    const KpiPlan& p = plans[i];
    const Figure f{optional_number(rows.at(0).at(2 * i)), store::cell_int(rows[0].at(2 * i + 1))};
    out.push_back({{"key", p.key}, {"label", p.label}, {"value", number_or_null(f.value)},
                   {"format", p.format}, {"aggregation", p.aggregation}, {"missing", f.missing}});
  }
  return out;
}

KpiTrends compute_kpi_trends(store::Connection& conn, const std::string& cases_table,
                             const std::vector<datasets::ColumnInfo>& columns,
                             const nlohmann::ordered_json& kpi_strip, const std::string& week_sql,
                             const store::SqlWhere& where) {
  const std::vector<KpiPlan> plans = plans_of(kpi_strip, columns);
  KpiTrends out;
  std::string select = "strftime(" + week_sql + ", '%Y-%m-%d') AS week, count(*)";
  for (const KpiPlan& p : plans) select += ", " + figure_sql(p);
  store::SqlWhere dated = where;
  dated.add(week_sql + " IS NOT NULL");
  const auto rows = conn.query("SELECT " + select + " FROM " + quote_ident(cases_table) +
                                   dated.sql() + " GROUP BY week ORDER BY week LIMIT " +
                                   std::to_string(kMaxTrendWeeks),
                               dated.values())
                        .rows();
  Json series = Json::array();
  for (std::size_t i = 0; i < plans.size(); ++i) {
    Json values = Json::array(), missing = Json::array();
    for (const auto& row : rows) {
      values.push_back(number_or_null(optional_number(row.at(2 + 2 * i))));
      missing.push_back(store::cell_int(row.at(3 + 2 * i)));
    }
    series.push_back({{"key", plans[i].key}, {"label", plans[i].label},
                      {"format", plans[i].format}, {"aggregation", plans[i].aggregation},
                      {"values", values}, {"missing", missing}});
  }
  Json weeks = Json::array(), cases = Json::array();
  for (const auto& row : rows) {
    weeks.push_back(row.at(0).value_or(""));
    cases.push_back(store::cell_int(row.at(1)));
  }
  out.weeks = weeks.dump();
  out.cases = cases.dump();
  out.series = series.dump();
  return out;
}

}  // namespace axis::signals
