// GET /api/monitoring/analytics/*: the monitoring dashboard's analytics and alerts on a stored
// monitoring dataset (spec data.md §2.4, §2.5).
#include <functional>

#include "api/monitoring_params.h"
#include "api/routes.h"
#include "monitoring/monitoring_answers.h"
#include "util/http_error.h"

namespace axis::api {
namespace {

using monitoring::AnalyticsRequest;
using monitoring::MonitoringAnswers;

// What an endpoint makes of its own parameters: the call that answers once every parameter of
// the request is known to be valid.
using Answer = std::function<std::string()>;
using Reader = std::function<Answer(QueryParams&, const MonitoringAnswers&, const AnalyticsRequest&)>;

// What the handlers use: the configuration (default filters) and the answers behind the cache.
struct Deps {
  const config::Settings& settings;
  util::StoreBacked<const MonitoringAnswers> answers;
};

constexpr std::int64_t kMaxPage = 1'000'000'000;
constexpr std::size_t kMaxCorrelationMetrics = 50;

const http::QueryParamDoc kGroupBy{"group_by", "string", false,
                                   "environment | source_name | source_component | source_type | "
                                   "metric_name | evaluation_name | model_name"};
const http::QueryParamDoc kGranularity{"granularity", "string", false,
                                       "hourly | daily | weekly (default daily)"};
const http::QueryParamDoc kCategorySource{"category_source", "string", false,
                                          "Column holding the label (default explanation)"};

// GET /api/monitoring/analytics/<name>, replying the component schema `reply`.
void add(http::Router& router, const Deps& deps, const std::string& name, const std::string& summary,
         const std::string& reply, std::vector<http::QueryParamDoc> extra, Reader reader) {
  std::vector<http::QueryParamDoc> docs = {
      {"dataset_id", "string", false, "Dataset id (default: the newest monitoring dataset)"}};
  for (auto& d : monitoring_filter_docs()) docs.push_back(std::move(d));
  for (auto& d : extra) docs.push_back(std::move(d));
  router.add("GET", "/api/monitoring/analytics/" + name,
             [deps, reader](const http::Request& req) {
               QueryParams params(req);
               const AnalyticsRequest request = analytics_request(params, deps.settings);
               const Answer answer = reader(params, *deps.answers, request);
               params.check();
               return http::Response::json(answer());
             },
             {"monitoring-analytics", summary, http::BodyKind::none, std::move(docs), reply});
}

void add_overview_routes(http::Router& router, const Deps& deps) {
  add(router, deps, "summary", "Record count, average score, pass rate and latency percentiles",
      "MonitoringSummaryReply", {},
      [](QueryParams&, const MonitoringAnswers& a, const AnalyticsRequest& r) -> Answer {
        return [&a, r] { return a.summary(r); };
      });
  add(router, deps, "trends", "Average and percentile scores per time bucket and metric",
      "MonitoringTrendsReply", {kGranularity},
      [](QueryParams& p, const MonitoringAnswers& a, const AnalyticsRequest& r) -> Answer {
        const std::string granularity = granularity_param(p);
        return [&a, r, granularity] { return a.trends(r, granularity); };
      });
  add(router, deps, "latency-distribution",
      "Latency histogram and percentiles, optionally per group", "LatencyReply",
      {{"bins", "integer", false, "Histogram bins, 5-100 (default 20)"}, kGroupBy},
      [](QueryParams& p, const MonitoringAnswers& a, const AnalyticsRequest& r) -> Answer {
        const auto bins = static_cast<int>(p.integer("bins", 20, 5, 100));
        const auto group_by = group_by_param(p);
        return [&a, r, bins, group_by] { return a.latency_distribution(r, bins, group_by); };
      });
  add(router, deps, "class-distribution", "One metric's score distribution per group",
      "ClassDistributionReply",
      {{"metric", "string", true, "The metric"}, kGroupBy},
      [](QueryParams& p, const MonitoringAnswers& a, const AnalyticsRequest& r) -> Answer {
        const std::string metric = p.required("metric");
        const std::string group_by = p.required("group_by");
        if (!group_by.empty()) monitoring::check_group_by(group_by);
        return [&a, r, metric, group_by] { return a.class_distribution(r, metric, group_by); };
      });
}

void add_metric_routes(http::Router& router, const Deps& deps) {
  add(router, deps, "metric-breakdown", "Pass rate, average and count per metric (and group)",
      "MetricBreakdownReply",
      {{"threshold", "number", false, "Pass threshold (default 0.5)"}, kGroupBy},
      [](QueryParams& p, const MonitoringAnswers& a, const AnalyticsRequest& r) -> Answer {
        const double threshold = number_param(p, "threshold", 0.5);
        const auto group_by = group_by_param(p);
        return [&a, r, threshold, group_by] { return a.metric_breakdown(r, threshold, group_by); };
      });
  add(router, deps, "correlation", "Pearson correlation matrix of metrics",
      "MonitoringCorrelationReply",
      {{"metrics", "string", true, "Comma-separated metric names"}},
      [](QueryParams& p, const MonitoringAnswers& a, const AnalyticsRequest& r) -> Answer {
        const auto metrics = comma_list(p.required("metrics"));
        if (metrics.size() > kMaxCorrelationMetrics) {
          throw util::HttpError(400, "At most " + std::to_string(kMaxCorrelationMetrics) +
                                         " metrics can be correlated");
        }
        return [&a, r, metrics] { return a.correlation(r, metrics); };
      });
}

void add_record_routes(http::Router& router, const Deps& deps) {
  add(router, deps, "classification-breakdown", "Label counts of the CLASSIFICATION rows per metric",
      "ClassificationBreakdownReply",
      {kCategorySource}, [](QueryParams& p, const MonitoringAnswers& a, const AnalyticsRequest& r) -> Answer {
        const std::string source = p.text("category_source").value_or("explanation");
        return [&a, r, source] { return a.classification_breakdown(r, source); };
      });
  add(router, deps, "classification-trends", "Label counts of one metric per time bucket",
      "ClassificationTrendsReply",
      {kGranularity, kCategorySource},
      [](QueryParams& p, const MonitoringAnswers& a, const AnalyticsRequest& r) -> Answer {
        const std::string metric = p.required("metric_name");
        const std::string granularity = granularity_param(p);
        const std::string source = p.text("category_source").value_or("explanation");
        return [&a, r, metric, granularity, source] {
          return a.classification_trends(r, metric, granularity, source);
        };
      });
  add(router, deps, "analysis-insights", "The ANALYSIS rows, newest first, a page at a time",
      "InsightsReply",
      {{"page", "integer", false, "Page, from 1 (default 1)"},
       {"limit", "integer", false, "Records per page, 1-100 (default 20)"}},
      [](QueryParams& p, const MonitoringAnswers& a, const AnalyticsRequest& r) -> Answer {
        const std::int64_t page = p.integer("page", 1, 1, kMaxPage);
        const std::int64_t limit = p.integer("limit", 20, 1, 100);
        return [&a, r, page, limit] { return a.analysis_insights(r, page, limit); };
      });
}

void add_alert_route(http::Router& router, const Deps& deps) {
  add(router, deps, "alerts",
      "Threshold alerts per source and anomaly alerts per metric (monitoring_db thresholds and "
      "anomaly_detection)",
      "AlertsReply",
      {kGranularity}, [](QueryParams& p, const MonitoringAnswers& a, const AnalyticsRequest& r) -> Answer {
        const std::string granularity = granularity_param(p);
        return [&a, r, granularity] { return a.alerts(r, granularity); };
      });
}

}  // namespace

void register_monitoring_analytics_routes(
    http::Router& router, const config::Settings& settings,
    util::StoreBacked<const monitoring::MonitoringAnswers> answers) {
  const Deps deps{settings, answers};
  add_overview_routes(router, deps);
  add_metric_routes(router, deps);
  add_record_routes(router, deps);
  add_alert_route(router, deps);
}

}  // namespace axis::api
