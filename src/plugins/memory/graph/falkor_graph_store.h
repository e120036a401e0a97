// FalkorGraphStore: the knowledge graph read from FalkorDB with GRAPH.RO_QUERY, the backend
// used when GRAPH_DB_HOST is set. Values are bound as CYPHER parameters; the only text spliced
// into a query is a label from the whitelist (graph_text.h) and the depth (1..3).
//
// Replies are parsed in FalkorDB's verbose result-set format (the one GRAPH.RO_QUERY sends
// without --compact, docs.falkordb.com "Result Set Structure"): [header, rows, statistics];
// a node is [["id",int],["labels",[str...]],["properties",[[key,value]...]]], a relationship
// [["id",int],["type",str],["src_node",int],["dest_node",int],["properties",[...]]]; integers
// are RESP integers, strings bulk strings, and booleans and doubles come as their text
// ("true", "0.5"), so they print as that text (where Python's client would print True, 0.5).
// Thread-safe; blocking.
#pragma once

#include "plugins/memory/graph/falkor_connection.h"
#include "plugins/memory/graph/graph_store.h"

namespace axis::plugins::memory::graph {

class FalkorGraphStore : public GraphStore {
 public:
  explicit FalkorGraphStore(FalkorOptions options) : conn_(std::move(options)) {}

  // "RETURN 1"; a failure resets the connection and reports "Connection failed: <why>".
  GraphStatus status() override;
  // The others throw util::HttpError 500 "<why>" when FalkorDB fails (the connection is
  // dropped and reopened by the next call).
  GraphSummary summary() override;
  GraphData graph(const GraphFilters& filters) override;
  std::vector<SearchHit> search(const std::string& lowered_query, int limit) override;
  Neighborhood neighborhood(const std::string& node_id, int depth) override;

 private:
  Resp query(const std::string& cypher, const CypherParams& params = {});
  FalkorConnection conn_;
};

// Parsing of verbose result-set values (exposed for tests).
// The rows of a result set ([header, rows, stats]); throws FalkorError on another shape.
const std::vector<Resp>& result_rows(const Resp& reply);
GraphNode node_from_resp(const Resp& node);
// The relationship's type and `label` property.
std::pair<std::string, std::string> relation_from_resp(const Resp& relation);

}  // namespace axis::plugins::memory::graph
