#include "analytics/hierarchy.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "analytics/stats.h"

namespace axis::analytics {
namespace {

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool contains(const std::string& text, const char* part) {
  return text.find(part) != std::string::npos;
}

TreeNode tree_node(const HierarchyNode& node) {
  TreeNode t;
  t.name = node.metric.name;
  t.type = node.type;
  t.weight = node.weight;
  t.normalized_weight = node.normalized_weight;
  t.score = node.metric.mean;
  t.median = node.metric.median;
  t.min = node.metric.min;
  t.max = node.metric.max;
  t.p25 = node.metric.p25;
  t.p75 = node.metric.p75;
  t.std = node.metric.population_std;
  t.count = node.metric.count;
  t.explanation = node.metric.explanation;
  return t;
}

TreeNode subtree(const HierarchyNode& node,
                 const std::map<std::string, const HierarchyNode*>& by_name,
                 std::set<std::string>& visited) {
  TreeNode t = tree_node(node);
  visited.insert(node.metric.name);
  for (const std::string& child : node.children) {
    if (visited.count(child)) continue;
    t.children.push_back(subtree(*by_name.at(child), by_name, visited));
  }
  return t;
}

}  // namespace

std::string node_type(const std::string& metric_type) {
  const std::string t = lower(metric_type);
  if (contains(t, "category") || contains(t, "root")) return "category";
  if (contains(t, "sub-component") || contains(t, "sub_component") || contains(t, "subcomponent")) {
    return "sub-component";
  }
  if (contains(t, "component")) return "component";
  return "metric";
}

double effective_weight(const std::optional<double>& weight) {
  if (!weight || !std::isfinite(*weight) || *weight == 0) return 1.0;
  return *weight;
}

Hierarchy build_hierarchy(std::vector<MetricAggregate> metrics) {
  std::set<std::string> names;
  for (const MetricAggregate& m : metrics) names.insert(m.name);

  Hierarchy h;
  for (MetricAggregate& m : metrics) {
    HierarchyNode node;
    if (m.parent && !m.parent->empty() && *m.parent != m.name && names.count(*m.parent)) {
      node.parent = m.parent;
    }
    node.type = node_type(m.metric_type);
    node.weight = effective_weight(m.weight);
    node.metric = std::move(m);
    h.nodes.push_back(std::move(node));
  }
  std::sort(h.nodes.begin(), h.nodes.end(), [](const HierarchyNode& a, const HierarchyNode& b) {
    if (a.weight != b.weight) return a.weight > b.weight;
    return a.metric.name < b.metric.name;
  });

  std::map<std::string, const HierarchyNode*> by_name;
  std::map<std::string, double> sibling_weight;  // keyed by parent; "" for the roots
  for (const HierarchyNode& n : h.nodes) {
    by_name[n.metric.name] = &n;
    sibling_weight[n.parent.value_or("")] += n.weight;
  }
  double weighted = 0, total_weight = 0;
  for (HierarchyNode& n : h.nodes) {
    const double siblings = sibling_weight[n.parent.value_or("")];
    n.normalized_weight = siblings != 0 ? n.weight / siblings : 0.0;
    std::set<std::string> seen{n.metric.name};
    for (auto p = n.parent; p && !seen.count(*p); p = by_name.at(*p)->parent) {
      seen.insert(*p);
      ++n.level;
    }
    if (!n.parent) {
      weighted += n.metric.mean * n.weight;
      total_weight += n.weight;
    }
  }
  std::map<std::string, HierarchyNode*> parents;
  for (HierarchyNode& n : h.nodes) parents[n.metric.name] = &n;
  for (const HierarchyNode& child : h.nodes) {
    if (child.parent) parents.at(*child.parent)->children.push_back(child.metric.name);
  }
  h.overall_score = total_weight != 0 ? weighted / total_weight : 0.0;
  if (!std::isfinite(h.overall_score)) h.overall_score = 0.0;
  return h;
}

TreeNode build_tree(const Hierarchy& hierarchy) {
  std::map<std::string, const HierarchyNode*> by_name;
  std::vector<const HierarchyNode*> roots;
  for (const HierarchyNode& n : hierarchy.nodes) {
    by_name[n.metric.name] = &n;
    if (!n.parent) roots.push_back(&n);
  }
  std::set<std::string> visited;
  if (roots.size() == 1) return subtree(*roots.front(), by_name, visited);

  TreeNode overall;
  overall.name = "Overall";
  overall.type = "category";
  std::vector<double> scores;
  for (const HierarchyNode* root : roots) {
    overall.children.push_back(subtree(*root, by_name, visited));
    scores.push_back(root->metric.mean);
  }
  std::sort(scores.begin(), scores.end());
  overall.score = stats::mean(scores);
  overall.median = stats::quantile_linear(scores, 0.5);
  overall.p25 = stats::quantile_at_rank(scores, 0.25);
  overall.p75 = stats::quantile_at_rank(scores, 0.75);
  overall.std = stats::population_std(scores);
  overall.min = scores.empty() ? 0.0 : scores.front();
  overall.max = scores.empty() ? 0.0 : scores.back();
  overall.count = static_cast<std::int64_t>(scores.size());
  return overall;
}

}  // namespace axis::analytics
