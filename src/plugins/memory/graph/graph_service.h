// GraphService: the knowledge graph behind /api/memory/graph. It serves the graph from FalkorDB
// when GRAPH_DB_HOST is set (read-only: an external pipeline writes it), else from the embedded
// DuckDB tables, which imports and the memory rules fill. Thread-safe; blocking.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "plugins/memory/graph/graph_store.h"
#include "plugins/memory/graph/graph_writer.h"

namespace axis::config { struct GraphDbSettings; }

namespace axis::plugins::memory::graph {

class EmbeddedGraphStore;

class GraphService {
 public:
  // `store` may be null (store disabled): the embedded graph then answers 503.
  GraphService(const config::GraphDbSettings& settings, store::Store* store);
  ~GraphService();

  bool uses_falkordb() const { return uses_falkordb_; }
  // The backend serving reads. Throws util::HttpError 503 when neither is available.
  GraphStore& reader();

  // Imports replace the imported part of the embedded graph. Throw util::HttpError 409 when
  // FalkorDB serves the graph (it is written by its own pipeline), 503 without the store, and
  // GraphWriter's 4xx otherwise.
  ImportCounts import_csv(const ingest::CsvFile& nodes, const ingest::CsvFile& edges);
  ImportCounts import_items(const std::vector<ImportNode>& nodes,
                            const std::vector<ImportEdge>& edges);
  // Replaces the part of the embedded graph derived from the memory rules (a no-op without the
  // store, and when FalkorDB serves the graph). Called when the rules change.
  void replace_derived(const std::vector<RuleFacts>& rules);

 private:
  GraphWriter& writer();
  // Runs a write, then lets the embedded reader forget what it cached (also after a refusal).
  template <class Write>
  auto writing(Write&& write);

  EmbeddedGraphStore* embedded_ = nullptr;  // reader_ when it is the embedded graph
  bool uses_falkordb_ = false;
  std::unique_ptr<GraphStore> reader_;
  std::unique_ptr<GraphWriter> writer_;
};

}  // namespace axis::plugins::memory::graph
