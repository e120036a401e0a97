#include "monitoring/alerts.h"

#include <algorithm>
#include <cstdio>
#include <map>

#include "monitoring/monitoring_analytics_queries.h"
#include "store/connection.h"
#include "store/store.h"

namespace axis::monitoring {
namespace {

using store::cell_double;
using store::cell_int;

std::string format(const char* pattern, double a, double b = 0) {
  char buf[128];
  std::snprintf(buf, sizeof buf, pattern, a, b);
  return buf;
}

// has_errors read as a truth value: true, a non-zero number, or true/1/yes/y/t as text.
std::string has_errors_sql(const MonitoringDataset& d) {
  const auto* c = find_column(d.columns(), "has_errors");
  if (!c) return "false";
  const std::string q = datasets::quote_ident(c->name);
  if (c->type == "BOOLEAN") return "coalesce(" + q + ", false)";
  if (c->type == "VARCHAR") {
    return "coalesce(lower(trim(" + q + ")) IN ('true', '1', '1.0', 'yes', 'y', 't'), false)";
  }
  return "coalesce(TRY_CAST(" + q + " AS DOUBLE) <> 0, false)";
}

std::vector<SourceStats> source_stats(store::Connection& conn, const MonitoringScope& scope,
                                      const MonitoringConfig& config) {
  std::map<std::optional<std::string>, SourceStats> by_source;
  auto entry = [&](const std::optional<std::string>& name) -> SourceStats& {
    SourceStats& s = by_source[name];
    s.source_name = name;
    s.thresholds = name ? config.thresholds_for(*name) : config.thresholds;
    return s;
  };
  // Scores: the pass threshold is the source's own.
  std::vector<store::Value> values;
  std::string pass = "?";
  if (!config.per_source.empty()) {
    pass = "CASE";
    for (const auto& [name, t] : config.per_source) {
      pass += " WHEN _group = ? THEN ?";
      values.insert(values.end(), {name, t.pass});
    }
    pass += " ELSE ? END";
  }
  values.push_back(config.thresholds.pass);
  const SqlSource mv = scope.metric_values("source_name");
  values.insert(values.end(), mv.values.begin(), mv.values.end());
  conn.query("SELECT _group, count(*), avg(_score), count(*) FILTER (WHERE _score >= " + pass +
                 ") FROM (" + mv.sql + ") GROUP BY _group",
             values)
      .for_each_row([&](const auto& row) {
        SourceStats& s = entry(row[0]);
        s.scores = cell_int(row[1]);
        s.avg_score = cell_double(row[2]);
        s.pass_rate = s.scores > 0 ? 100.0 * cell_double(row[3]) / s.scores : 0.0;
      });
  // Errors and latency: every filtered row.
  const MonitoringDataset& d = scope.dataset();
  const std::string latency = d.latency();
  const SqlSource rows = scope.rows();
  conn.query("SELECT " + d.text("source_name") + ", count(*), count(*) FILTER (WHERE " +
                 has_errors_sql(d) + "), count(*) FILTER (WHERE isfinite(" + latency +
                 ")), quantile_cont(" + latency + ", 0.95) FILTER (WHERE isfinite(" + latency +
                 "))" + rows.sql + " GROUP BY 1",
             rows.values)
      .for_each_row([&](const auto& row) {
        SourceStats& s = entry(row[0]);
        s.rows = cell_int(row[1]);
        s.errors = cell_int(row[2]);
        s.error_rate = s.rows > 0 ? 100.0 * s.errors / s.rows : 0.0;
        s.latencies = cell_int(row[3]);
        s.p95_latency = cell_double(row[4]);
      });
  std::vector<SourceStats> out;
  for (auto& [name, s] : by_source) out.push_back(std::move(s));
  // Named sources by name, then the rows without a source_name.
  std::stable_partition(out.begin(), out.end(),
                        [](const auto& s) { return s.source_name.has_value(); });
  return out;
}

void threshold_alerts(const SourceStats& s, std::vector<Alert>& out) {
  const std::string id_suffix = ":" + s.source_name.value_or("");
  const std::string where = s.source_name ? " for " + *s.source_name : "";
  auto add = [&](const std::string& type, const std::string& severity, double value,
                 double threshold, const std::string& message) {
    out.push_back({type + id_suffix, "threshold", type, severity, std::nullopt, s.source_name,
                   message + where, value, threshold, std::nullopt});
  };
  if (s.scores > 0 && s.avg_score < s.thresholds.good) {
    add("low-score", "warning", s.avg_score, s.thresholds.good,
        format("Average score %.3f is below the good threshold %.2f", s.avg_score,
               s.thresholds.good));
  }
  if (s.scores > 0 && s.pass_rate < kMinPassRate) {
    add("low-pass-rate", "error", s.pass_rate, kMinPassRate,
        format("Pass rate %.1f%% is below %.0f%%", s.pass_rate, kMinPassRate) +
            format(" (a score passes at %.2f)", s.thresholds.pass));
  }
  if (s.rows > 0 && s.error_rate > kMaxErrorRate) {
    add("high-error-rate", "error", s.error_rate, kMaxErrorRate,
        format("Error rate %.1f%% is above %.0f%%", s.error_rate, kMaxErrorRate));
  }
  if (s.latencies > 0 && s.p95_latency > kMaxP95LatencyMs) {
    add("high-latency", "warning", s.p95_latency, kMaxP95LatencyMs,
        format("p95 latency %.0f ms is above %.0f ms", s.p95_latency, kMaxP95LatencyMs));
  }
}

void anomaly_alerts(const std::string& metric, const std::string& timestamp,
                    const AnomalyCheck& c, const AnomalyDetection& config,
                    const std::optional<std::string>& source_name, std::vector<Alert>& out) {
  auto add = [&](const std::string& type, const std::string& severity, double value,
                 double threshold, const std::string& message) {
    out.push_back({type + ":" + metric, "anomaly", type, severity, metric, source_name,
                   metric + ": " + message, value, threshold, timestamp});
  };
  if (c.z_fired) {
    add("z-score", config.z_score.severity, *c.z_score, config.z_score.threshold,
        format("the latest average is %.2f standard deviations from the mean (limit %.2f)",
               *c.z_score, config.z_score.threshold));
  }
  if (c.moving_average_fired) {
    add("moving-average", config.moving_average.severity, *c.moving_average_deviation,
        config.moving_average.deviation_threshold,
        format("the latest average deviates %+.3f from its moving average %.3f",
               *c.moving_average_deviation, *c.moving_average) +
            format(" (limit %.3f)", config.moving_average.deviation_threshold));
  }
  if (c.rate_of_change_fired) {
    add("rate-of-change", config.rate_of_change.severity, *c.rate_of_change,
        config.rate_of_change.threshold,
        format("the average changed %+.3f since the previous point (limit %.3f)",
               *c.rate_of_change, config.rate_of_change.threshold));
  }
}

// Anomaly checks per metric; adds the alerts and returns what was evaluated.
AnomalyEvaluation anomalies(store::Connection& conn, const MonitoringScope& scope,
                            const AnomalyDetection& config, const std::string& granularity,
                            std::vector<Alert>& alerts) {
  AnomalyEvaluation out{config.enabled, granularity, config.min_data_points, {}};
  if (!config.enabled) return out;
  std::map<std::string, std::pair<std::vector<double>, std::string>> series;
  for (const TrendPoint& p : trend_points(conn, scope, truncation_unit(granularity))) {
    auto& s = series[p.metric];
    s.first.push_back(p.avg);
    s.second = p.timestamp;
  }
  for (const auto& [metric, s] : series) {
    const AnomalyCheck c = check_series(metric, s.first, config);
    if (c.checked) anomaly_alerts(metric, s.second, c, config, scope.filters().source_name, alerts);
    out.metrics.push_back({metric, s.second, c});
  }
  return out;
}

int severity_rank(const std::string& severity) {
  if (severity == "critical") return 0;
  if (severity == "error") return 1;
  if (severity == "warning") return 2;
  return 3;
}

}  // namespace

AlertsResult compute_alerts(const datasets::DatasetCatalog& catalog,
                            const AnalyticsRequest& request, const MonitoringConfig& config,
                            const std::string& granularity) {
  auto conn = catalog.store().connection();
  const MonitoringScope scope = MonitoringScope::open(catalog, *conn, request);
  AlertsResult out;
  out.dataset_id = scope.dataset().info().id;
  out.sources = source_stats(*conn, scope, config);
  for (const SourceStats& s : out.sources) threshold_alerts(s, out.alerts);
  out.anomaly_detection = anomalies(*conn, scope, config.anomaly_detection, granularity, out.alerts);
  std::stable_sort(out.alerts.begin(), out.alerts.end(), [](const Alert& a, const Alert& b) {
    return severity_rank(a.severity) < severity_rank(b.severity);
  });
  return out;
}

}  // namespace axis::monitoring
