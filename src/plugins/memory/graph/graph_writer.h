// GraphWriter: writes the embedded knowledge graph (the _graph_* tables of migrations 7 and 8).
// An import replaces the imported part, replace_derived the part derived from the memory rules;
// the served tables always hold both, deduplicated (imported entries first). Every write is one
// DuckDB transaction: a refused import changes nothing.
// Thread-safe (writes are serialised); blocking.
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

#include "ingest/csv_file.h"
#include "plugins/memory/graph/graph_types.h"

namespace axis::store { class Store; }

namespace axis::plugins::memory::graph {

struct ImportNode {
  std::string label, name;
  Metadata props;  // every non-null property but name, formatted like Python str()
};

struct ImportEdge {
  std::string source, target, type, label;  // source/target: node ids "<Label>:<slug>"
};

struct ImportCounts {
  std::int64_t nodes = 0, edges = 0;  // of the import, after deduplication
  std::int64_t total_nodes = 0, total_edges = 0;  // served afterwards (imported + derived)
};

// Most nodes and edges one JSON import may carry (a CSV import is bounded by the upload limits).
inline constexpr std::size_t kMaxJsonImportItems = 200000;

class GraphWriter {
 public:
  explicit GraphWriter(store::Store& store) : store_(store) {}

  // Nodes CSV: columns `label` and `name`, every other column a property (empty cells absent).
  // Edges CSV: columns `source`, `target`, `type`, optional `label`; other columns ignored.
  // Throws util::HttpError 422 for a missing column, an empty label/name/source/target/type,
  // an unknown label or relation type (listing the allowed ones) or dangling edges (naming the
  // first five), 400 for a file DuckDB cannot read.
  ImportCounts import_csv(const ingest::CsvFile& nodes, const ingest::CsvFile& edges);
  // The same import from parsed items, with the same checks.
  ImportCounts import_items(const std::vector<ImportNode>& nodes,
                            const std::vector<ImportEdge>& edges);
  // Replaces the derived part: per rule, RiskFactor -TRIGGERS-> Rule -RESULTS_IN-> Outcome,
  // Mitigant -OVERRIDES-> Rule, Rule -DERIVED_FROM-> Source (empty names skipped; the Rule
  // carries name, action, product_type).
  void replace_derived(const std::vector<RuleFacts>& rules);

 private:
  store::Store& store_;
  std::mutex write_;  // one write at a time (the JSON import stages its items in a table)
};

}  // namespace axis::plugins::memory::graph
