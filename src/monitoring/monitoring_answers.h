// MonitoringAnswers: the monitoring analytics (monitoring_analytics.h, alerts.h) behind the App's
// answer cache. Each answer is computed as a typed result, written as reply text once by the
// AnswerRenderer the api layer gives, and that text is kept under a key naming the dataset's
// table, its creation time and row count, the request's filters and the endpoint's own
// parameters, so a newer upload or a deleted dataset is never answered from the cache;
// concurrent requests for one answer wait for one computation (util/answer_cache.h). warm()
// computes the answers a first visit to the Monitoring page asks for, by calling these same
// methods.
//
// Replies are kept rendered because some are large: writing the hourly trends of 90 days and 20
// metrics (43,200 points, 6 MB) on every request took about 540 ms, sending the kept text 17 ms.
//
// Owned by the App. Thread-safe. Every method blocks (DuckDB); HttpError 404 when there is no
// monitoring dataset (or `dataset_id` names none), 400/422 for bad parameters.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "monitoring/answer_renderer.h"
#include "monitoring/monitoring_analytics_scope.h"
#include "monitoring/monitoring_config.h"

namespace axis::datasets { class DatasetCatalog; }
namespace axis::util { class AnswerCache; }

namespace axis::monitoring {

class MonitoringAnswers {
 public:
  // `catalog` and `cache` must outlive the service; `config` is monitoring_db's thresholds and
  // anomaly rules.
  MonitoringAnswers(const datasets::DatasetCatalog& catalog, util::AnswerCache& cache,
                    std::unique_ptr<const AnswerRenderer> renderer, MonitoringConfig config);
  ~MonitoringAnswers();

  // The reply text of each endpoint, as the renderer wrote it.
  std::string summary(const AnalyticsRequest& request) const;
  std::string trends(const AnalyticsRequest& request, const std::string& granularity) const;
  std::string latency_distribution(const AnalyticsRequest& request, int bins,
                                   const std::optional<std::string>& group_by) const;
  std::string class_distribution(const AnalyticsRequest& request, const std::string& metric,
                                 const std::string& group_by) const;
  std::string metric_breakdown(const AnalyticsRequest& request, double threshold,
                               const std::optional<std::string>& group_by) const;
  std::string correlation(const AnalyticsRequest& request,
                          const std::vector<std::string>& metrics) const;
  std::string classification_breakdown(const AnalyticsRequest& request,
                                       const std::string& category_source) const;
  std::string classification_trends(const AnalyticsRequest& request, const std::string& metric,
                                    const std::string& granularity,
                                    const std::string& category_source) const;
  std::string analysis_insights(const AnalyticsRequest& request, std::int64_t page,
                                std::int64_t limit) const;
  std::string alerts(const AnalyticsRequest& request, const std::string& granularity) const;

  // Computes and keeps what the Monitoring page asks for first, for `dataset_id` without
  // filters: the summary, daily alerts and trends, the latency distribution, the metric
  // breakdown at the pass threshold, the classification breakdown, the first page of insights,
  // then hourly and weekly trends. A failure (the dataset deleted meanwhile) stops it quietly.
  void warm(const std::string& dataset_id, const std::vector<std::string>& visible_metrics) const;

 private:
  // The kept reply of `endpoint` for `request` and `parameters`: the typed result
  // `compute(request)` returns, rendered.
  template <class Compute>
  std::string answer(const std::string& endpoint, AnalyticsRequest request,
                     const std::string& parameters, const Compute& compute) const;

  const datasets::DatasetCatalog& catalog_;
  util::AnswerCache& cache_;
  std::unique_ptr<const AnswerRenderer> renderer_;
  MonitoringConfig config_;
};

}  // namespace axis::monitoring
