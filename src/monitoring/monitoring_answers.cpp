#include "monitoring/monitoring_answers.h"

#include <spdlog/spdlog.h>

#include <cstdio>

#include "datasets/catalog.h"
#include "monitoring/monitoring_analytics.h"
#include "monitoring/monitoring_dataset.h"
#include "util/answer_cache.h"

namespace axis::monitoring {
namespace {

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

}  // namespace

MonitoringAnswers::MonitoringAnswers(const datasets::DatasetCatalog& catalog,
                                     util::AnswerCache& cache,
                                     std::unique_ptr<const AnswerRenderer> renderer,
                                     MonitoringConfig config)
    : catalog_(catalog),
      cache_(cache),
      renderer_(std::move(renderer)),
      config_(std::move(config)) {}

MonitoringAnswers::~MonitoringAnswers() = default;

// The dataset is resolved first (the newest one when none is named), so the key names the
// stored table the answer is computed from.
template <class Compute>
std::string MonitoringAnswers::answer(const std::string& endpoint, AnalyticsRequest request,
                                      const std::string& parameters,
                                      const Compute& compute) const {
  const datasets::DatasetInfo dataset = MonitoringDataset::open(catalog_, request.dataset_id).info();
  request.dataset_id = dataset.id;
  const std::string key = key_of({endpoint, dataset.table_name, dataset.created_at,
                                  std::to_string(dataset.row_count)}) +
                          request_key(request) + parameters;
  return *cache_.get_or_compute(key, [&] { return renderer_->render(compute(request)); });
}

std::string MonitoringAnswers::summary(const AnalyticsRequest& r) const {
  return answer("summary", r, "", [&](const AnalyticsRequest& q) {
    return compute_summary(catalog_, q);
  });
}

std::string MonitoringAnswers::trends(const AnalyticsRequest& r, const std::string& granularity) const {
  return answer("trends", r, key_of({granularity}), [&](const AnalyticsRequest& q) {
    return compute_trends(catalog_, q, granularity);
  });
}

std::string MonitoringAnswers::latency_distribution(const AnalyticsRequest& r, int bins,
                                                    const std::optional<std::string>& group_by) const {
  return answer("latency-distribution", r, key_of({std::to_string(bins), group_by}),
                [&](const AnalyticsRequest& q) {
                  return compute_latency_distribution(catalog_, q, bins, group_by);
                });
}

std::string MonitoringAnswers::class_distribution(const AnalyticsRequest& r,
                                                  const std::string& metric,
                                                  const std::string& group_by) const {
  return answer("class-distribution", r, key_of({metric, group_by}),
                [&](const AnalyticsRequest& q) {
                  return compute_class_distribution(catalog_, q, metric, group_by);
                });
}

std::string MonitoringAnswers::metric_breakdown(const AnalyticsRequest& r, double threshold,
                                                const std::optional<std::string>& group_by) const {
  return answer("metric-breakdown", r, key_of({number_key(threshold), group_by}),
                [&](const AnalyticsRequest& q) {
                  return compute_metric_breakdown(catalog_, q, threshold, group_by);
                });
}

std::string MonitoringAnswers::correlation(const AnalyticsRequest& r,
                                           const std::vector<std::string>& metrics) const {
  std::string key;
  for (const std::string& m : metrics) key += key_of({m});
  return answer("correlation", r, key, [&](const AnalyticsRequest& q) {
    return compute_correlation(catalog_, q, metrics);
  });
}

std::string MonitoringAnswers::classification_breakdown(const AnalyticsRequest& r,
                                                        const std::string& source) const {
  return answer("classification-breakdown", r, key_of({source}), [&](const AnalyticsRequest& q) {
    return compute_classification_breakdown(catalog_, q, source);
  });
}

std::string MonitoringAnswers::classification_trends(const AnalyticsRequest& r,
                                                     const std::string& metric,
                                                     const std::string& granularity,
                                                     const std::string& source) const {
  return answer("classification-trends", r, key_of({metric, granularity, source}),
                [&](const AnalyticsRequest& q) {
                  return compute_classification_trends(catalog_, q, metric, granularity, source);
                });
}

std::string MonitoringAnswers::analysis_insights(const AnalyticsRequest& r, std::int64_t page,
                                                 std::int64_t limit) const {
  return answer("analysis-insights", r, key_of({std::to_string(page), std::to_string(limit)}),
                [&](const AnalyticsRequest& q) {
                  return compute_analysis_insights(catalog_, q, page, limit);
                });
}

std::string MonitoringAnswers::alerts(const AnalyticsRequest& r, const std::string& granularity) const {
  return answer("alerts", r, key_of({granularity}), [&](const AnalyticsRequest& q) {
    return compute_alerts(catalog_, q, config_, granularity);
  });
}

void MonitoringAnswers::warm(const std::string& dataset_id,
                             const std::vector<std::string>& visible_metrics) const {
  const AnalyticsRequest r{dataset_id, {}, visible_metrics};
  try {
    summary(r);
    alerts(r, "daily");
    trends(r, "daily");
    latency_distribution(r, 20, std::nullopt);
    metric_breakdown(r, config_.thresholds.pass, std::nullopt);
    classification_breakdown(r, "explanation");
    analysis_insights(r, 1, 10);
    trends(r, "hourly");
    trends(r, "weekly");
  } catch (const std::exception& e) {
    spdlog::debug("warm-up of the monitoring answers of dataset {} stopped: {}", dataset_id, e.what());
  }
}

}  // namespace axis::monitoring
