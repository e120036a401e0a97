#include "signals/case_service.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

#include "datasets/rows.h"
#include "signals/case_values.h"
#include "signals/signals_service.h"
#include "store/connection.h"
#include "store/store.h"
#include "util/json_text.h"

namespace axis::signals {
namespace {

using Json = nlohmann::ordered_json;
using datasets::quote_ident;

// A field the charts read: how many of its values the longest list shows (0: none, a
// single_stat chart only), and whether a single_stat chart shows its truthy rate.
struct ChartField {
  std::string key;
  std::int64_t rows = 0;
  bool rate = false;
};

std::string text_of(const Json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : "";
}

// The values a chart lists: a text_list or ranked_list its positive `limit` (15 and 8 when it
// has none); every other chart all of them (kMaxFigureRows at most).
std::int64_t listed_rows(const Json& chart, const std::string& type) {
  const std::int64_t fallback = type == "text_list" ? 15 : type == "ranked_list" ? 8 : 0;
  if (fallback == 0) return kMaxFigureRows;
  auto limit = chart.find("limit");
  if (limit == chart.end() || limit->is_null()) return fallback;
  if (limit->is_number() && limit->get<double>() >= 1) {
    return std::min<std::int64_t>(kMaxFigureRows, static_cast<std::int64_t>(std::floor(limit->get<double>())));
  }
  return kMaxFigureRows;  // the page listed every value for a limit of 0 or one it could not use
}

std::vector<ChartField> chart_fields(const Json& display) {
  std::vector<ChartField> out;
  auto sections = display.find("chart_sections");
  if (sections == display.end() || !sections->is_array()) return out;
  for (const Json& section : *sections) {
    auto charts = section.is_object() ? section.find("charts") : section.end();
    if (!section.is_object() || charts == section.end() || !charts->is_array()) continue;
    for (const Json& chart : *charts) {
      if (!chart.is_object() || !chart.contains("metric") || !chart.contains("signal")) continue;
      const std::string key = text_of(chart, "metric") + "__" + text_of(chart, "signal");
      const std::string type = text_of(chart, "type");
      auto field = std::find_if(out.begin(), out.end(), [&](const auto& f) { return f.key == key; });
      if (field == out.end()) field = out.insert(out.end(), ChartField{key});
      if (type == "single_stat") field->rate = true;
      else field->rows = std::max(field->rows, listed_rows(chart, type));
    }
  }
  return out;
}

double percent(std::int64_t count, std::int64_t total) {
  return total > 0 ? 100.0 * static_cast<double>(count) / static_cast<double>(total) : 0.0;
}

// The distinct values of `key` per matching case, counted: most cases first, then by name.
std::vector<ValueCount> distribution(store::Connection& conn, const SignalsView& view,
                                     const store::SqlWhere& where, const ChartField& field,
                                     std::int64_t total) {
  std::vector<ValueCount> out;
  const std::string type = column_type(view.cases.columns, field.key);
  if (type.empty()) return out;
  std::vector<store::Value> values = where.values();
  values.emplace_back(field.rows);
  conn.query("SELECT _axis_v, count(*) AS _axis_n FROM (SELECT unnest(list_distinct(" +
                 case_values_sql(quote_ident(field.key), type) + ")) AS _axis_v FROM " +
                 quote_ident(view.cases.table_name) + where.sql() +
                 ") GROUP BY _axis_v ORDER BY _axis_n DESC, " + name_order_sql("_axis_v") +
                 " LIMIT ?",
             values)
      .for_each_row([&](const auto& row) {
        const std::int64_t n = store::cell_int(row[1]);
        out.push_back({row[0].value_or(""), n, percent(n, total)});
      });
  return out;
}

}  // namespace

CasePage CaseService::page(const datasets::DatasetInfo& cases, const CaseSelection& selection,
                           const std::optional<CaseSort>& sort, std::int64_t offset,
                           std::int64_t limit) const {
  auto conn = catalog_.store().connection();
  const store::SqlWhere where = matching_cases(*conn, cases.columns, selection, sort);
  const std::string table = quote_ident(cases.table_name);
  CasePage out;
  out.total = cases.row_count;
  if (!where.sql().empty()) {
    out.total = store::cell_int(conn->query("SELECT count(*) FROM " + table + where.sql(),
                                            where.values()).scalar());
  }
  std::string sql = "SELECT * FROM " + table + where.sql();
  if (sort) sql += " ORDER BY " + case_order(cases.columns, sort);
  // Literal bounds let DuckDB stop early (see datasets/rows.cpp).
  sql += " LIMIT " + std::to_string(limit) + " OFFSET " + std::to_string(offset);
  out.data = datasets::select_rows_json(*conn, sql, where.values());
  return out;
}

CaseFigures CaseService::figures(const std::string& dataset_id,
                                 const CaseSelection& selection) const {
  const SignalsView view = SignalsService(catalog_, settings_).layout(dataset_id);
  const auto& columns = view.cases.columns;
  const std::vector<ChartField> fields = chart_fields(Json::parse(view.display_config));
  auto conn = catalog_.store().connection();
  const store::SqlWhere where = matching_cases(*conn, columns, selection);

  CaseFigures out;
  out.dataset_id = view.dataset.id;
  out.all_cases = view.cases.row_count;
  // The matching cases and every rate in one pass.
  std::string select = "count(*)";
  for (const ChartField& f : fields) {
    if (!f.rate) continue;
    const std::string type = column_type(columns, f.key);
    select += ", count(*) FILTER (WHERE " +
              (type.empty() ? std::string("false") : case_truthy_sql(quote_ident(f.key), type)) +
              ")";
  }
  const auto counts = conn->query("SELECT " + select + " FROM " +
                                      quote_ident(view.cases.table_name) + where.sql(),
                                  where.values())
                          .rows();
  out.total = store::cell_int(counts.at(0).at(0));
  std::size_t column = 1;
  for (const ChartField& f : fields) {
    if (!f.rate) continue;
    const std::int64_t n = store::cell_int(counts[0].at(column++));
    out.rates.emplace_back(f.key, TruthyRate{n, out.total, percent(n, out.total)});
  }
  for (const ChartField& f : fields) {
    if (f.rows > 0) out.distributions.emplace_back(f.key, distribution(*conn, view, where, f, out.total));
  }
  return out;
}

SignalTrends CaseService::trends(const std::string& dataset_id,
                                 const CaseSelection& selection) const {
  const SignalsView view = SignalsService(catalog_, settings_).layout(dataset_id);
  const auto& columns = view.cases.columns;
  auto conn = catalog_.store().connection();
  const store::SqlWhere where = matching_cases(*conn, columns, selection);
  const Json display = Json::parse(view.display_config);
  const auto strip = display.find("kpi_strip");
  SignalTrends out;
  out.dataset_id = view.dataset.id;
  out.figures = compute_kpi_trends(*conn, view.cases.table_name, columns,
                                   strip == display.end() ? Json::array() : *strip,
                                   "date_trunc('week', " + case_time_sql(columns) + ")", where);
  return out;
}

FilterOptions CaseService::filter_options(const std::string& dataset_id) const {
  const SignalsView view = SignalsService(catalog_, settings_).layout(dataset_id);
  const Json display = Json::parse(view.display_config);
  FilterOptions out;
  out.dataset_id = view.dataset.id;
  auto filters = display.find("filters");
  if (filters == display.end() || !filters->is_array()) return out;
  auto conn = catalog_.store().connection();
  for (const Json& filter : *filters) {
    if (!filter.is_object()) continue;
    const std::string key = text_of(filter, "type") == "source"
                                ? text_of(filter, "field")
                                : text_of(filter, "metric") + "__" + text_of(filter, "signal");
    if (std::any_of(out.options.begin(), out.options.end(), [&](const auto& o) { return o.first == key; })) {
      continue;
    }
    auto configured = filter.find("options");
    if (configured != filter.end() && configured->is_array() && !configured->empty()) {
      out.options.emplace_back(key, util::json_text(*configured));
      continue;
    }
    Json values = Json::array();
    const std::string type = column_type(view.cases.columns, key);
    if (!type.empty()) {
      conn->query("SELECT _axis_v FROM (SELECT unnest(" + case_values_sql(quote_ident(key), type) +
                      ") AS _axis_v FROM " + quote_ident(view.cases.table_name) +
                      ") GROUP BY _axis_v ORDER BY _axis_v LIMIT ?",
                  {kMaxFigureRows})
          .for_each_row([&](const auto& row) { values.push_back(row[0].value_or("")); });
    }
    out.options.emplace_back(key, util::json_text(values));
  }
  return out;
}

}  // namespace axis::signals
