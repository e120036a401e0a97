// The agent replay plugin: Langfuse traces step by step, and reviews written back as scores
// (/api/agent-replay).
#include <stdexcept>

#include "plugins/plugin.h"

namespace axis::plugins::agent_replay {

namespace {

std::unique_ptr<RunningPlugin> start(const PluginHost&, http::Router&) {
  throw std::runtime_error("not available in this server version");
}

}  // namespace

const PluginDefinition& definition() {
  static const PluginDefinition plugin{
      {"agent_replay", "0.1.0",
       "Review agent traces from Langfuse step by step and record verdicts.", 1,
       {{"Agent Replay", "/agent-replay", "PlayCircle", "main", 45}},
       {{"agent-replay", "Langfuse traces, their steps and observation tree, and reviews"}}},
      start};
  return plugin;
}

}  // namespace axis::plugins::agent_replay
