// Queries shared by several monitoring endpoints: the score/latency KPIs (summary, store
// metadata), the per-bucket metric trend (trends, alerts), percentile helpers and group keys.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "monitoring/monitoring_analytics_scope.h"

namespace axis::store { class Connection; }

namespace axis::monitoring {

// SQL for p50/p95/p99 of `expr` as one list aggregate (quantile_cont: linear interpolation).
std::string percentiles_sql(const std::string& expr);
// The three elements of a list column named `list`: "list[1], list[2], list[3]".
std::string percentile_items_sql(const std::string& list);

// A group's key in the per-group results: its value, or "Unknown" for rows without one.
inline std::string group_key(const std::optional<std::string>& value) {
  return value.value_or("Unknown");
}

struct Percentiles {
  double p50 = 0, p95 = 0, p99 = 0;
};
// Percentiles from three text cells starting at `row[first]` (null/NaN → 0).
Percentiles read_percentiles(const std::vector<std::optional<std::string>>& row, std::size_t first);

struct ScoreKpis {
  std::int64_t total_records = 0;  // finite scores
  double avg_score = 0;
  double pass_rate = 0;            // percent of scores >= 0.5
  Percentiles latency;
};

// `scores` is a SELECT with a DOUBLE column _score, `latencies` one with a DOUBLE column
// _latency; non-finite values are ignored.
ScoreKpis score_kpis(store::Connection& conn, const SqlSource& scores,
                     const SqlSource& latencies);
// The same in one scan when every score has its own row: `rows` is a SELECT with DOUBLE columns
// _score and _latency; the latency percentiles cover the rows with a finite score.
ScoreKpis score_kpis(store::Connection& conn, const SqlSource& rows);

struct TrendPoint {
  std::string timestamp;  // bucket start, ISO 8601 UTC
  std::string metric;
  double avg = 0;
  Percentiles score;      // p50/p95/p99 of the scores in the bucket
  std::int64_t count = 0;
};

// Scores per (time bucket, metric), bucket ascending then metric; `unit` is a date_trunc unit
// from truncation_unit(). Values without a timestamp are left out.
std::vector<TrendPoint> trend_points(store::Connection& conn, const MonitoringScope& scope,
                                     const std::string& unit);

}  // namespace axis::monitoring
