// The memory plugin: the decision-memory rule library (/api/memory) and the knowledge graph
// (/api/memory/graph).
#include <memory>

#include "plugins/memory/graph/graph_routes.h"
#include "plugins/memory/graph/graph_service.h"
#include "plugins/plugin.h"
#include "config/settings.h"

namespace axis::plugins::memory {

namespace {

struct RunningMemory : RunningPlugin {
  std::unique_ptr<graph::GraphService> graph;
};

std::unique_ptr<RunningPlugin> start(const PluginHost& host, http::Router& router) {
  auto running = std::make_unique<RunningMemory>();
  running->graph = std::make_unique<graph::GraphService>(host.settings.graph_db, host.store);
  graph::register_graph_routes(router, *running->graph, host.settings, host.spool_dir);
  return running;
}

}  // namespace

const PluginDefinition& definition() {
  static const PluginDefinition plugin{
      {"memory", "0.1.0", "Decision-memory rule library and knowledge graph.", 1,
       {{"Memory", "/memory", "Brain", "main", 50}},
       {{"memory", "Decision-memory rules: upload, filters, conflicts, hard stops, batches"},
        {"graph", "The knowledge graph of risk factors, rules, outcomes, mitigants and sources"}}},
      start};
  return plugin;
}

}  // namespace axis::plugins::memory
