// The metric hierarchy of a tree-format evaluation (spec/data.md §2.2): levels, node types,
// weights normalised among siblings, children, the weighted overall score and the nested tree.
// Input is one aggregate per metric_name, computed in SQL; this is only the walk. Pure and
// thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace axis::analytics {

// One metric_name's scores, aggregated by SQL, plus its first row's parent, weight and type.
struct MetricAggregate {
  std::string name;
  std::optional<std::string> parent;  // as stored; empty or null means a root
  std::optional<double> weight;       // as stored; null, 0 or non-finite count as 1
  std::string metric_type;
  double mean = 0, min = 0, max = 0;
  double std = 0;                     // sample (n−1); 0 when n = 1
  std::int64_t count = 0;
  std::array<std::int64_t, 5> histogram{};  // bins of min(floor(s·5), 4)
  // Only the tree uses these.
  double median = 0, p25 = 0, p75 = 0;
  double population_std = 0;
  std::optional<std::string> explanation;
};

struct HierarchyNode {
  MetricAggregate metric;
  std::optional<std::string> parent;  // the stored parent when it names a metric present, else null
  int level = 1;                      // 1 + the number of ancestors present
  std::string type;                   // category | component | sub-component | metric
  double weight = 1;                  // effective weight
  double normalized_weight = 0;       // weight / Σ weights of the siblings (same parent)
  std::vector<std::string> children;  // in node order
};

struct Hierarchy {
  std::vector<HierarchyNode> nodes;  // weight descending, then name
  double overall_score = 0;          // Σ(mean·weight) / Σ weight over the roots
};

struct TreeNode {
  std::string name;
  std::string type;
  double weight = 1, normalized_weight = 1;
  double score = 0, median = 0, min = 0, max = 0, p25 = 0, p75 = 0, std = 0;
  std::int64_t count = 0;
  std::optional<std::string> explanation;
  std::vector<TreeNode> children;
};

// Node type from metric_type substrings: category/root → category, sub-component →
// sub-component, component → component, anything else (metric, leaf, unknown) → metric.
std::string node_type(const std::string& metric_type);

// A stored weight made effective: null, 0 or non-finite → 1.
double effective_weight(const std::optional<double>& weight);

// Builds the scorecard hierarchy. A metric whose parent is empty, itself, or not a metric in
// `metrics` is a root.
Hierarchy build_hierarchy(std::vector<MetricAggregate> metrics);

// The nested tree of a hierarchy: the single root, or a synthetic "Overall" whose score and
// spread are those of the root scores when there are several roots (or none).
TreeNode build_tree(const Hierarchy& hierarchy);

}  // namespace axis::analytics
