// MonitoringAnswers: answers are kept per dataset and parameters as the text the renderer wrote,
// rendered once per computation, and warm() fills the cache with the first visit's answers by
// calling the same methods the routes call.
#include <gtest/gtest.h>

#include <atomic>

#include "analytics_fixture.h"
#include "monitoring/monitoring_answers.h"
#include "store/connection.h"
#include "store/store.h"
#include "util/answer_cache.h"

namespace axis::monitoring {
namespace {

using testing::AnalyticsFixture;

// Writes the figures these tests read: a summary as its record count, a metric breakdown as
// "<metric>:<count>;" items, anything else as the name of its endpoint. Counts its calls.
class FiguresRenderer final : public AnswerRenderer {
 public:
  explicit FiguresRenderer(std::atomic<int>& renders) : renders_(renders) {}

  std::string render(const SummaryResult& r) const override {
    return counted(std::to_string(r.kpis.total_records));
  }
  std::string render(const MetricBreakdownResult& r) const override {
    std::string out;
    for (const auto& m : r.metrics) out += m.name + ":" + std::to_string(m.overall.count) + ";";
    return counted(out);
  }
  std::string render(const TrendsResult&) const override { return counted("trends"); }
  std::string render(const LatencyDistributionResult&) const override {
    return counted("latency-distribution");
  }
  std::string render(const ClassDistributionResult&) const override {
    return counted("class-distribution");
  }
  std::string render(const CorrelationResult&) const override { return counted("correlation"); }
  std::string render(const ClassificationBreakdownResult&) const override {
    return counted("classification-breakdown");
  }
  std::string render(const ClassificationTrendsResult&) const override {
    return counted("classification-trends");
  }
  std::string render(const AnalysisInsightsResult&) const override {
    return counted("analysis-insights");
  }
  std::string render(const AlertsResult&) const override { return counted("alerts"); }

 private:
  std::string counted(std::string text) const {
    ++renders_;
    return text;
  }
  std::atomic<int>& renders_;
};

MonitoringAnswers answers_of(AnalyticsFixture& fx, util::AnswerCache& cache,
                             std::atomic<int>& renders) {
  return MonitoringAnswers(fx.catalog(), cache, std::make_unique<FiguresRenderer>(renders),
                           MonitoringConfig{});
}

// Adds two more scored rows to the stored table behind the catalog's back (stored datasets never
// change in the server; here it shows whether an answer was computed before or after).
void change_rows(AnalyticsFixture& fx) {
  fx.store().connection()->execute(
      "INSERT INTO ds_long SELECT * REPLACE (metric_score + 0 AS metric_score) FROM ds_long "
      "WHERE metric_name = 'relevance' AND dataset_id IN ('r1', 'r2')");
}

TEST(MonitoringAnswers, WarmKeepsTheFirstVisitsAnswers) {
  AnalyticsFixture fx;
  fx.add_long();
  util::AnswerCache cache(1 << 20);
  std::atomic<int> renders = 0;
  const MonitoringAnswers answers = answers_of(fx, cache, renders);
  answers.warm("long", {});
  EXPECT_EQ(renders.load(), 9);  // the nine answers of a first visit, each rendered once
  change_rows(fx);
  const AnalyticsRequest request{"long", {}, {}};
  // Kept by warm(): the 8 scored rows of the fixture, not the 10 there are now.
  EXPECT_EQ(answers.summary(request), "8");
  EXPECT_EQ(answers.trends(request, "hourly"), "trends");
  EXPECT_EQ(renders.load(), 9);  // answered from the kept text
  // An answer warm() does not compute sees the table as it is now: 5 relevance scores in the
  // fixture + the 2 added.
  EXPECT_EQ(answers.metric_breakdown(request, 0.5, std::string("environment")),
            "coherence:3;relevance:7;");
  EXPECT_EQ(renders.load(), 10);
  // A service over an empty cache computes the summary afresh.
  util::AnswerCache fresh(1 << 20);
  EXPECT_EQ(answers_of(fx, fresh, renders).summary(request), "10");
}

TEST(MonitoringAnswers, WarmOfAMissingDatasetStopsQuietly) {
  AnalyticsFixture fx;
  util::AnswerCache cache(1 << 20);
  std::atomic<int> renders = 0;
  EXPECT_NO_THROW(answers_of(fx, cache, renders).warm("gone", {}));
  EXPECT_EQ(renders.load(), 0);
}

}  // namespace
}  // namespace axis::monitoring
