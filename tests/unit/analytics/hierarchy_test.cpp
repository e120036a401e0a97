#include <gtest/gtest.h>

#include "analytics/hierarchy.h"

namespace axis::analytics {
namespace {

MetricAggregate metric(std::string name, std::optional<std::string> parent,
                       std::optional<double> weight, std::string type, double mean) {
  MetricAggregate m;
  m.name = std::move(name);
  m.parent = std::move(parent);
  m.weight = weight;
  m.metric_type = std::move(type);
  m.mean = mean;
  return m;
}

const HierarchyNode& node(const Hierarchy& h, const std::string& name) {
  for (const auto& n : h.nodes) {
    if (n.metric.name == name) return n;
  }
  throw std::runtime_error("no node " + name);
}

TEST(Hierarchy, NodeTypesComeFromMetricTypeSubstrings) {
  EXPECT_EQ(node_type("category"), "category");
  EXPECT_EQ(node_type("Root"), "category");
  EXPECT_EQ(node_type("sub-component"), "sub-component");
  EXPECT_EQ(node_type("SUB_COMPONENT"), "sub-component");
  EXPECT_EQ(node_type("component"), "component");
  EXPECT_EQ(node_type("metric"), "metric");
  EXPECT_EQ(node_type("leaf"), "metric");
  EXPECT_EQ(node_type(""), "metric");
  EXPECT_EQ(node_type("judge"), "metric");
}

TEST(Hierarchy, MissingOrZeroWeightsCountAsOne) {
  EXPECT_EQ(effective_weight(std::nullopt), 1.0);
  EXPECT_EQ(effective_weight(0.0), 1.0);
  EXPECT_EQ(effective_weight(0.25), 0.25);
}

// quality (root, category) ← accuracy 0.6 (component) ← faithfulness 0.8, relevance (0→1)
//                          ← style 0.4 (component)
Hierarchy sample() {
  return build_hierarchy({
      metric("faithfulness", "accuracy", 3.0, "metric", 0.9),
      metric("relevance", "accuracy", 0.0, "metric", 0.5),
      metric("accuracy", "quality", 0.6, "component", 0.7),
      metric("style", "quality", 0.4, "component", 0.3),
      metric("quality", std::nullopt, std::nullopt, "category", 0.55),
  });
}

TEST(Hierarchy, LevelsCountAncestorsPresent) {
  const Hierarchy h = sample();
  EXPECT_EQ(node(h, "quality").level, 1);
  EXPECT_EQ(node(h, "accuracy").level, 2);
  EXPECT_EQ(node(h, "style").level, 2);
  EXPECT_EQ(node(h, "faithfulness").level, 3);
}

TEST(Hierarchy, WeightsAreNormalisedAmongSiblings) {
  const Hierarchy h = sample();
  EXPECT_DOUBLE_EQ(node(h, "faithfulness").normalized_weight, 0.75);  // 3 / (3 + 1)
  EXPECT_DOUBLE_EQ(node(h, "relevance").normalized_weight, 0.25);
  EXPECT_DOUBLE_EQ(node(h, "accuracy").normalized_weight, 0.6);
  EXPECT_DOUBLE_EQ(node(h, "quality").normalized_weight, 1.0);
}

TEST(Hierarchy, NodesSortByWeightThenNameAndListChildren) {
  const Hierarchy h = sample();
  std::vector<std::string> order;
  for (const auto& n : h.nodes) order.push_back(n.metric.name);
  EXPECT_EQ(order, (std::vector<std::string>{"faithfulness", "quality", "relevance", "accuracy",
                                             "style"}));
  EXPECT_EQ(node(h, "quality").children, (std::vector<std::string>{"accuracy", "style"}));
  EXPECT_EQ(node(h, "accuracy").children, (std::vector<std::string>{"faithfulness", "relevance"}));
}

TEST(Hierarchy, OverallIsTheWeightedMeanOfTheRoots) {
  EXPECT_DOUBLE_EQ(sample().overall_score, 0.55);  // one root
  const Hierarchy flat = build_hierarchy({metric("a", std::nullopt, 3.0, "metric", 0.9),
                                          metric("b", "", std::nullopt, "metric", 0.5)});
  EXPECT_DOUBLE_EQ(flat.overall_score, (0.9 * 3 + 0.5 * 1) / 4);
  EXPECT_DOUBLE_EQ(build_hierarchy({}).overall_score, 0.0);
}

TEST(Hierarchy, AParentThatIsNotAMetricMakesARoot) {
  const Hierarchy h = build_hierarchy({metric("a", "missing", 1.0, "metric", 0.4),
                                       metric("b", std::nullopt, 1.0, "metric", 0.8)});
  EXPECT_EQ(node(h, "a").level, 1);
  EXPECT_FALSE(node(h, "a").parent.has_value());
  EXPECT_DOUBLE_EQ(h.overall_score, 0.6);
}

TEST(Hierarchy, CyclesEndTheLevelWalk) {
  const Hierarchy h = build_hierarchy({metric("a", "b", 1.0, "metric", 0.4),
                                       metric("b", "a", 1.0, "metric", 0.8)});
  EXPECT_EQ(node(h, "a").level, 2);
  EXPECT_EQ(node(h, "b").level, 2);
}

TEST(Hierarchy, TreeHasTheSingleRootAtTheTop) {
  const TreeNode root = build_tree(sample());
  EXPECT_EQ(root.name, "quality");
  ASSERT_EQ(root.children.size(), 2u);
  EXPECT_EQ(root.children[0].name, "accuracy");
  ASSERT_EQ(root.children[0].children.size(), 2u);
  EXPECT_EQ(root.children[0].children[0].name, "faithfulness");
  EXPECT_DOUBLE_EQ(root.children[0].children[0].normalized_weight, 0.75);
}

TEST(Hierarchy, SeveralRootsGetASyntheticOverall) {
  const TreeNode root = build_tree(build_hierarchy({
      metric("a", std::nullopt, 1.0, "metric", 0.2),
      metric("b", std::nullopt, 1.0, "metric", 0.6),
      metric("c", std::nullopt, 1.0, "metric", 0.7),
  }));
  EXPECT_EQ(root.name, "Overall");
  EXPECT_EQ(root.children.size(), 3u);
  EXPECT_DOUBLE_EQ(root.score, 0.5);
  EXPECT_DOUBLE_EQ(root.median, 0.6);
  EXPECT_DOUBLE_EQ(root.min, 0.2);
  EXPECT_DOUBLE_EQ(root.max, 0.7);
  EXPECT_DOUBLE_EQ(root.p25, 0.2);  // sorted[floor(0.25·3)] = sorted[0]
  EXPECT_DOUBLE_EQ(root.p75, 0.7);  // sorted[floor(0.75·3)] = sorted[2]
  EXPECT_EQ(root.count, 3);
}

}  // namespace
}  // namespace axis::analytics
