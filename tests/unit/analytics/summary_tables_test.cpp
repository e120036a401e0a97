#include <gtest/gtest.h>

#include "analytics/eval_dataset.h"
#include "analytics/scorecard_service.h"
#include "analytics/summary_tables.h"
#include "eval_fixture.h"

namespace axis::analytics {
namespace {

std::int64_t count_tables(store::Store& store, const std::string& prefix) {
  auto conn = store.connection();
  return std::stoll(*conn->query("SELECT count(*) FROM duckdb_tables()"
                                 " WHERE starts_with(table_name, ?)",
                                 {prefix})
                         .scalar());
}

TEST(SummaryTables, BuiltOnceAndReused) {
  testing::EvalFixture fixture;
  fixture.add_tree_dataset();
  SummaryTables summaries(fixture.store());
  const EvalDataset d = EvalDataset::open(fixture.catalog(), "tree");
  const SummaryTableNames names = summaries.ensure(d);
  EXPECT_EQ(names.metrics, "\"_eval_metrics_ds_tree\"");
  EXPECT_EQ(count_tables(fixture.store(), "_eval_"), 3);
  {
    auto conn = fixture.store().connection();
    conn->execute("INSERT INTO _eval_metrics_ds_tree (metric_name, all_experiments)"
                  " VALUES ('marker', true)");
  }
  summaries.ensure(d);
  auto conn = fixture.store().connection();
  EXPECT_EQ(*conn->execute("SELECT count(*) FROM _eval_metrics_ds_tree"
                           " WHERE metric_name = 'marker'")
                 .scalar(),
            "1");
}

TEST(SummaryTables, RebuiltWhenTheRowsChange) {
  testing::EvalFixture fixture;
  fixture.add_tree_dataset();
  SummaryTables summaries(fixture.store());
  ScorecardService service(fixture.catalog(), summaries);
  EXPECT_EQ(service.scorecard({"tree", std::nullopt}).total_cases, 5);
  {
    auto conn = fixture.store().connection();
    conn->execute("INSERT INTO ds_tree (dataset_id, evaluation_name, metric_name, metric_score) "
                  "VALUES ('c6', 'exp_b', 'quality', 0.5)");
  }
  EXPECT_EQ(service.scorecard({"tree", std::nullopt}).total_cases, 6);
}

TEST(SummaryTables, SummariesOfRemovedDatasetsAreDropped) {
  testing::EvalFixture fixture;
  fixture.add_tree_dataset("one");
  fixture.add_tree_dataset("two");
  SummaryTables summaries(fixture.store());
  summaries.ensure(EvalDataset::open(fixture.catalog(), "one"));
  EXPECT_EQ(count_tables(fixture.store(), "_eval_"), 3);
  ASSERT_TRUE(fixture.catalog().remove("one"));
  summaries.ensure(EvalDataset::open(fixture.catalog(), "two"));
  EXPECT_EQ(count_tables(fixture.store(), "_eval_"), 3);
  EXPECT_EQ(count_tables(fixture.store(), "_eval_metrics_ds_two"), 1);
}

}  // namespace
}  // namespace axis::analytics
