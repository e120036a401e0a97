// The replay views of a Langfuse trace (GET traces/{id} JSON): observation summaries, steps
// (observations grouped by name), the observation tree, the detail view and the list summary.
// Pure functions of the trace JSON; values redacted and truncated per trace_values.h.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <cstddef>
#include <optional>
#include <string>

namespace axis::plugins::agent_replay {

using Json = nlohmann::ordered_json;

inline constexpr std::size_t kSubtreeMaxChars = 500000;  // node and step views
inline constexpr int kMaxTreeDepth = 256;                // deeper nodes hang at this depth

// {input,output,total} from an observation's usage (input falls back to promptTokens, output to
// completionTokens, total to totalTokens, then to input+output; usageDetails when usage has
// none); null when it reports none of them.
Json usage_summary(const Json& observation);

// {id,name,type,model,input,output,input_truncated,output_truncated,metadata,usage,latency_ms,
//  start_time,end_time}.
Json observation_summary(const Json& observation, std::size_t max_chars);

// The steps in grouping order: one per observation name, in first-seen order,
// {name,index,observation_types,generation,observations,variables}.
Json steps_of(const Json& observations, std::size_t max_chars);

// The observation tree: roots (no parent, or a parent not in the trace) with their children,
// each node an observation summary plus depth and children, siblings by start time.
Json tree_of(const Json& observations, std::size_t max_chars);

// The node `node_id` of a tree (with its subtree); nullopt when absent.
std::optional<Json> find_node(const Json& tree, const std::string& node_id);

// {id,name,tags,timestamp,trace_input,trace_output,trace_metadata,steps,tree,total_tokens,
//  total_latency_ms,total_cost,schema_version:"2.0"}; steps re-sorted by earliest start time.
Json trace_detail(const Json& trace, std::size_t max_chars);

// {id,name,tags,timestamp,step_count,step_names} (step fields from the observations the trace
// carries: a list entry has none, a fetched trace has them all).
Json trace_list_item(const Json& trace);

}  // namespace axis::plugins::agent_replay
