// The figures of the human-signals KPI strip, computed in SQL over the cases table.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

#include "datasets/catalog.h"
#include "store/sql_text.h"

namespace axis::store { class Connection; }

namespace axis::signals {

// One figure per kpi_strip entry: {key, label, value, format, aggregation, missing}.
//  - {metric, signal} entries read column "<metric>__<signal>". Their aggregation is the
//    entry's `aggregation` (or `aggregate` when that names a statistic): rate, median, mean
//    (avg), sum, min, max or count; by default rate for a BOOLEAN column, else median.
//    rate = 100 * truthy cases / cases with a value; the statistics use the cases with a
//    numeric value. Cases without a value are `missing` — never counted as false or 0.
//  - {aggregate: avg_message_count} = mean Message_Count; {aggregate: total_cases} = cases.
// value is null when no case has a value or the column does not exist (then missing = all
// cases). `columns` is the cases table's schema: the only column names used in SQL. Only the
// cases `where` selects are counted (e.g. one source's).
nlohmann::ordered_json compute_kpis(store::Connection& conn, const std::string& cases_table,
                                    const std::vector<datasets::ColumnInfo>& columns,
                                    const nlohmann::ordered_json& kpi_strip,
                                    const store::SqlWhere& where = {});

// The most weeks a trend lists (the earliest first).
inline constexpr int kMaxTrendWeeks = 520;

// Every kpi_strip figure per week, as JSON text: weeks ["2026-01-05", …] (the Monday starting
// each week that has cases), cases [per week], series [{key, label, format, aggregation,
// values [per week, null when no case has a value], missing [per week]}]. `week_sql` is AXIS's
// SQL giving a case's week start as a TIMESTAMP (NULL: undated, left out).
struct KpiTrends {
  std::string weeks, cases, series;
};
KpiTrends compute_kpi_trends(store::Connection& conn, const std::string& cases_table,
                             const std::vector<datasets::ColumnInfo>& columns,
                             const nlohmann::ordered_json& kpi_strip, const std::string& week_sql,
                             const store::SqlWhere& where = {});

}  // namespace axis::signals
