#include "signals/signal_kpis.h"

#include <nlohmann/json.hpp>

#include <map>
#include <optional>

#include "store/connection.h"
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

// The cases a KPI strip covers: a table and the condition picking its rows.
struct Cases {
  std::string table;
  const store::SqlWhere& where;
};

// Runs SELECT <value>, count(*) - <counted> over the cases and reads the two numbers.
Figure run(store::Connection& conn, const Cases& cases, const std::string& value,
           const std::string& counted) {
  Figure f;
  auto rows = conn.query("SELECT CAST(" + value + " AS DOUBLE), count(*) - " + counted +
                             " FROM " + quote_ident(cases.table) + cases.where.sql(),
                         cases.where.values())
                  .rows();
  if (rows.empty()) return f;
  if (rows[0][0]) f.value = std::stod(*rows[0][0]);
  f.missing = rows[0][1] ? std::stoll(*rows[0][1]) : 0;
  return f;
}

}  // namespace

nlohmann::ordered_json compute_kpis(store::Connection& conn, const std::string& cases_table,
                                    const std::vector<datasets::ColumnInfo>& columns,
                                    const nlohmann::ordered_json& kpi_strip,
                                    const store::SqlWhere& where) {
  std::map<std::string, std::string> types;
  for (const auto& c : columns) types[c.name] = c.type;
  const Cases scope{cases_table, where};
  const auto cases = static_cast<std::int64_t>(run(conn, scope, "count(*)", "count(*)").value.value_or(0));

  Json out = Json::array();
  if (!kpi_strip.is_array()) return out;
  for (const Json& entry : kpi_strip) {
    if (!entry.is_object()) continue;
    const std::string metric = text_of(entry, "metric"), signal = text_of(entry, "signal");
    const std::string aggregate = text_of(entry, "aggregate");
    std::string key, aggregation = text_of(entry, "aggregation"), format = text_of(entry, "format");
    Figure figure{std::nullopt, cases};
    if (!metric.empty() && !signal.empty()) {
      key = metric + "__" + signal;
      if (aggregation.empty() && !statistic(aggregate, "x").empty()) aggregation = aggregate;
      auto type = types.find(key);
      if (aggregation.empty()) {
        aggregation = (type != types.end() && type->second == "BOOLEAN") ? "rate" : "median";
      }
      if (type != types.end()) {
        const std::string col = quote_ident(key);
        if (aggregation == "rate") {
          figure = run(conn, scope,
                       "CAST(count(*) FILTER (WHERE " + truthy(col, type->second) + ") AS DOUBLE)"
                       " * 100 / NULLIF(count(" + col + "), 0)",
                       "count(" + col + ")");
        } else if (auto sql = statistic(aggregation, numeric(col, type->second)); !sql.empty()) {
          figure = run(conn, scope, sql, "count(" + numeric(col, type->second) + ")");
        }
      }
      if (format.empty()) format = aggregation == "rate" ? "percent" : "number";
    } else {
      key = aggregate;
      aggregation = aggregate;
      if (aggregate == "avg_message_count" && types.count("Message_Count") != 0) {
        figure = run(conn, scope, "avg(\"Message_Count\")", "count(\"Message_Count\")");
      } else if (aggregate == "total_cases") {
        figure = {static_cast<double>(cases), 0};
      }
      if (format.empty()) format = "number";
    }
    std::string label = text_of(entry, "label");
    if (label.empty()) label = util::title_case(signal.empty() ? key : signal);
    out.push_back({{"key", key}, {"label", label},
                   {"value", figure.value ? Json(*figure.value) : Json(nullptr)},
                   {"format", format}, {"aggregation", aggregation}, {"missing", figure.missing}});
  }
  return out;
}

}  // namespace axis::signals
