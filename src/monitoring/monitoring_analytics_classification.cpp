// classification-breakdown and classification-trends: label counts of the CLASSIFICATION rows.
#include <cmath>
#include <set>

#include "monitoring/monitoring_analytics.h"
#include "store/connection.h"
#include "store/store.h"
#include "util/http_error.h"

namespace axis::monitoring {
namespace {

using store::cell_int;

// The labelled CLASSIFICATION rows in scope as a SELECT of _metric, _ts and _label. A row's
// label is the first non-blank of: the category_source column, actual_output, metric_score.
SqlSource labelled_rows(const MonitoringScope& scope, const std::string& category_source) {
  const MonitoringDataset& d = scope.dataset();
  if (!d.has(category_source)) {
    throw util::HttpError(400, "Unknown category_source '" + category_source +
                                   "': the dataset has no such column");
  }
  std::string label;
  for (const std::string& column : {category_source, std::string("actual_output")}) {
    if (d.has(column)) label += "nullif(trim(" + d.text(column) + "), ''), ";
  }
  label = "coalesce(" + label + d.text("metric_score") + ")";
  const std::string is_classification =
      d.has("metric_category") ? "upper(" + d.text("metric_category") + ") = 'CLASSIFICATION'"
                               : "false";
  const std::string ts = d.timestamp().empty() ? "CAST(NULL AS TIMESTAMP)" : d.timestamp();
  const SqlSource rows = scope.rows(is_classification);
  return {"SELECT " + d.text("metric_name") + " AS _metric, " + ts + " AS _ts, " + label +
              " AS _label" + rows.sql,
          rows.values};
}

double percentage(std::int64_t count, std::int64_t total) {
  return total > 0 ? std::round(1000.0 * count / total) / 10.0 : 0.0;
}

}  // namespace

ClassificationBreakdownResult compute_classification_breakdown(
    const datasets::DatasetCatalog& catalog, const AnalyticsRequest& request,
    const std::string& category_source) {
  auto conn = catalog.store().connection();
  const MonitoringScope scope = MonitoringScope::open(catalog, *conn, request);
  const SqlSource rows = labelled_rows(scope, category_source);
  ClassificationBreakdownResult out;
  conn->query("SELECT _metric, _label, count(*) AS n FROM (" + rows.sql +
                  ") WHERE _label IS NOT NULL GROUP BY ALL ORDER BY _metric NULLS LAST, n DESC, "
                  "_label",
              rows.values)
      .for_each_row([&](const auto& row) {
        if (out.metrics.empty() || out.metrics.back().metric_name != row[0]) {
          out.metrics.push_back({row[0], {}, 0});
        }
        out.metrics.back().categories.push_back({row[1].value_or(""), cell_int(row[2]), 0.0});
        out.metrics.back().total_count += cell_int(row[2]);
      });
  for (MetricLabels& m : out.metrics) {
    for (LabelCount& c : m.categories) c.percentage = percentage(c.count, m.total_count);
  }
  return out;
}

ClassificationTrendsResult compute_classification_trends(const datasets::DatasetCatalog& catalog,
                                                         const AnalyticsRequest& request,
                                                         const std::string& metric_name,
                                                         const std::string& granularity,
                                                         const std::string& category_source) {
  AnalyticsRequest narrowed = request;
  narrowed.filters.metric_name = metric_name;
  auto conn = catalog.store().connection();
  const MonitoringScope scope = MonitoringScope::open(catalog, *conn, narrowed);
  const SqlSource rows = labelled_rows(scope, category_source);
  const std::string unit = truncation_unit(granularity);
  ClassificationTrendsResult out{{}, metric_name, granularity, {}};
  std::set<std::string> labels;
  conn->query("SELECT " + iso_utc_sql("_bucket") + ", _label, n FROM (SELECT date_trunc('" +
                  unit + "', _ts) AS _bucket, _label, count(*) AS n FROM (" + rows.sql +
                  ") WHERE _label IS NOT NULL AND _ts IS NOT NULL GROUP BY ALL) "
                  "ORDER BY _bucket, _label",
              rows.values)
      .for_each_row([&](const auto& row) {
        const std::string ts = row[0].value_or("");
        if (out.buckets.empty() || out.buckets.back().timestamp != ts) {
          out.buckets.push_back({ts, {}});
        }
        // (bucket, label) pairs are unique: the query groups by both.
        out.buckets.back().counts.emplace_back(row[1].value_or(""), cell_int(row[2]));
        labels.insert(row[1].value_or(""));
      });
  out.unique_categories.assign(labels.begin(), labels.end());
  return out;
}

}  // namespace axis::monitoring
