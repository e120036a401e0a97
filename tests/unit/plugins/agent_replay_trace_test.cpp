// The agent replay trace model: serialisation, truncation, redaction, steps, usage, tree, totals.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "plugins/agent_replay/trace_model.h"
#include "plugins/agent_replay/trace_values.h"

namespace axis::plugins::agent_replay {
namespace {

Json replay_observation(const std::string& id, const std::string& name, const std::string& type) {
  return {{"id", id}, {"name", name}, {"type", type}, {"input", "in"}, {"output", "out"}};
}

TEST(AgentReplayTrace, serialisation_copies_fields_and_clears_flags) {
  Json o = replay_observation("o1", "step", "SPAN");
  o["model"] = "gpt-4o";
  o["metadata"] = {{"k", "v"}};
  o["startTime"] = "2026-01-05T10:00:00.000Z";
  o["endTime"] = "2026-01-05T10:00:01.250Z";
  const Json s = observation_summary(o, 50000);
  EXPECT_EQ(s["id"], "o1");
  EXPECT_EQ(s["name"], "step");
  EXPECT_EQ(s["type"], "SPAN");
  EXPECT_EQ(s["model"], "gpt-4o");
  EXPECT_EQ(s["input"], "in");
  EXPECT_EQ(s["output"], "out");
  EXPECT_EQ(s["input_truncated"], false);
  EXPECT_EQ(s["output_truncated"], false);
  EXPECT_EQ(s["metadata"], Json({{"k", "v"}}));
  EXPECT_EQ(s["latency_ms"], 1250);
  EXPECT_EQ(s["start_time"], "2026-01-05T10:00:00.000Z");
}

TEST(AgentReplayTrace, no_model_usage_or_times_give_nulls) {
  const Json s = observation_summary(replay_observation("o1", "n", "EVENT"), 50000);
  EXPECT_TRUE(s["model"].is_null());
  EXPECT_TRUE(s["usage"].is_null());
  EXPECT_TRUE(s["latency_ms"].is_null());
  EXPECT_TRUE(s["start_time"].is_null());
}

TEST(AgentReplayTrace, long_values_are_cut_with_the_mark) {
  Json o = replay_observation("o1", "n", "SPAN");
  o["input"] = std::string(100, 'a');
  const Json s = observation_summary(o, 50);
  EXPECT_EQ(s["input_truncated"], true);
  EXPECT_EQ(s["input"], std::string(50, 'a') + " [...truncated]");
  EXPECT_LT(s["input"].get<std::string>().size(), 100u);
  EXPECT_NE(s["input"].get<std::string>().find("[...truncated]"), std::string::npos);
  // A dict whose JSON is too long becomes that JSON, cut.
  const Truncated t = truncate_value(Json{{"key", "value"}}, 5);
  EXPECT_TRUE(t.truncated);
  EXPECT_EQ(t.value, "{\"key [...truncated]");
  // Characters, not bytes: "é" counts once.
  EXPECT_FALSE(truncate_value(Json("ééé"), 3).truncated);
  EXPECT_EQ(truncate_value(Json("éééé"), 3).value, "ééé [...truncated]");
  EXPECT_FALSE(truncate_value(Json(12345), 2).truncated);
}

TEST(AgentReplayTrace, secrets_are_redacted_in_dicts_only) {
  const Json r = redact(Json{{"api_key", "k"},
                             {"authorization", "Bearer x"},
                             {"token", "t"},
                             {"safe_field", "ok"},
                             {"headers", {{"authorization", "x"}, {"content_type", "json"}}},
                             {"list", Json::array({Json{{"password", "p"}}})}});
  EXPECT_EQ(r["api_key"], "[REDACTED]");
  EXPECT_EQ(r["authorization"], "[REDACTED]");
  EXPECT_EQ(r["token"], "[REDACTED]");
  EXPECT_EQ(r["safe_field"], "ok");
  EXPECT_EQ(r["headers"]["authorization"], "[REDACTED]");
  EXPECT_EQ(r["headers"]["content_type"], "json");
  EXPECT_EQ(r["list"][0]["password"], "p");  // arrays are not entered
  EXPECT_TRUE(is_secret_key("OPENAI-API-KEY"));
  EXPECT_TRUE(is_secret_key("x_apikey"));
  EXPECT_TRUE(is_secret_key("Bearer"));
  EXPECT_FALSE(is_secret_key("tokens_used"));
  EXPECT_FALSE(is_secret_key("secretary"));
}

TEST(AgentReplayTrace, a_generation_step_has_its_types_generation_and_variables) {
  Json gen = replay_observation("g", "recommendation", "GENERATION");
  gen["input"] = {{"query", "test"}};
  const Json observations = Json::array({replay_observation("a", "first", "SPAN"),
                                         replay_observation("b", "second", "EVENT"), gen});
  const Json steps = steps_of(observations, 50000);
  ASSERT_EQ(steps.size(), 3u);
  const Json& step = steps[2];
  EXPECT_EQ(step["name"], "recommendation");
  EXPECT_EQ(step["index"], 2);
  EXPECT_EQ(step["observation_types"], Json::array({"GENERATION"}));
  EXPECT_EQ(step["generation"]["id"], "g");
  EXPECT_EQ(step["variables"], Json({{"query", "test"}}));
  EXPECT_TRUE(steps[0]["generation"].is_null());
  EXPECT_TRUE(steps[0]["variables"].is_null());
}

TEST(AgentReplayTrace, usages_sum_with_their_fallbacks) {
  Json a = replay_observation("a", "s", "GENERATION");
  a["usage"] = {{"input", 100}, {"output", 50}, {"total", 150}};
  Json b = replay_observation("b", "s", "GENERATION");
  b["usage"] = {{"promptTokens", 200}, {"completionTokens", 100}, {"totalTokens", 300}};
  const Json steps = steps_of(Json::array({a, b}), 50000);
  double in = 0, out = 0;
  for (const auto& o : steps[0]["observations"]) {
    in += o["usage"]["input"].get<double>();
    out += o["usage"]["output"].get<double>();
  }
  EXPECT_EQ(in, 300);
  EXPECT_EQ(out, 150);
  Json c = replay_observation("c", "s", "SPAN");
  c["usage"] = {{"input", 7}, {"output", 3}};
  EXPECT_EQ(usage_summary(c), Json({{"input", 7}, {"output", 3}, {"total", 10}}));
  Json d = replay_observation("d", "s", "SPAN");
  d["usageDetails"] = {{"input", 4}, {"output", 1}};
  EXPECT_EQ(usage_summary(d), Json({{"input", 4}, {"output", 1}, {"total", 5}}));
}

TEST(AgentReplayTrace, tree_depths_and_detail_totals) {
  Json root = replay_observation("r", "run", "SPAN");
  root["startTime"] = "2026-01-05T10:00:00Z";
  root["endTime"] = "2026-01-05T10:00:04Z";
  Json gen = replay_observation("g", "llm", "GENERATION");
  gen["parentObservationId"] = "r";
  gen["startTime"] = "2026-01-05T10:00:02Z";
  gen["endTime"] = "2026-01-05T10:00:03Z";
  gen["usage"] = {{"input", 10}, {"output", 5}, {"total", 15}};
  Json tool = replay_observation("t", "tool", "TOOL");
  tool["parentObservationId"] = "g";
  tool["startTime"] = "2026-01-05T10:00:02.5+00:00";
  Json span = replay_observation("s", "span", "SPAN");
  span["parentObservationId"] = "r";
  span["startTime"] = "2026-01-05T10:00:01Z";
  span["usage"] = {{"total", 100}};
  const Json trace = {{"id", "T"}, {"observations", Json::array({gen, tool, root, span})}};
  const Json d = trace_detail(trace, 50000);
  ASSERT_EQ(d["tree"].size(), 1u);
  EXPECT_EQ(d["tree"][0]["id"], "r");
  EXPECT_EQ(d["tree"][0]["children"][0]["id"], "s");  // by start time
  EXPECT_EQ(d["tree"][0]["children"][1]["id"], "g");
  EXPECT_EQ(d["tree"][0]["children"][1]["children"][0]["depth"], 2);
  // Steps re-sorted by start: run, span, llm, tool.
  std::vector<std::string> names;
  for (const auto& s : d["steps"]) names.push_back(s["name"].get<std::string>());
  EXPECT_EQ(names, (std::vector<std::string>{"run", "span", "llm", "tool"}));
  EXPECT_EQ(d["steps"][3]["index"], 3);
  EXPECT_EQ(d["total_tokens"], 15);  // GENERATION+TOOL (15) replaces the sum over steps (115)
  EXPECT_EQ(d["total_latency_ms"], 4000);
  EXPECT_EQ(d["schema_version"], "2.0");
  ASSERT_TRUE(find_node(d["tree"], "t").has_value());
  EXPECT_FALSE(find_node(d["tree"], "zzz").has_value());
}

TEST(AgentReplayTrace, a_parent_cycle_still_lists_every_observation) {
  Json a = replay_observation("a", "a", "SPAN");
  a["parentObservationId"] = "b";
  Json b = replay_observation("b", "b", "SPAN");
  b["parentObservationId"] = "a";
  const Json tree = tree_of(Json::array({a, b}), 100);
  ASSERT_EQ(tree.size(), 1u);
  EXPECT_EQ(tree[0]["children"].size(), 1u);
}

TEST(AgentReplayTrace, timestamps_parse_with_offsets_and_fractions) {
  EXPECT_EQ(parse_time_ms("1970-01-01T00:00:01.5Z"), 1500.0);
  EXPECT_EQ(parse_time_ms("1970-01-01T01:00:00+01:00"), 0.0);
  EXPECT_FALSE(parse_time_ms("yesterday").has_value());
}

}  // namespace
}  // namespace axis::plugins::agent_replay
