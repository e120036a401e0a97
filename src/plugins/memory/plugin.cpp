// The memory plugin: the decision-memory rule library (/api/memory) and the knowledge graph
// (/api/memory/graph), whose embedded backend also shows the graph derived from the rules.
#include <memory>

#include "config/settings.h"
#include "http/router.h"
#include "plugins/memory/graph/graph_routes.h"
#include "plugins/memory/graph/graph_service.h"
#include "plugins/memory/memory_routes.h"
#include "plugins/memory/memory_service.h"
#include "plugins/memory/rules_graph.h"
#include "plugins/plugin.h"

namespace axis::plugins::memory {

namespace {

// What the running plugin owns: its configuration, the graph, and (with the store) the rules,
// which rebuild the graph's derived part after every change. Declared so that the rules, which
// call into the graph, go first.
struct RunningMemory : RunningPlugin {
  MemoryConfig config;
  std::unique_ptr<graph::GraphService> graph;
  std::unique_ptr<MemoryService> rules;
};

std::unique_ptr<RunningPlugin> start(const PluginHost& host, http::Router& router) {
  auto running = std::make_unique<RunningMemory>();
  running->config = load_memory_config(host.settings.config_dir);
  running->graph = std::make_unique<graph::GraphService>(host.settings.graph_db, host.store);
  if (host.store != nullptr) {
    graph::GraphService* graph = running->graph.get();
    running->rules = std::make_unique<MemoryService>(
        *host.store, running->config,
        [graph](const std::vector<MemoryRule>& rules) { graph->replace_derived(rule_facts(rules)); });
  }
  add_memory_routes(router, {host.settings, running->config, running->rules.get(),
                             host.spool_dir, host.examples_dir});
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
