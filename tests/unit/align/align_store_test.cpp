#include "align/align_store.h"

#include <gtest/gtest.h>

#include "store/store.h"

namespace axis::align {
namespace {

class AlignStoreTest : public ::testing::Test {
 protected:
  store::Store db_{store::StoreOptions{":memory:"}};
  AlignStore store_{db_};
};

TEST_F(AlignStoreTest, ConfigsAreSavedListedAndDeleted) {
  EXPECT_EQ(store_.config_count(), 0);
  const auto a = store_.save_config("strict", R"({"model":"gpt-4"})", std::nullopt);
  const auto b = store_.save_config("lenient", R"({"model":"gpt-4o"})", std::string(R"({"cohens_kappa":0.4})"));
  EXPECT_EQ(store_.config_count(), 2);
  const auto one = store_.config(b);
  ASSERT_TRUE(one.has_value());
  EXPECT_EQ(one->name, "lenient");
  EXPECT_EQ(one->config_json, R"({"model":"gpt-4o"})");
  EXPECT_EQ(one->metrics_json, std::optional<std::string>(R"({"cohens_kappa":0.4})"));
  EXPECT_FALSE(store_.config(a)->metrics_json.has_value());
  EXPECT_EQ(store_.configs().size(), 2u);
  EXPECT_TRUE(store_.delete_config(a));
  EXPECT_FALSE(store_.delete_config(a));
  EXPECT_FALSE(store_.config(a).has_value());
  EXPECT_EQ(store_.config_count(), 1);
}

TEST_F(AlignStoreTest, LabelsOfAKeyAreReplacedWhole) {
  store_.replace_labels("file.csv", {{"1", {1, std::string("good")}}, {"2", {0, std::nullopt}}});
  store_.replace_labels("other.csv", {{"1", {0, std::nullopt}}});
  EXPECT_EQ(store_.replace_labels("file.csv", {{"2", {1, std::nullopt}}, {"3", {0, std::string("no")}}}), 2);
  const auto labels = store_.labels("file.csv");
  ASSERT_EQ(labels.size(), 2u);
  EXPECT_EQ(labels.at("2").score, 1);
  EXPECT_EQ(labels.at("3").notes, std::optional<std::string>("no"));
  EXPECT_EQ(store_.labels("other.csv").at("1").score, 0);
  EXPECT_TRUE(store_.labels("none").empty());
}

TEST_F(AlignStoreTest, RunsKeepTheirResultsInOrder) {
  std::vector<AlignmentResult> results(2);
  results[0] = {"b", "q1", "a1", std::nullopt, 1, 0, "too short"};
  results[1] = {"a", "q2", "a2", std::string("e2"), 0, 0, "fine"};
  const auto id = store_.save_run({std::string("strict"), "gpt-4", "openai", R"({"x":1})", R"({"k":2})", &results});
  const auto runs = store_.runs();
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0].id, id);
  EXPECT_EQ(runs[0].total_samples, 2);
  EXPECT_EQ(runs[0].name, std::optional<std::string>("strict"));
  const auto run = store_.run(id);
  ASSERT_TRUE(run.has_value());
  EXPECT_EQ(run->judge_config_json, R"({"x":1})");
  EXPECT_EQ(run->summary.metrics_json, R"({"k":2})");
  ASSERT_EQ(run->results.size(), 2u);
  EXPECT_EQ(run->results[0].record_id, "b");
  EXPECT_EQ(run->results[0].llm_reasoning, "too short");
  EXPECT_EQ(run->results[1].expected_output, std::optional<std::string>("e2"));
  EXPECT_FALSE(run->results[0].expected_output.has_value());
  EXPECT_FALSE(store_.run("missing").has_value());
}

}  // namespace
}  // namespace axis::align
