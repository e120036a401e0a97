// The memory plugin's routes: /api/memory/* (spec plugins.md §2.2–§2.3), the bundled example
// rule set, and the deprecated GET /api/config/memory alias.
#pragma once

#include <string>

#include "util/store_backed.h"

namespace axis::config { struct Settings; }
namespace axis::http { class Router; }

namespace axis::plugins::memory {

struct MemoryConfig;
class MemoryService;

struct MemoryRouteContext {
  const config::Settings& settings;  // intake limits
  const MemoryConfig& config;        // answers /config even when the store is disabled
  util::StoreBacked<MemoryService> rules;
  std::string spool_dir;     // uploads in flight
  std::string examples_dir;  // holds memory_rules.csv
};

// Adds every route. `context`'s references must outlive the router.
void add_memory_routes(http::Router& router, const MemoryRouteContext& context);

}  // namespace axis::plugins::memory
