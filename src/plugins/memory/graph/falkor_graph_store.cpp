#include "plugins/memory/graph/falkor_graph_store.h"

#include <nlohmann/json.hpp>

#include "plugins/memory/graph/graph_assembly.h"
#include "plugins/memory/graph/graph_text.h"
#include "util/http_error.h"

namespace axis::plugins::memory::graph {
namespace {

// The member `key` of a verbose entity ([[key, value], ...]), or null.
const Resp* member(const Resp& entity, const std::string& key) {
  for (const Resp& pair : entity.items) {
    if (pair.kind == Resp::Kind::array && pair.items.size() == 2 &&
        pair.items[0].text == key) {
      return &pair.items[1];
    }
  }
  return nullptr;
}

nlohmann::ordered_json to_json(const Resp& v) {
  switch (v.kind) {
    case Resp::Kind::integer: return v.integer;
    case Resp::Kind::string: return v.text;
    case Resp::Kind::array: {
      auto arr = nlohmann::ordered_json::array();
      for (const Resp& item : v.items) arr.push_back(to_json(item));
      return arr;
    }
    default: return nullptr;
  }
}

// Properties in order, values as Python str() prints them; nil values left out.
Metadata properties(const Resp& entity) {
  Metadata out;
  const Resp* props = member(entity, "properties");
  if (!props) return out;
  for (const Resp& pair : props->items) {
    if (pair.items.size() != 2 || pair.items[1].kind == Resp::Kind::nil) continue;
    out.emplace_back(pair.items[0].text, python_str(to_json(pair.items[1])));
  }
  return out;
}

std::string text_or(const Resp& v, const std::string& fallback) {
  if (v.kind == Resp::Kind::string) return v.text;
  if (v.kind == Resp::Kind::integer) return std::to_string(v.integer);
  return fallback;
}

Counts counts_of(const Resp& reply, bool skip_empty, const std::string& null_key) {
  Counts out;
  for (const Resp& row : result_rows(reply)) {
    if (row.items.size() < 2) continue;
    const std::string key = text_or(row.items[0], null_key);
    if (skip_empty && key.empty()) continue;
    out.emplace_back(key, row.items[1].integer);
  }
  return out;
}

[[noreturn]] void fail(const FalkorError& e) { throw util::HttpError(500, e.what()); }

}  // namespace

const std::vector<Resp>& result_rows(const Resp& reply) {
  if (reply.kind != Resp::Kind::array || reply.items.size() < 2 ||
      reply.items[1].kind != Resp::Kind::array) {
    throw FalkorError("FalkorDB sent a reply that is not a result set");
  }
  return reply.items[1].items;
}

GraphNode node_from_resp(const Resp& node) {
  const Resp* labels = member(node, "labels");
  const std::string type = labels && !labels->items.empty() ? labels->items[0].text : "Unknown";
  Metadata props = properties(node);
  std::string name;
  bool named = false;
  Metadata metadata;
  std::optional<std::string> id_prop;
  for (auto& [k, v] : props) {
    if (k == "name") { name = v; named = true; continue; }
    if (k == "id") id_prop = v;
    metadata.emplace_back(k, v);
  }
  if (!named) name = id_prop.value_or("unknown");
  return {node_id(type, name), name, type, std::move(metadata)};
}

std::pair<std::string, std::string> relation_from_resp(const Resp& relation) {
  const Resp* type = member(relation, "type");
  std::string label;
  for (const auto& [k, v] : properties(relation)) if (k == "label") label = v;
  return {type ? type->text : "RELATED", label};
}

Resp FalkorGraphStore::query(const std::string& cypher, const CypherParams& params) {
  return conn_.ro_query(cypher, params);
}

GraphStatus FalkorGraphStore::status() {
  const std::string name = conn_.options().graph;
  try {
    query("RETURN 1");
    return {true, name, "Connected to FalkorDB"};
  } catch (const FalkorError& e) {
    conn_.reset();
    return {false, name, std::string("Connection failed: ") + e.what()};
  }
}

GraphSummary FalkorGraphStore::summary() {
  GraphSummary s;
  try {
    s.nodes_by_type = counts_of(query("MATCH (n) RETURN labels(n)[0], count(n)"), false, "Unknown");
    s.edges_by_relation = counts_of(query("MATCH ()-[r]->() RETURN type(r), count(r)"), false, "");
  } catch (const FalkorError& e) { fail(e); }
  try {
    s.rules_by_action = counts_of(query("MATCH (r:Rule) RETURN r.action, count(r)"), true, "");
  } catch (const FalkorError&) {}  // a graph without the property: no counts
  try {
    s.rules_by_product =
        counts_of(query("MATCH (r:Rule) RETURN r.product_type, count(r)"), true, "");
  } catch (const FalkorError&) {}
  for (const auto& [_, n] : s.nodes_by_type) s.total_nodes += n;
  for (const auto& [_, n] : s.edges_by_relation) s.total_edges += n;
  return s;
}

GraphData FalkorGraphStore::graph(const GraphFilters& f) {
  std::string cypher;
  CypherParams params;
  if (!f.risk_factor.empty()) {
    cypher = "MATCH (rf:RiskFactor {name: $rf})-[r]-(m) RETURN rf, r, m LIMIT $limit";
    params.emplace_back("rf", f.risk_factor);
  } else {
    std::vector<std::string> clauses;
    if (!f.action.empty()) {
      clauses.push_back("(n:Rule AND n.action = $action) OR (m:Rule AND m.action = $action)");
      params.emplace_back("action", f.action);
    }
    if (!f.product_type.empty()) {
      clauses.push_back(
          "(n:Rule AND n.product_type = $product) OR (m:Rule AND m.product_type = $product)");
      params.emplace_back("product", f.product_type);
    }
    if (!f.node_type.empty()) {
      if (!is_node_label(f.node_type)) throw util::HttpError(422, "Unknown node_type");
      clauses.push_back("n:" + f.node_type + " OR m:" + f.node_type);
    }
    std::string where;
    for (const auto& c : clauses) where += (where.empty() ? " WHERE (" : " AND (") + c + ")";
    cypher = "MATCH (n)-[r]->(m)" + where + " RETURN n, r, m LIMIT $limit";
  }
  params.emplace_back("limit", static_cast<std::int64_t>(f.limit));
  GraphAssembly graph;
  try {
    const Resp reply = query(cypher, params);  // outlives the loop over its rows
    for (const Resp& row : result_rows(reply)) {
      if (row.items.size() < 3) continue;
      const auto [type, label] = relation_from_resp(row.items[1]);
      graph.add(node_from_resp(row.items[0]), node_from_resp(row.items[2]), type, label);
    }
  } catch (const FalkorError& e) { fail(e); }
  return std::move(graph).data();
}

std::vector<SearchHit> FalkorGraphStore::search(const std::string& lowered_query, int limit) {
  std::vector<SearchHit> hits;
  try {
    const Resp reply = query(
        "MATCH (n) WHERE toLower(n.name) CONTAINS $q OPTIONAL MATCH (n)-[r]-() "
        "RETURN n, labels(n)[0] AS label, count(r) AS connections "
        "ORDER BY connections DESC LIMIT $limit",
        {{"q", lowered_query}, {"limit", static_cast<std::int64_t>(limit)}});
    for (const Resp& row : result_rows(reply)) {
      if (row.items.size() < 3) continue;
      GraphNode node = node_from_resp(row.items[0]);
      node.type = text_or(row.items[1], "Unknown");
      node.id = node_id(node.type, node.label);
      hits.push_back({node.id, node.label, node.type, snippet(node.metadata, node.type),
                      row.items[2].integer});
    }
  } catch (const FalkorError& e) { fail(e); }
  return hits;
}

Neighborhood FalkorGraphStore::neighborhood(const std::string& id, int depth) {
  const auto parts = split_node_id(id);
  if (!parts) {
    throw GraphRequestError("Invalid node_id format: " + id + ". Expected 'Label:slug'.");
  }
  const auto& [label, wanted] = *parts;
  if (!is_node_label(label)) throw GraphRequestError("Node not found: " + id);
  const int d = std::max(1, std::min(depth, 3));
  Neighborhood out;
  out.depth = d;
  try {
    std::optional<GraphNode> focal;
    const Resp candidates = query("MATCH (n:" + label + ") RETURN n");
    for (const Resp& row : result_rows(candidates)) {
      if (row.items.empty()) continue;
      GraphNode node = node_from_resp(row.items[0]);
      node.type = label;
      node.id = node_id(label, node.label);
      if (slug(node.label) == wanted) { focal = std::move(node); break; }
    }
    if (!focal) throw GraphRequestError("Node not found: " + id);
    GraphAssembly graph;
    graph.add_node(*focal);
    const Resp paths = query(
        "MATCH (focal:" + label + " {name: $name})-[r*1.." + std::to_string(d) +
            "]-(neighbor) UNWIND r AS rel WITH focal, rel, startNode(rel) AS sn, "
            "endNode(rel) AS en RETURN focal, rel, sn, en",
        {{"name", focal->label}});
    for (const Resp& row : result_rows(paths)) {
      if (row.items.size() < 4) continue;
      const auto [type, edge_label] = relation_from_resp(row.items[1]);
      graph.add(node_from_resp(row.items[2]), node_from_resp(row.items[3]), type, edge_label);
    }
    out.focal = *focal;
    out.nodes = std::move(graph.nodes());
    out.edges = std::move(graph.edges());
  } catch (const FalkorError& e) { fail(e); }
  return out;
}

}  // namespace axis::plugins::memory::graph
