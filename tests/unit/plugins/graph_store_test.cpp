#include <gtest/gtest.h>

#include "plugins/memory/graph/embedded_graph_store.h"
#include "config/settings.h"
#include "plugins/memory/graph/graph_service.h"
#include "plugins/memory/graph/graph_writer.h"
#include "store/store.h"
#include "util/http_error.h"

namespace axis::plugins::memory::graph {
namespace {

// A small graph: r1 -TRIGGERS-> x -RESULTS_IN-> o <-RESULTS_IN- y <-TRIGGERS- r2,
// m -OVERRIDES-> x, y -DERIVED_FROM-> s, and an isolated source "lonely".
class GraphStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    writer_.import_items(
        {{"RiskFactor", "R1", {}}, {"Rule", "X", {{"action", "decline"}, {"product_type", "auto"}}},
         {"Outcome", "O", {}}, {"Mitigant", "M", {}},
         {"Rule", "Y", {{"action", "refer"}}}, {"RiskFactor", "R2", {}}, {"Source", "S", {}},
         {"Source", "Lonely", {}}, {"Rule", "x", {{"action", "ignored duplicate"}}}},
        {{"RiskFactor:r1", "Rule:x", "TRIGGERS", ""}, {"Rule:x", "Outcome:o", "RESULTS_IN", "leads"},
         {"Mitigant:m", "Rule:x", "OVERRIDES", ""}, {"Rule:y", "Outcome:o", "RESULTS_IN", ""},
         {"RiskFactor:r2", "Rule:y", "TRIGGERS", ""}, {"Rule:y", "Source:s", "DERIVED_FROM", ""},
         {"RiskFactor:r1", "Rule:x", "TRIGGERS", "duplicate"}});
  }
  std::vector<std::string> edge_keys(const std::vector<GraphEdge>& edges) {
    std::vector<std::string> out;
    for (const auto& e : edges) out.push_back(e.source + "->" + e.target);
    return out;
  }
  std::vector<std::string> node_ids(const std::vector<GraphNode>& nodes) {
    std::vector<std::string> out;
    for (const auto& n : nodes) out.push_back(n.id);
    return out;
  }
  store::Store db_{store::StoreOptions{":memory:"}};
  GraphWriter writer_{db_};
  EmbeddedGraphStore graph_{db_};
};

TEST_F(GraphStoreTest, NeighborhoodDepthCountsHopsToTheEdgesIncidentNodes) {
  const auto d1 = graph_.neighborhood("RiskFactor:r1", 1);
  EXPECT_EQ(edge_keys(d1.edges), (std::vector<std::string>{"RiskFactor:r1->Rule:x"}));
  EXPECT_EQ(node_ids(d1.nodes), (std::vector<std::string>{"RiskFactor:r1", "Rule:x"}));
  const auto d2 = graph_.neighborhood("RiskFactor:r1", 2);
  EXPECT_EQ(edge_keys(d2.edges), (std::vector<std::string>{
      "RiskFactor:r1->Rule:x", "Rule:x->Outcome:o", "Mitigant:m->Rule:x"}));
  const auto d3 = graph_.neighborhood("RiskFactor:r1", 3);
  EXPECT_EQ(edge_keys(d3.edges), (std::vector<std::string>{
      "RiskFactor:r1->Rule:x", "Rule:x->Outcome:o", "Mitigant:m->Rule:x", "Rule:y->Outcome:o"}));
  EXPECT_EQ(node_ids(d3.nodes), (std::vector<std::string>{
      "RiskFactor:r1", "Rule:x", "Outcome:o", "Mitigant:m", "Rule:y"}));
  EXPECT_EQ(d3.focal.id, "RiskFactor:r1");
}

TEST_F(GraphStoreTest, NeighborhoodRefusesBadIds) {
  EXPECT_THROW(graph_.neighborhood("no-colon", 1), GraphRequestError);
  try {
    graph_.neighborhood("Rule:nope", 1);
    FAIL();
  } catch (const GraphRequestError& e) {
    EXPECT_STREQ(e.what(), "Node not found: Rule:nope");
  }
}

TEST_F(GraphStoreTest, DedupKeepsTheFirstNodeAndEdge) {
  const auto s = graph_.summary();
  EXPECT_EQ(s.total_nodes, 8);  // "x" duplicates "X" (same id)
  EXPECT_EQ(s.total_edges, 6);
  EXPECT_EQ(s.rules_by_action, (Counts{{"decline", 1}, {"refer", 1}}));
  EXPECT_EQ(s.rules_by_product, (Counts{{"auto", 1}}));
  const auto all = graph_.graph({});
  EXPECT_EQ(all.edges.size(), 6u);
  EXPECT_EQ(all.edges[0].label, "");  // the first TRIGGERS edge, not the duplicate's label
  EXPECT_EQ(all.nodes.size(), 7u);    // "Lonely" is isolated
}

TEST_F(GraphStoreTest, SearchOrdersByDegree) {
  const auto hits = graph_.search("r", 20);  // names containing r: R1, R2
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_EQ(hits[0].node_id, "RiskFactor:r1");
  EXPECT_EQ(hits[0].connected_nodes, 1);
  const auto x = graph_.search("x", 20);
  ASSERT_EQ(x.size(), 1u);
  EXPECT_EQ(x[0].connected_nodes, 3);
  EXPECT_EQ(x[0].snippet, "action: decline; product_type: auto");
}

TEST_F(GraphStoreTest, RefusedImportChangesNothing) {
  EXPECT_THROW(writer_.import_items({{"Planet", "Mars", {}}}, {}), util::HttpError);
  EXPECT_THROW(writer_.import_items({{"Rule", "A", {}}}, {{"Rule:a", "Rule:b", "TRIGGERS", ""}}),
               util::HttpError);
  EXPECT_THROW(writer_.import_items({{"Rule", "A", {}}}, {{"Rule:a", "Rule:a", "LIKES", ""}}),
               util::HttpError);
  EXPECT_EQ(graph_.summary().total_nodes, 8);
}

TEST_F(GraphStoreTest, DerivedRulesJoinTheImportedGraph) {
  config::GraphDbSettings embedded;
  embedded.host = "";  // GRAPH_DB_HOST unset
  GraphService service(embedded, &db_);
  GraphStore& graph = service.reader();
  EXPECT_EQ(graph.summary().total_nodes, 8);  // cached until the service writes
  service.replace_derived({{"X", "decline", "auto", "R1", "Loan declined", "Guide 4.2", {"Collateral"}},
                           {"New rule", "refer", "", "R3", "", "", {}}});
  const auto s = graph.summary();
  // Rule:x, RiskFactor:r1 exist already; new: Outcome:loan_declined, Source:guide_4_2,
  // Mitigant:collateral, Rule:new_rule, RiskFactor:r3.
  EXPECT_EQ(s.total_nodes, 13);
  // New edges: x->loan_declined, collateral->x, x->guide_4_2, r3->new_rule (r1->x exists).
  EXPECT_EQ(s.total_edges, 10);
  const auto hits = graph.search("x", 20);
  EXPECT_EQ(hits[0].connected_nodes, 6);
  service.replace_derived({});
  EXPECT_EQ(graph.summary().total_nodes, 8);
  EXPECT_EQ(graph.search("x", 20)[0].connected_nodes, 3);
}

}  // namespace
}  // namespace axis::plugins::memory::graph
