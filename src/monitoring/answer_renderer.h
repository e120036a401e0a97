// AnswerRenderer: how MonitoringAnswers writes each typed result as the reply text it keeps.
// The api layer implements it (api::MonitoringReplies in api/monitoring_replies.h), so the
// monitoring service keeps finished replies without knowing their format.
//
// Implementations must be thread-safe (many requests render at once), must not block, and throw
// only std::bad_alloc.
#pragma once

#include <string>

#include "monitoring/alerts.h"
#include "monitoring/monitoring_results.h"

namespace axis::monitoring {

class AnswerRenderer {
 public:
  virtual ~AnswerRenderer() = default;

  virtual std::string render(const SummaryResult& result) const = 0;
  virtual std::string render(const TrendsResult& result) const = 0;
  virtual std::string render(const LatencyDistributionResult& result) const = 0;
  virtual std::string render(const ClassDistributionResult& result) const = 0;
  virtual std::string render(const MetricBreakdownResult& result) const = 0;
  virtual std::string render(const CorrelationResult& result) const = 0;
  virtual std::string render(const ClassificationBreakdownResult& result) const = 0;
  virtual std::string render(const ClassificationTrendsResult& result) const = 0;
  virtual std::string render(const AnalysisInsightsResult& result) const = 0;
  virtual std::string render(const AlertsResult& result) const = 0;
};

}  // namespace axis::monitoring
