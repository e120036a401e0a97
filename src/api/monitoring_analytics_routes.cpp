// GET /api/monitoring/analytics/*: the monitoring dashboard's analytics and alerts on a stored
// monitoring dataset (spec data.md §2.4, §2.5).
#include <cstdio>
#include <functional>
#include <memory>

#include "api/monitoring_params.h"
#include "api/routes.h"
#include "app/app.h"
#include "datasets/catalog.h"
#include "monitoring/alerts.h"
#include "monitoring/monitoring_analytics.h"
#include "monitoring/monitoring_dataset.h"
#include "util/answer_cache.h"
#include "util/http_error.h"

namespace axis::api {
namespace {

using monitoring::AnalyticsRequest;
using Catalog = datasets::DatasetCatalog;

// What an endpoint's own parameters make: the part of the answer's cache key they decide, and
// the work that computes the answer once every parameter is valid.
struct Work {
  std::string key;
  std::function<std::string(const Catalog&, const AnalyticsRequest&)> run;
};
using Reader = std::function<Work(QueryParams&)>;

constexpr std::int64_t kMaxPage = 1'000'000'000;
constexpr std::size_t kMaxCorrelationMetrics = 50;

const http::QueryParamDoc kGroupBy{"group_by", "string", false,
                                   "environment | source_name | source_component | source_type | "
                                   "metric_name | evaluation_name | model_name"};
const http::QueryParamDoc kGranularity{"granularity", "string", false,
                                       "hourly | daily | weekly (default daily)"};
const http::QueryParamDoc kCategorySource{"category_source", "string", false,
                                          "Column holding the label (default explanation)"};

// The cache key of a parameter list; absent values differ from every text.
std::string key_of(std::initializer_list<std::optional<std::string>> parts) {
  std::string key;
  for (const auto& part : parts) key += part ? '\x1f' + *part : std::string("\x1e");
  return key;
}

std::string number_key(double value) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.17g", value);
  return buf;
}

// The answer to one request: the dataset is resolved first (the newest one when none is
// named), so the key names the stored table the answer is computed from.
std::string answer(app::App& app, const std::string& name, AnalyticsRequest request,
                   const Work& work) {
  const Catalog& catalog = app.catalog();
  const datasets::DatasetInfo dataset =
      monitoring::MonitoringDataset::open(catalog, request.dataset_id).info();
  request.dataset_id = dataset.id;
  const std::string key = key_of({name, dataset.table_name, dataset.created_at,
                                  std::to_string(dataset.row_count)}) +
                          monitoring::request_key(request) + work.key;
  return *app.answers().get_or_compute(key, [&] { return work.run(catalog, request); });
}

void add(http::Router& router, app::App& app, const std::string& name, const std::string& summary,
         std::vector<http::QueryParamDoc> extra, Reader reader) {
  std::vector<http::QueryParamDoc> docs = {
      {"dataset_id", "string", false, "Dataset id (default: the newest monitoring dataset)"}};
  for (auto& d : monitoring_filter_docs()) docs.push_back(std::move(d));
  for (auto& d : extra) docs.push_back(std::move(d));
  router.add("GET", "/api/monitoring/analytics/" + name,
             [&app, name, reader](const http::Request& req) {
               QueryParams params(req);
               const AnalyticsRequest request = analytics_request(params, app.settings());
               const Work work = reader(params);
               params.check();
               return http::Response::json(answer(app, name, request, work));
             },
             {"monitoring-analytics", summary, http::BodyKind::none, std::move(docs)});
}

void add_overview_routes(http::Router& router, app::App& app) {
  add(router, app, "summary", "Record count, average score, pass rate and latency percentiles",
      {}, [](QueryParams&) -> Work {
        return {"", [](const Catalog& c, const AnalyticsRequest& r) {
                  return monitoring::summary_json(c, r);
                }};
      });
  add(router, app, "trends", "Average and percentile scores per time bucket and metric",
      {kGranularity}, [](QueryParams& p) -> Work {
        const std::string granularity = granularity_param(p);
        return {key_of({granularity}), [granularity](const Catalog& c, const AnalyticsRequest& r) {
                  return monitoring::trends_json(c, r, granularity);
                }};
      });
  add(router, app, "latency-distribution",
      "Latency histogram and percentiles, optionally per group",
      {{"bins", "integer", false, "Histogram bins, 5-100 (default 20)"}, kGroupBy},
      [](QueryParams& p) -> Work {
        const auto bins = static_cast<int>(p.integer("bins", 20, 5, 100));
        const auto group_by = group_by_param(p);
        return {key_of({std::to_string(bins), group_by}),
                [bins, group_by](const Catalog& c, const AnalyticsRequest& r) {
                  return monitoring::latency_distribution_json(c, r, bins, group_by);
                }};
      });
  add(router, app, "class-distribution", "One metric's score distribution per group",
      {{"metric", "string", true, "The metric"}, kGroupBy},
      [](QueryParams& p) -> Work {
        const std::string metric = p.required("metric");
        const std::string group_by = p.required("group_by");
        if (!group_by.empty()) monitoring::check_group_by(group_by);
        return {key_of({metric, group_by}),
                [metric, group_by](const Catalog& c, const AnalyticsRequest& r) {
                  return monitoring::class_distribution_json(c, r, metric, group_by);
                }};
      });
}

void add_metric_routes(http::Router& router, app::App& app) {
  add(router, app, "metric-breakdown", "Pass rate, average and count per metric (and group)",
      {{"threshold", "number", false, "Pass threshold (default 0.5)"}, kGroupBy},
      [](QueryParams& p) -> Work {
        const double threshold = number_param(p, "threshold", 0.5);
        const auto group_by = group_by_param(p);
        return {key_of({number_key(threshold), group_by}),
                [threshold, group_by](const Catalog& c, const AnalyticsRequest& r) {
                  return monitoring::metric_breakdown_json(c, r, threshold, group_by);
                }};
      });
  add(router, app, "correlation", "Pearson correlation matrix of metrics",
      {{"metrics", "string", true, "Comma-separated metric names"}},
      [](QueryParams& p) -> Work {
        const auto metrics = comma_list(p.required("metrics"));
        if (metrics.size() > kMaxCorrelationMetrics) {
          throw util::HttpError(400, "At most " + std::to_string(kMaxCorrelationMetrics) +
                                         " metrics can be correlated");
        }
        std::string key;
        for (const std::string& m : metrics) key += key_of({m});
        return {key, [metrics](const Catalog& c, const AnalyticsRequest& r) {
                  return monitoring::correlation_json(c, r, metrics);
                }};
      });
}

void add_record_routes(http::Router& router, app::App& app) {
  add(router, app, "classification-breakdown", "Label counts of the CLASSIFICATION rows per metric",
      {kCategorySource}, [](QueryParams& p) -> Work {
        const std::string source = p.text("category_source").value_or("explanation");
        return {key_of({source}), [source](const Catalog& c, const AnalyticsRequest& r) {
                  return monitoring::classification_breakdown_json(c, r, source);
                }};
      });
  add(router, app, "classification-trends", "Label counts of one metric per time bucket",
      {kGranularity, kCategorySource}, [](QueryParams& p) -> Work {
        const std::string metric = p.required("metric_name");
        const std::string granularity = granularity_param(p);
        const std::string source = p.text("category_source").value_or("explanation");
        return {key_of({metric, granularity, source}),
                [metric, granularity, source](const Catalog& c, const AnalyticsRequest& r) {
                  return monitoring::classification_trends_json(c, r, metric, granularity, source);
                }};
      });
  add(router, app, "analysis-insights", "The ANALYSIS rows, newest first, a page at a time",
      {{"page", "integer", false, "Page, from 1 (default 1)"},
       {"limit", "integer", false, "Records per page, 1-100 (default 20)"}},
      [](QueryParams& p) -> Work {
        const std::int64_t page = p.integer("page", 1, 1, kMaxPage);
        const std::int64_t limit = p.integer("limit", 20, 1, 100);
        return {key_of({std::to_string(page), std::to_string(limit)}),
                [page, limit](const Catalog& c, const AnalyticsRequest& r) {
                  return monitoring::analysis_insights_json(c, r, page, limit);
                }};
      });
}

void add_alert_route(http::Router& router, app::App& app) {
  auto config = std::make_shared<const monitoring::MonitoringConfig>(
      monitoring::parse_monitoring_config(app.settings().monitoring_db));
  add(router, app, "alerts",
      "Threshold alerts per source and anomaly alerts per metric (monitoring_db thresholds and "
      "anomaly_detection)",
      {kGranularity}, [config](QueryParams& p) -> Work {
        const std::string granularity = granularity_param(p);
        return {key_of({granularity}),
                [granularity, config](const Catalog& c, const AnalyticsRequest& r) {
                  return monitoring::alerts_json(c, r, *config, granularity);
                }};
      });
}

}  // namespace

void register_monitoring_analytics_routes(http::Router& router, app::App& app) {
  add_overview_routes(router, app);
  add_metric_routes(router, app);
  add_record_routes(router, app);
  add_alert_route(router, app);
}

}  // namespace axis::api
