#include "plugins/memory/graph/graph_service.h"

#include "config/settings.h"
#include "plugins/memory/graph/embedded_graph_store.h"
#include "plugins/memory/graph/falkor_graph_store.h"
#include "util/http_error.h"
#include "util/store_backed.h"

namespace axis::plugins::memory::graph {

GraphService::GraphService(const config::GraphDbSettings& settings, store::Store* store)
    : uses_falkordb_(!settings.host.empty()) {
  // The embedded tables are written only when they are what is served: with FalkorDB, neither
  // imports nor the rules' derived part go to them.
  if (store && !uses_falkordb_) writer_ = std::make_unique<GraphWriter>(*store);
  if (uses_falkordb_) {
    reader_ = std::make_unique<FalkorGraphStore>(FalkorOptions{
        settings.host, settings.port, settings.name, settings.password});
  } else if (store) {
    auto embedded = std::make_unique<EmbeddedGraphStore>(*store);
    embedded_ = embedded.get();
    reader_ = std::move(embedded);
  }
}

GraphService::~GraphService() = default;

GraphStore& GraphService::reader() {
  if (!reader_) {
    throw util::HttpError(503, "The knowledge graph needs the store (duckdb.yaml enabled) or "
                               "FalkorDB (GRAPH_DB_HOST)");
  }
  return *reader_;
}

GraphWriter& GraphService::writer() {
  if (uses_falkordb_) {
    throw util::HttpError(409, "The knowledge graph is served by FalkorDB (GRAPH_DB_HOST is "
                               "set), which its own pipeline writes; imports go to the "
                               "embedded graph only");
  }
  if (!writer_) throw util::HttpError(503, util::kStoreDisabledMessage);
  return *writer_;
}

template <class Write>
auto GraphService::writing(Write&& write) {
  struct Forget {
    EmbeddedGraphStore* store;
    ~Forget() { if (store) store->changed(); }
  } forget{embedded_};
  return write();
}

ImportCounts GraphService::import_csv(const ingest::CsvFile& nodes, const ingest::CsvFile& edges) {
  return writing([&] { return writer().import_csv(nodes, edges); });
}

ImportCounts GraphService::import_items(const std::vector<ImportNode>& nodes,
                                        const std::vector<ImportEdge>& edges) {
  return writing([&] { return writer().import_items(nodes, edges); });
}

void GraphService::replace_derived(const std::vector<RuleFacts>& rules) {
  if (writer_) writing([&] { writer_->replace_derived(rules); });
}

}  // namespace axis::plugins::memory::graph
