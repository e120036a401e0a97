#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "signal_rows.h"
#include "signals/metric_schema.h"

namespace axis::signals {
namespace {

using Json = nlohmann::ordered_json;
using testing::layout_with;
using testing::metric_row;

// resolution: 3 rows (one a Python literal); sentiment: nested ratings, one unreadable cell;
// insights: one readable row and one array cell; a blank metric name is ignored.
// `confidence` is in 2 of 3 metrics (> 50 %): metadata.
std::vector<RawRow> fixture() {
  return {
      metric_row("c1", "resolution", "Classification ",
                 R"({"is_resolved": true, "minutes": 30, "outcome": "fixed", "confidence": 0.9})"),
      metric_row("c1", "sentiment", std::nullopt,
                 R"({"ratings": {"customer": [{"name": "mood", "value": "calm"}, {"name": "stars", "score": 4}]}, "confidence": 0.8})"),
      metric_row("c1", "insights", "analysis", R"({"requests": ["a"], "note": "x"})"),
      metric_row("c2", "resolution", "score",
                 R"({"is_resolved": null, "minutes": 12.5, "outcome": "open", "confidence": 0.5})"),
      metric_row("c2", "sentiment", "", "not a dict"),
      metric_row("c2", "insights", "analysis", R"(["array", "cell"])"),
      metric_row("c3", "resolution", "x", "{'is_resolved': False, 'outcome': 'fixed', 'minutes': None}"),
      metric_row("c3", "sentiment", "", R"({"mood": "  ", "stars": 2})"),
      metric_row("c3", " ", "", R"({"ignored": 1})"),
      metric_row("c3", "insights", "analysis", ""),
  };
}

MetricSchema build(const std::vector<RawRow>& rows, const std::vector<std::string>& visible = {},
                   const RawLayout& layout = layout_with({RawColumn::environment, RawColumn::timestamp})) {
  MetricSchemaBuilder builder;
  for (const auto& r : rows) builder.add(r);
  return builder.finish(layout, visible);
}

TEST(MetricSchema, MetricsSignalsTypesAndValues) {
  const MetricSchema s = build(fixture());
  EXPECT_EQ(s.schema->dump(), Json::parse(R"({
    "metrics": {
      "insights": {"category": "analysis", "signals": ["requests", "note"],
                   "signal_types": {"requests": "array", "note": "string"},
                   "values": {"note": ["x"]}},
      "resolution": {"category": "classification", "signals": ["is_resolved", "minutes", "outcome"],
                     "signal_types": {"is_resolved": "boolean", "minutes": "number", "outcome": "string"},
                     "values": {"outcome": ["fixed", "open"]}},
      "sentiment": {"category": "classification", "signals": ["mood", "stars"],
                    "signal_types": {"mood": "string", "stars": "number"},
                    "values": {"mood": ["calm"]}}},
    "source_fields": ["source_name", "environment"],
    "has_timestamp": true})").dump());
  EXPECT_EQ(s.unreadable_signals, 2);
}

TEST(MetricSchema, KeysInMoreThanHalfOfTheMetricsAreMetadata) {
  const MetricSchema s = build(fixture());
  EXPECT_EQ(s.metadata_keys, (std::set<std::string>{"confidence"}));
  EXPECT_EQ(s.metadata_kinds.at("confidence").sql_type(), "DOUBLE");
}

TEST(MetricSchema, HalfOfTheMetricsIsNotEnough) {
  // shared is in 2 of 2 metrics (metadata), half is in 1 of 2 (not).
  const MetricSchema two = build({metric_row("c1", "a", "", R"({"shared": 1, "half": 2})"),
                                  metric_row("c1", "b", "", R"({"shared": 3})")});
  EXPECT_EQ(two.metadata_keys, (std::set<std::string>{"shared"}));
  EXPECT_EQ(two.schema->at("metrics").at("a").at("signals").dump(), R"(["half"])");
  // A single metric never has metadata keys.
  const MetricSchema one = build({metric_row("c1", "a", "", R"({"shared": 1})")});
  EXPECT_TRUE(one.metadata_keys.empty());
}

TEST(MetricSchema, CaseColumnKinds) {
  const MetricSchema s = build(fixture());
  std::vector<std::string> columns;
  for (const auto& [name, kinds] : s.signal_columns) columns.push_back(name + " " + kinds.sql_type());
  EXPECT_EQ(columns, (std::vector<std::string>{
                         "insights__requests VARCHAR", "insights__note VARCHAR",
                         "resolution__is_resolved BOOLEAN", "resolution__minutes DOUBLE",
                         "resolution__outcome VARCHAR", "sentiment__mood VARCHAR",
                         "sentiment__stars BIGINT"}));
}

TEST(MetricSchema, MixedValueKindsAreText) {
  ValueKinds k;
  k.add(Json(true));
  EXPECT_EQ(k.sql_type(), "BOOLEAN");
  k.add(Json(1));
  EXPECT_EQ(k.sql_type(), "VARCHAR");
  ValueKinds none;
  none.add(Json(nullptr));
  EXPECT_EQ(none.sql_type(), "VARCHAR");
}

TEST(MetricSchema, VisibleMetricsLimitTheSchemaNotTheMetadataRule) {
  const MetricSchema s = build(fixture(), {"resolution"});
  EXPECT_EQ(s.schema->at("metrics").size(), 1u);
  EXPECT_EQ(s.schema->at("metrics").at("resolution").at("signals").dump(),
            R"(["is_resolved","minutes","outcome"])");
  EXPECT_EQ(s.visible_metrics, (std::set<std::string>{"resolution"}));
  EXPECT_EQ(s.metadata_keys, (std::set<std::string>{"confidence"}));
  EXPECT_EQ(s.signal_columns.size(), 3u);
}

TEST(MetricSchema, AllNullSignalsAreUnknown) {
  const MetricSchema s = build({metric_row("c1", "a", "", R"({"x": null})")}, {}, layout_with({}));
  EXPECT_EQ(s.schema->at("metrics").at("a").at("signal_types").dump(), R"({"x":"unknown"})");
  EXPECT_EQ(s.schema->at("source_fields").dump(), R"(["source_name"])");
  EXPECT_EQ(s.schema->at("has_timestamp"), false);
}

}  // namespace
}  // namespace axis::signals
