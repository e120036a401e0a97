// MonitoringAnswers: answers are kept per dataset and parameters, and warm() fills the cache
// with the first visit's answers by calling the same methods the routes call.
#include <gtest/gtest.h>

#include "analytics_fixture.h"
#include "monitoring/monitoring_answers.h"
#include "store/connection.h"
#include "store/store.h"
#include "util/answer_cache.h"

namespace axis::monitoring {
namespace {

using testing::AnalyticsFixture;
using testing::parse;

// Adds two more scored rows to the stored table behind the catalog's back (stored datasets never
// change in the server; here it shows whether an answer was computed before or after).
void change_rows(AnalyticsFixture& fx) {
  fx.store().connection()->execute(
      "INSERT INTO ds_long SELECT * REPLACE (metric_score + 0 AS metric_score) FROM ds_long "
      "WHERE metric_name = 'relevance' AND dataset_id IN ('r1', 'r2')");
}

std::int64_t total_records(const std::string& summary) {
  return parse(summary)["kpis"]["total_records"].get<std::int64_t>();
}

TEST(MonitoringAnswers, WarmKeepsTheFirstVisitsAnswers) {
  AnalyticsFixture fx;
  fx.add_long();
  util::AnswerCache cache(1 << 20);
  const MonitoringAnswers answers(fx.catalog(), cache, MonitoringConfig{});
  answers.warm("long", {});
  change_rows(fx);
  const AnalyticsRequest request{"long", {}, {}};
  // Kept by warm(): the 8 scored rows of the fixture, not the 10 there are now.
  EXPECT_EQ(total_records(answers.summary(request)), 8);
  // An answer warm() does not compute sees the table as it is now.
  const auto by_env = parse(answers.metric_breakdown(request, 0.5, std::string("environment")));
  std::int64_t relevance = 0;
  for (const auto& m : by_env["metrics"]) {
    if (m["name"] == "relevance") relevance = m["count"].get<std::int64_t>();
  }
  EXPECT_EQ(relevance, 7);  // 5 relevance scores in the fixture + the 2 added
  // A service over an empty cache computes the summary afresh.
  util::AnswerCache fresh(1 << 20);
  EXPECT_EQ(total_records(MonitoringAnswers(fx.catalog(), fresh, MonitoringConfig{}).summary(request)), 10);
}

TEST(MonitoringAnswers, WarmOfAMissingDatasetStopsQuietly) {
  AnalyticsFixture fx;
  util::AnswerCache cache(1 << 20);
  const MonitoringAnswers answers(fx.catalog(), cache, MonitoringConfig{});
  EXPECT_NO_THROW(answers.warm("gone", {}));
}

}  // namespace
}  // namespace axis::monitoring
