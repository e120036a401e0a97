// The routes of /api/memory/graph (the memory plugin adds them when it starts).
#pragma once

#include <string>

namespace axis::config { struct Settings; }
namespace axis::http { class Router; }

namespace axis::plugins::memory::graph {

class GraphService;

// `service` outlives the router's handlers (the plugin owns both).
void register_graph_routes(http::Router& router, GraphService& service,
                           const config::Settings& settings, const std::string& spool_dir);

}  // namespace axis::plugins::memory::graph
