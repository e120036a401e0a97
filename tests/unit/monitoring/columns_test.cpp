#include <gtest/gtest.h>

#include "monitoring/monitoring_columns.h"
#include "util/http_error.h"

namespace axis::monitoring {
namespace {

std::vector<std::string> names(const std::vector<std::string>& header,
                               const std::map<std::string, std::string>& yaml = {}) {
  std::vector<std::string> out;
  for (const auto& c : name_columns(header, yaml)) out.push_back(c.name);
  return out;
}

TEST(MonitoringColumns, headers_are_lowered_trimmed_and_underscored) {
  EXPECT_EQ(normalise_header("  Latency-MS "), "latency_ms");
  EXPECT_EQ(normalise_header("Source Name"), "source_name");
  EXPECT_EQ(normalise_header("a  b--c"), "a__b__c");
  EXPECT_EQ(normalise_header("Évaluation"), "Évaluation");  // only ASCII letters are lowered
}

TEST(MonitoringColumns, every_alias_of_the_spec_maps_to_its_column) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"id", "dataset_id"}, {"Record ID", "dataset_id"}, {"time", "timestamp"},
      {"created_at", "timestamp"}, {"dataset_created_at", "timestamp"}, {"Model", "model_name"},
      {"agent", "model_name"}, {"agent_name", "model_name"}, {"latency_ms", "latency"},
      {"Response-Time", "latency"}, {"error", "has_errors"}, {"input", "query"},
      {"prompt", "query"}, {"user_input", "query"}, {"output", "actual_output"},
      {"response", "actual_output"}, {"model_output", "actual_output"},
      {"completion", "actual_output"}, {"EvaluationName", "evaluation_name"},
      {"eval_name", "evaluation_name"}, {"experiment", "evaluation_name"},
      {"experiment_name", "evaluation_name"}, {"env", "environment"}, {"Stage", "environment"}};
  for (const auto& [header, expected] : cases) {
    EXPECT_EQ(names({header}), std::vector<std::string>{expected}) << header;
  }
}

TEST(MonitoringColumns, an_alias_is_skipped_when_its_target_exists) {
  // dataset_id is present, so id keeps its (normalised) name.
  EXPECT_EQ(names({"ID", "dataset_id"}), (std::vector<std::string>{"id", "dataset_id"}));
  // id comes first in the alias list; record_id then finds dataset_id taken.
  EXPECT_EQ(names({"record_id", "id"}), (std::vector<std::string>{"record_id", "dataset_id"}));
  EXPECT_EQ(names({"latency", "latency_ms", "response_time"}),
            (std::vector<std::string>{"latency", "latency_ms", "response_time"}));
}

TEST(MonitoringColumns, the_yaml_map_wins_and_matches_the_header_as_written_or_normalised) {
  const std::map<std::string, std::string> yaml = {
      {"Agent", "source_name"}, {"trace ref", "trace_id"}, {"run_label", "evaluation_name"}};
  // "Agent" (as written) would otherwise alias to model_name; "Trace Ref" matches no key as
  // written but its normalised form "trace_ref" does not either, so it is only normalised.
  EXPECT_EQ(names({"record_id", "Agent", "Trace Ref", "run_label"}, yaml),
            (std::vector<std::string>{"dataset_id", "source_name", "trace_ref", "evaluation_name"}));
  EXPECT_EQ(names({"trace ref"}, yaml), std::vector<std::string>{"trace_id"});
  EXPECT_EQ(names({"Run Label"}, {{"run_label", "evaluation_name"}}),
            std::vector<std::string>{"evaluation_name"});
  // Targets are normalised too: DuckDB would see "Timestamp" and "timestamp" as one name.
  EXPECT_EQ(names({"logged"}, {{"logged", " Timestamp"}}), std::vector<std::string>{"timestamp"});
}

TEST(MonitoringColumns, a_yaml_rename_is_skipped_when_its_target_exists) {
  EXPECT_EQ(names({"bot", "source_name"}, {{"bot", "source_name"}}),
            (std::vector<std::string>{"bot", "source_name"}));
  // Skipped YAML renames leave the column to the aliases.
  EXPECT_EQ(names({"agent", "model_name"}, {{"agent", "model_name"}}),
            (std::vector<std::string>{"agent", "model_name"}));
}

TEST(MonitoringColumns, columns_that_collide_after_normalising_are_refused) {
  try {
    name_columns({"Latency", "latency ", "x"}, {});
    FAIL() << "expected a 400";
  } catch (const util::HttpError& e) {
    EXPECT_EQ(e.status(), 400);
    EXPECT_STREQ(e.what(), "Duplicate column names after normalising the header: latency");
  }
  EXPECT_THROW(name_columns({"Source Name", "source-name"}, {}), util::HttpError);
}

TEST(MonitoringColumns, the_header_as_written_is_kept_for_reading_the_file) {
  const auto cols = name_columns({"Latency-MS", "ID"}, {});
  ASSERT_EQ(cols.size(), 2u);
  EXPECT_EQ(cols[0].header, "Latency-MS");
  EXPECT_EQ(cols[0].name, "latency");
  EXPECT_EQ(cols[1].header, "ID");
  EXPECT_EQ(cols[1].name, "dataset_id");
}

TEST(MonitoringColumns, score_columns_end_in_underscore_score) {
  EXPECT_TRUE(is_score_column("relevance_score"));
  EXPECT_TRUE(is_score_column("metric_score"));
  EXPECT_FALSE(is_score_column("_score"));
  EXPECT_FALSE(is_score_column("score"));
  EXPECT_FALSE(is_score_column("scores_total"));
}

datasets::DatasetInfo dataset(std::vector<datasets::ColumnInfo> columns) {
  datasets::DatasetInfo d;
  d.columns = std::move(columns);
  return d;
}

TEST(MonitoringColumns, long_format_needs_metric_name_text_and_metric_score_numbers) {
  const auto long_format = dataset({{"dataset_id", "VARCHAR"}, {"metric_name", "VARCHAR"},
                                    {"metric_score", "DOUBLE"}, {"extra_score", "DOUBLE"}});
  EXPECT_TRUE(is_long_format(long_format));
  EXPECT_EQ(metric_columns(long_format), std::vector<std::string>{"metric_score"});

  const auto wide = dataset({{"dataset_id", "VARCHAR"}, {"relevance_score", "DOUBLE"},
                             {"metric_score", "DOUBLE"}, {"label_score", "VARCHAR"},
                             {"coherence_score", "DOUBLE"}});
  EXPECT_FALSE(is_long_format(wide));
  EXPECT_EQ(metric_columns(wide), (std::vector<std::string>{"relevance_score", "coherence_score"}));
}

}  // namespace
}  // namespace axis::monitoring
