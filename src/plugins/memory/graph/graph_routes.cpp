// /api/memory/graph: the knowledge graph (status, summary, filtered graph, search,
// neighbourhood) and its import. Handlers read the request, call GraphService, render.
#include "plugins/memory/graph/graph_routes.h"

#include <nlohmann/json.hpp>

#include "api/csv_upload.h"
#include "api/request_fields.h"
#include "config/settings.h"
#include "http/json_body.h"
#include "http/multipart.h"
#include "http/router.h"
#include "plugins/memory/graph/graph_json.h"
#include "plugins/memory/graph/graph_service.h"
#include "plugins/memory/graph/graph_text.h"
#include "util/http_error.h"
#include "util/json_text.h"
#include "util/text.h"

namespace axis::plugins::memory::graph {
namespace {

using Json = nlohmann::ordered_json;

http::Response reply(const Json& body) { return http::Response::json(util::json_text(body)); }

// Runs a backend call, turning its request refusals into 400s.
template <class Work>
auto refusing(Work&& work) {
  try {
    return work();
  } catch (const GraphRequestError& e) {
    throw util::HttpError(400, e.what());
  }
}

GraphFilters filters_of(const http::Request& req) {
  api::QueryParams q(req);
  GraphFilters f;
  f.limit = static_cast<int>(q.integer("limit", 500, 1, 2000));
  f.risk_factor = q.text("risk_factor").value_or("");
  f.product_type = q.text("product_type").value_or("");
  f.action = q.text("action").value_or("");
  f.node_type = q.choice("node_type", node_labels()).value_or("");
  q.check();
  return f;
}

// Properties of a JSON item: non-null members but name, formatted like Python str().
Metadata props_of(const api::BodyJson& item, api::BodyFields& fields) {
  Metadata out;
  const auto it = item.find("props");
  if (it == item.end() || it->is_null()) return out;
  if (!it->is_object()) {
    fields.invalid("model_attributes_type", "props", "Input should be an object", &*it);
    return out;
  }
  for (const auto& [k, v] : it->items()) {
    if (k != "name" && !v.is_null()) out.emplace_back(k, python_str(v));
  }
  return out;
}

ImportCounts import_json(GraphService& service, const http::Request& req) {
  const api::BodyJson body = http::parse_json_body(req);
  api::BodyFields fields(body);
  const api::BodyJson* nodes = fields.list("nodes", true);
  const api::BodyJson* edges = fields.list("edges", false);
  const std::size_t items = (nodes ? nodes->size() : 0) + (edges ? edges->size() : 0);
  if (items > kMaxJsonImportItems) {
    throw util::HttpError::field({"body"}, "too_long",
        "An import carries at most " + std::to_string(kMaxJsonImportItems) +
        " nodes and edges together; send larger graphs as CSV");
  }
  std::vector<ImportNode> node_items;
  std::vector<ImportEdge> edge_items;
  for (std::size_t i = 0; nodes && i < nodes->size(); ++i) {
    auto item = fields.item("nodes", (*nodes)[i], i);
    ImportNode n{item.text("label"), item.text("name"), {}};
    if ((*nodes)[i].is_object()) n.props = props_of((*nodes)[i], item);
    node_items.push_back(std::move(n));
  }
  for (std::size_t i = 0; edges && i < edges->size(); ++i) {
    auto item = fields.item("edges", (*edges)[i], i);
    ImportEdge e{item.text("source"), item.text("target"), item.text("type"), ""};
    if ((*edges)[i].is_object()) {
      for (const auto& [k, v] : props_of((*edges)[i], item)) if (k == "label") e.label = v;
    }
    edge_items.push_back(std::move(e));
  }
  fields.check();
  return service.import_items(node_items, edge_items);
}

ImportCounts import_csv(GraphService& service, const http::Request& req,
                        const ingest::CsvLimits& limits, const std::string& spool_dir) {
  const auto form = http::parse_multipart(req, spool_dir);
  const http::UploadedFile* nodes = form->file("nodes");
  const http::UploadedFile* edges = form->file("edges");
  if (!nodes || !edges) {
    throw util::HttpError(400, "A CSV import needs two files: the multipart fields 'nodes' "
                               "and 'edges'");
  }
  if (nodes->size == 0 || edges->size == 0) throw util::HttpError(400, "Empty CSV file");
  return service.import_csv(ingest::inspect_csv(nodes->path, limits),
                            ingest::inspect_csv(edges->path, limits));
}

}  // namespace

void register_graph_routes(http::Router& router, GraphService& service,
                           const config::Settings& settings, const std::string& spool_dir) {
  GraphService* svc = &service;
  const std::string tag = "graph";

  router.add("GET", "/api/memory/graph/status", [svc](const http::Request&) {
    const GraphStatus s = svc->reader().status();
    return reply({{"success", true}, {"connected", s.connected}, {"graph_name", s.graph_name},
                  {"message", s.message}});
  }, {tag, "Whether the graph backend (FalkorDB or the embedded store) answers",
      http::BodyKind::none, {}, "GraphStatusReply"});

  router.add("GET", "/api/memory/graph/summary", [svc](const http::Request&) {
    return reply(summary_json(svc->reader().summary()));
  }, {tag, "Node and edge counts by type, rules by action and by product",
      http::BodyKind::none, {}, "GraphSummaryReply"});

  const http::Handler graph = [svc](const http::Request& req) {
    const GraphFilters f = filters_of(req);
    return reply(graph_json(svc->reader().graph(f)));
  };
  const http::RouteDoc graph_doc{
      tag, "The graph's edges (at most limit) and their nodes, optionally filtered",
      http::BodyKind::none,
      {{"limit", "integer", false, "rows matched, 1..2000 (500)"},
       {"risk_factor", "string", false, "only the edges of this RiskFactor (by name)"},
       {"product_type", "string", false, "edges touching a Rule of this product_type"},
       {"action", "string", false, "edges touching a Rule with this action"},
       {"node_type", "string", false, "edges touching a node of this label"}},
      "GraphReply"};
  router.add("GET", "/api/memory/graph", graph, graph_doc);
  router.add("GET", "/api/memory/graph/", graph, graph_doc);

  router.add("GET", "/api/memory/graph/search", [svc](const http::Request& req) {
    api::QueryParams q(req);
    const std::string text = q.required("q");
    const int limit = static_cast<int>(q.integer("limit", 20, 1, 100));
    q.check();
    const auto hits = svc->reader().search(util::ascii_lower(text), limit);
    Json results = Json::array();
    for (const auto& h : hits) {
      results.push_back({{"node_id", h.node_id}, {"label", h.label}, {"type", h.type},
                         {"connected_nodes", h.connected_nodes}, {"snippet", h.snippet}});
    }
    return reply({{"success", true}, {"results", results}, {"query", text},
                  {"total", hits.size()}});
  }, {tag, "Nodes whose name contains q (case-insensitive), most connected first",
      http::BodyKind::none,
      {{"q", "string", true, "at least one character"},
       {"limit", "integer", false, "1..100 (20)"}},
      "GraphSearchReply"});

  router.add("GET", "/api/memory/graph/neighborhood", [svc](const http::Request& req) {
    api::QueryParams q(req);
    const std::string id = q.required("node_id");
    const int depth = static_cast<int>(q.integer("depth", 1, 1, 3));
    q.check();
    return reply(neighborhood_json(refusing([&] { return svc->reader().neighborhood(id, depth); })));
  }, {tag, "The edges within depth hops of a node ('Label:slug'), focal node first",
      http::BodyKind::none,
      {{"node_id", "string", true, "'<Label>:<slug of the name>'"},
       {"depth", "integer", false, "1..3 (1)"}},
      "GraphNeighborhoodReply"});

  const ingest::CsvLimits limits = api::csv_limits(settings.server);
  router.add("POST", "/api/memory/graph/import", [svc, limits, spool_dir](const http::Request& req) {
    const bool csv = util::ascii_lower(std::string(req.header("content-type")))
                         .starts_with("multipart/form-data");
    const ImportCounts c = csv ? import_csv(*svc, req, limits, spool_dir) : import_json(*svc, req);
    return reply({{"success", true}, {"format", csv ? "csv" : "json"}, {"nodes", c.nodes},
                  {"edges", c.edges}, {"total_nodes", c.total_nodes},
                  {"total_edges", c.total_edges}});
  }, {tag, "Replace the imported graph: CSV files nodes + edges (multipart) or JSON "
           "{nodes, edges}; 409 when FalkorDB serves the graph",
      http::BodyKind::json, {}, "GraphImportReply"});
}

}  // namespace axis::plugins::memory::graph
