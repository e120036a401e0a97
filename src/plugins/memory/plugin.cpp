// The memory plugin: the decision-memory rule library (/api/memory) and the knowledge graph
// (/api/memory/graph).
#include <stdexcept>

#include "plugins/plugin.h"

namespace axis::plugins::memory {

namespace {

std::unique_ptr<RunningPlugin> start(const PluginHost&, http::Router&) {
  throw std::runtime_error("not available in this server version");
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
