// /api/agent-replay (src/plugins/agent_replay/trace_routes.cpp, review_routes.cpp).
#include "api/schemas/agent_replay_schemas.h"

namespace axis::api::schema {
namespace {

Json observation_members() {
  return object({{"id", str()},
                 {"name", nullable(str())},
                 {"type", nullable(str())},
                 {"model", nullable(str())},
                 {"input", described(any(), "Secrets redacted; a cut value is a string ending in ' [...truncated]'")},
                 {"output", any()},
                 {"input_truncated", boolean()},
                 {"output_truncated", boolean()},
                 {"metadata", nullable(map_of(any()))},
                 {"usage", nullable(ref("AgentReplayUsage"))},
                 {"latency_ms", nullable(number())},
                 {"start_time", nullable(str())},
                 {"end_time", nullable(str())}});
}

void add_traces(Components& c) {
  c.add("AgentReplaySearchField", object({{"value", str()}, {"label", str()}}));
  c.add("AgentReplayStatusReply",
        object({{"enabled", boolean()},
                {"configured", boolean()},
                {"langfuse_host", str()},
                {"default_limit", integer()},
                {"default_days_back", integer()},
                {"agents", array_of(str())},
                {"search_fields", array_of(ref("AgentReplaySearchField"))},
                {"agent_search_fields", map_of(array_of(ref("AgentReplaySearchField")))}}));
  c.add("AgentReplayAgentsReply", object({{"agents", array_of(str())}}));
  c.add("AgentReplayTraceSummary", object({{"id", str()},
                                           {"name", nullable(str())},
                                           {"tags", array_of(str())},
                                           {"timestamp", nullable(str())},
                                           {"step_count", integer()},
                                           {"step_names", array_of(str())}}));
  c.add("AgentReplayTraceListReply",
        object({{"traces", array_of(ref("AgentReplayTraceSummary"))}, {"total", integer()}}));
  c.add("AgentReplayUsage", object({{"input", number()}, {"output", number()}, {"total", number()}}));
  c.add("AgentReplayObservation", observation_members());
  c.add("AgentReplayTreeNode",
        extend(observation_members(), {{"depth", integer()},
                                       {"children", array_of(ref("AgentReplayTreeNode"))}}));
  c.add("AgentReplayStep",
        object({{"name", str()},
                {"index", integer()},
                {"observation_types", array_of(str())},
                {"generation", nullable(ref("AgentReplayObservation"))},
                {"observations", array_of(ref("AgentReplayObservation"))},
                {"variables", nullable(map_of(any()))}}));
  c.add("AgentReplayTraceDetail",
        object({{"id", str()},
                {"name", nullable(str())},
                {"tags", array_of(str())},
                {"timestamp", nullable(str())},
                {"trace_input", any()},
                {"trace_output", any()},
                {"trace_metadata", nullable(map_of(any()))},
                {"steps", described(array_of(ref("AgentReplayStep")), "By earliest start time")},
                {"tree", array_of(ref("AgentReplayTreeNode"))},
                {"total_tokens", number()},
                {"total_latency_ms", nullable(number())},
                {"total_cost", number()},
                {"schema_version", one_of({"2.0"})}}));
}

void add_reviews(Components& c) {
  c.add("AgentReplayCreatedScore", object({{"id", str()},
                                           {"name", str()},
                                           {"value", nullable(number())},
                                           {"string_value", nullable(str())},
                                           {"observation_id", nullable(str())}}));
  c.add("AgentReplayReviewReply",
        object({{"success", boolean()},
                {"trace_id", str()},
                {"scores_created", integer()},
                {"dataset_item_created", boolean()},
                {"dataset_name", nullable(str())},
                {"scores", array_of(ref("AgentReplayCreatedScore"))}}));
  c.add("AgentReplayScore", object({{"id", nullable(str())},
                                    {"name", nullable(str())},
                                    {"value", nullable(number())},
                                    {"string_value", nullable(str())},
                                    {"data_type", nullable(str())},
                                    {"comment", nullable(str())},
                                    {"observation_id", nullable(str())},
                                    {"timestamp", nullable(str())}}));
  c.add("AgentReplayTraceReviewsReply",
        object({{"trace_id", str()},
                {"scores", array_of(ref("AgentReplayScore"))},
                {"datasets", array_of(any())}}));
  c.add("AgentReplayDataset", object({{"name", str()},
                                      {"id", nullable(str())},
                                      {"item_count", integer()},
                                      {"created_at", nullable(str())}}));
  c.add("AgentReplayDatasetsReply", object({{"datasets", array_of(ref("AgentReplayDataset"))}}));
}

}  // namespace

Components agent_replay_schemas() {
  Components c;
  add_traces(c);
  add_reviews(c);
  return c;
}

}  // namespace axis::api::schema
