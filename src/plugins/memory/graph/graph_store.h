// GraphStore: the five read operations of the knowledge graph, one interface for the two
// backends (EmbeddedGraphStore over DuckDB, FalkorGraphStore over FalkorDB), which give the same
// results for the same graph. Implementations are thread-safe and block (run them on the
// blocking pool).
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include "plugins/memory/graph/graph_types.h"

namespace axis::plugins::memory::graph {

// A refusal the caller answers with 400 and this text (invalid node id, node not found).
struct GraphRequestError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class GraphStore {
 public:
  virtual ~GraphStore() = default;

  // Whether the backend answers; never throws.
  virtual GraphStatus status() = 0;
  // Node counts by first label (isolated nodes included), edge counts by type, rules by action
  // and by product_type (null or empty values skipped). Throws on a backend failure.
  virtual GraphSummary summary() = 0;
  // The edges matching `filters` (at most filters.limit rows), their end nodes, and counts
  // after deduplication. With risk_factor, every edge touching that RiskFactor is emitted as
  // risk factor → other node, and the other filters are ignored.
  virtual GraphData graph(const GraphFilters& filters) = 0;
  // Nodes whose lowercased name contains `lowered_query`, most connected first (ties in graph
  // order), at most `limit`.
  virtual std::vector<SearchHit> search(const std::string& lowered_query, int limit) = 0;
  // The edges incident to nodes within depth−1 undirected hops of the node `node_id`
  // ("Label:slug"), with their end nodes, focal node first. depth is 1..3. Throws
  // GraphRequestError "Invalid node_id format: …" / "Node not found: …".
  virtual Neighborhood neighborhood(const std::string& node_id, int depth) = 0;
};

}  // namespace axis::plugins::memory::graph
