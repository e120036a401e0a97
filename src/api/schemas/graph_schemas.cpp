// /api/memory/graph (plugins/memory/graph/graph_routes.cpp over GraphService).
#include "api/schemas/reply_schemas.h"

namespace axis::api::schema {

Components graph_schemas() {
  Components c;
  c.add("GraphNode", object({{"id", str()}, {"label", str()}, {"type", str()},
                             {"metadata", map_of(str())}}));
  c.add("GraphEdge", object({{"source", str()}, {"target", str()}, {"type", str()},
                             {"label", str()}}));
  c.add("GraphStatusReply", object({{"success", boolean()}, {"connected", boolean()},
                                    {"graph_name", str()}, {"message", str()}}));
  c.add("GraphSummaryReply", object({{"success", boolean()},
                                     {"total_nodes", integer()},
                                     {"total_edges", integer()},
                                     {"nodes_by_type", map_of(integer())},
                                     {"edges_by_relation", map_of(integer())},
                                     {"rules_by_action", map_of(integer())},
                                     {"rules_by_product", map_of(integer())}}));
  c.add("GraphReply", object({{"success", boolean()},
                              {"data", object({{"nodes", array_of(ref("GraphNode"))},
                                               {"edges", array_of(ref("GraphEdge"))},
                                               {"node_counts", map_of(integer())},
                                               {"edge_counts", map_of(integer())}})}}));
  c.add("GraphSearchReply",
        object({{"success", boolean()},
                {"results", array_of(object({{"node_id", str()}, {"label", str()},
                                             {"type", str()}, {"connected_nodes", integer()},
                                             {"snippet", str()}}))},
                {"query", str()},
                {"total", integer()}}));
  c.add("GraphNeighborhoodReply", object({{"success", boolean()},
                                          {"focal_node", ref("GraphNode")},
                                          {"nodes", array_of(ref("GraphNode"))},
                                          {"edges", array_of(ref("GraphEdge"))},
                                          {"depth", integer()}}));
  c.add("GraphImportReply", object({{"success", boolean()}, {"format", str()},
                                    {"nodes", integer()}, {"edges", integer()},
                                    {"total_nodes", integer()}, {"total_edges", integer()}}));
  return c;
}

}  // namespace axis::api::schema
