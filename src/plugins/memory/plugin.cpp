// The memory plugin: the decision-memory rule library (/api/memory) and the knowledge graph
// (/api/memory/graph).
#include "config/settings.h"
#include "http/router.h"
#include "plugins/memory/memory_routes.h"
#include "plugins/memory/memory_service.h"
#include "plugins/plugin.h"

namespace axis::plugins::memory {

namespace {

// What the running plugin owns: its configuration and, with the store enabled, the rules.
struct RunningMemory : RunningPlugin {
  MemoryConfig config;
  std::unique_ptr<MemoryService> rules;
};

std::unique_ptr<RunningPlugin> start(const PluginHost& host, http::Router& router) {
  auto running = std::make_unique<RunningMemory>();
  running->config = load_memory_config(host.settings.config_dir);
  if (host.store != nullptr)
    running->rules = std::make_unique<MemoryService>(*host.store, running->config);
  add_memory_routes(router, {host.settings, running->config, running->rules.get(),
                             host.spool_dir, host.examples_dir});
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
