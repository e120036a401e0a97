#include "plugins/memory/graph/embedded_graph_store.h"


#include "plugins/memory/graph/graph_assembly.h"
#include "plugins/memory/graph/graph_text.h"
#include "store/connection.h"
#include "store/sql_text.h"
#include "store/store.h"

namespace axis::plugins::memory::graph {
namespace {

using Row = std::vector<std::optional<std::string>>;
using store::Value;

// The columns of one node, read by node_at(row, first).
std::string node_cols(const std::string& alias) {
  return alias + ".id, " + alias + ".label, " + alias + ".name, " + alias + ".metadata";
}

GraphNode node_at(const Row& row, std::size_t first) {
  return {row[first].value_or(""), row[first + 2].value_or(""), row[first + 1].value_or(""),
          metadata_from_json(row[first + 3].value_or("{}"))};
}

Counts counts_of(store::Connection& conn, const std::string& sql) {
  Counts out;
  conn.execute(sql).for_each_row([&](const Row& row) {
    out.emplace_back(row[0].value_or(""), store::cell_int(row[1]));
  });
  return out;
}

// Rows of (node n, node m, edge type, edge label) become the graph, each edge n → m.
GraphData assemble(store::Connection& conn, const std::string& sql,
                   const std::vector<Value>& values) {
  GraphAssembly graph;
  conn.query(sql, values).for_each_row([&](const Row& row) {
    graph.add(node_at(row, 0), node_at(row, 4), row[8].value_or(""), row[9].value_or(""));
  });
  return std::move(graph).data();
}

const std::string kEdgeRowCols =
    node_cols("n") + ", " + node_cols("m") + ", e.type, e.label";

}  // namespace

GraphStatus EmbeddedGraphStore::status() {
  try {
    auto conn = store_.connection();
    conn->execute("SELECT count(*) FROM _graph_served_nodes");
    return {true, "embedded", "Connected to the embedded graph store"};
  } catch (const std::exception& e) {
    return {false, "embedded", std::string("Connection failed: ") + e.what()};
  }
}

void EmbeddedGraphStore::changed() {
  {
    std::lock_guard lock(summary_mutex_);
    summary_.reset();
  }
  std::lock_guard lock(memory_mutex_);
  memory_.reset();
}

GraphSummary EmbeddedGraphStore::summary() {
  std::lock_guard lock(summary_mutex_);
  if (summary_) return *summary_;
  auto conn = store_.connection();
  GraphSummary s;
  s.nodes_by_type = counts_of(*conn,
      "SELECT label, count(*) FROM _graph_served_nodes GROUP BY label ORDER BY 2 DESC, 1");
  s.edges_by_relation = counts_of(*conn,
      "SELECT type, count(*) FROM _graph_served_edges GROUP BY type ORDER BY 2 DESC, 1");
  s.rules_by_action = counts_of(*conn,
      "SELECT action, count(*) FROM _graph_served_nodes WHERE label = 'Rule' AND action <> '' "
      "GROUP BY action ORDER BY 2 DESC, 1");
  s.rules_by_product = counts_of(*conn,
      "SELECT product_type, count(*) FROM _graph_served_nodes WHERE label = 'Rule' AND "
      "product_type <> '' GROUP BY product_type ORDER BY 2 DESC, 1");
  for (const auto& [_, n] : s.nodes_by_type) s.total_nodes += n;
  for (const auto& [_, n] : s.edges_by_relation) s.total_edges += n;
  summary_ = s;
  return s;
}

GraphData EmbeddedGraphStore::graph(const GraphFilters& f) {
  auto conn = store_.connection();
  const Value limit = static_cast<std::int64_t>(f.limit);
  if (!f.risk_factor.empty()) {
    return assemble(*conn,
        "SELECT " + kEdgeRowCols + " FROM _graph_served_nodes n JOIN _graph_served_edges e "
        "ON e.src = n.id OR e.dst = n.id JOIN _graph_served_nodes m "
        "ON m.id = CASE WHEN e.src = n.id THEN e.dst ELSE e.src END "
        "WHERE n.label = 'RiskFactor' AND n.name = ? ORDER BY e.seq LIMIT ?",
        {f.risk_factor, limit});
  }
  store::SqlWhere where;
  if (!f.action.empty()) {
    where.add("((n.label = 'Rule' AND n.action = ?) OR (m.label = 'Rule' AND m.action = ?))",
              {f.action, f.action});
  }
  if (!f.product_type.empty()) {
    where.add("((n.label = 'Rule' AND n.product_type = ?) OR "
              "(m.label = 'Rule' AND m.product_type = ?))",
              {f.product_type, f.product_type});
  }
  if (!f.node_type.empty()) where.add("(n.label = ? OR m.label = ?)", {f.node_type, f.node_type});
  std::vector<Value> values = where.values();
  values.push_back(limit);
  // Unfiltered: the first `limit` edges, then their nodes (no join over the whole graph).
  const std::string edges = where.values().empty()
      ? "(SELECT * FROM _graph_served_edges ORDER BY seq LIMIT ?) e" : "_graph_served_edges e";
  return assemble(*conn,
      "SELECT " + kEdgeRowCols + " FROM " + edges + " JOIN _graph_served_nodes n ON n.id = e.src "
      "JOIN _graph_served_nodes m ON m.id = e.dst" + where.sql() + " ORDER BY e.seq" +
      (where.values().empty() ? "" : " LIMIT ?"),
      values);
}

std::shared_ptr<const MemoryGraph> EmbeddedGraphStore::memory() {
  std::lock_guard lock(memory_mutex_);
  if (!memory_) {
    auto conn = store_.connection();
    memory_ = std::make_shared<const MemoryGraph>(MemoryGraph::load(*conn));
  }
  return memory_;
}

std::vector<SearchHit> EmbeddedGraphStore::search(const std::string& lowered_query, int limit) {
  return memory()->search(lowered_query, static_cast<std::size_t>(limit));
}

Neighborhood EmbeddedGraphStore::neighborhood(const std::string& id, int depth) {
  if (!split_node_id(id)) {
    throw GraphRequestError("Invalid node_id format: " + id + ". Expected 'Label:slug'.");
  }
  const auto graph = memory();
  const std::int64_t focal = graph->find(id);
  if (focal < 0) throw GraphRequestError("Node not found: " + id);
  return graph->neighborhood(focal, depth, kMaxNeighborhoodEdges);
}

}  // namespace axis::plugins::memory::graph
