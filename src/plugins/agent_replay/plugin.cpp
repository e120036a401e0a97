// The agent replay plugin: Langfuse traces step by step, and reviews written back as scores
// (/api/agent-replay).
#include "config/settings.h"
#include "plugins/agent_replay/replay_routes.h"
#include "plugins/agent_replay/replay_service.h"
#include "plugins/agent_replay/review_service.h"
#include "plugins/plugin.h"

namespace axis::plugins::agent_replay {

namespace {

// The services the routes use, alive until shutdown.
class RunningReplay : public RunningPlugin {
 public:
  explicit RunningReplay(const config::Settings& settings)
      : replay_(settings, LangfuseLimits{}), reviews_(replay_) {}
  const ReplayService& replay() const { return replay_; }
  const ReviewService& reviews() const { return reviews_; }

 private:
  ReplayService replay_;
  ReviewService reviews_;
};

std::unique_ptr<RunningPlugin> start(const PluginHost& host, http::Router& router) {
  auto running = std::make_unique<RunningReplay>(host.settings);
  add_trace_routes(router, running->replay());
  add_review_routes(router, running->replay(), running->reviews());
  return running;
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
