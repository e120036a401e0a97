#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "signals/signal_expand.h"

namespace axis::signals {
namespace {

using Json = nlohmann::ordered_json;

TEST(SignalExpand, NestedCategoriesBecomeOneSignalPerItem) {
  const Json signals = Json::parse(R"({
    "ratings": {"customer": [{"name": "sentiment", "value": "neutral"},
                             {"name": "csat", "score": 4}],
                "agent": [{"name": "tone", "value": null, "score": 9},
                          {"name": "effort"}]},
    "confidence": 0.7})");
  EXPECT_EQ(expand_signals(signals).dump(),
            R"({"sentiment":"neutral","csat":4,"tone":null,"effort":null,"confidence":0.7})");
}

TEST(SignalExpand, ValuesThatAreNotCategoryGroupsStay) {
  // A list item without a name, a non-list group, an empty object: kept as they are.
  const Json signals = Json::parse(R"({
    "a": {"g": [{"value": 1}]}, "b": {"g": 3}, "c": {}, "d": {"g": []}})");
  EXPECT_EQ(expand_signals(signals).dump(), R"({"a":{"g":[{"value":1}]},"b":{"g":3},"c":{}})");
}

TEST(SignalExpand, JsonLikeStringsAreDecoded) {
  const Json signals = Json::parse(R"({
    "tags": "['x', 'y']", "meta": "{\"k\": 1}", "text": "plain", "num": "12",
    "nested": "{'grp': [{'name': 'inner', 'value': True}]}"})");
  EXPECT_EQ(expand_signals(signals).dump(),
            R"({"tags":["x","y"],"meta":{"k":1},"text":"plain","num":"12","inner":true})");
}

TEST(SignalExpand, SignalTypes) {
  EXPECT_EQ(signal_type(Json(true)), "boolean");
  EXPECT_EQ(signal_type(Json(3)), "number");
  EXPECT_EQ(signal_type(Json(2.5)), "number");
  EXPECT_EQ(signal_type(Json::array()), "array");
  EXPECT_EQ(signal_type(Json::object()), "object");
  EXPECT_EQ(signal_type(Json("x")), "string");
}

TEST(SignalExpand, CellValues) {
  EXPECT_EQ(cell_value(Json::parse(R"(["a", 1])")), Json("[\"a\", 1]"));
  EXPECT_EQ(cell_value(Json::parse(R"({"k": [true]})")), Json("{\"k\": [true]}"));
  EXPECT_EQ(cell_value(Json("{'k': None}")), Json("{\"k\": null}"));
  EXPECT_EQ(cell_value(Json("plain")), Json("plain"));
  EXPECT_EQ(cell_value(Json(false)), Json(false));
}

}  // namespace
}  // namespace axis::signals
