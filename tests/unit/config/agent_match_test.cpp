#include "config/agent_match.h"

#include <gtest/gtest.h>

namespace axis::config {
namespace {

std::vector<AgentEntry> registry() {
  AgentEntry atlas;
  atlas.name = "atlas";
  atlas.trace_names = {"atlas-prod", "", "atlas", "atlas-canary"};
  AgentEntry beacon;
  beacon.name = "beacon";
  AgentEntry shadow;  // claims a trace name atlas already has: atlas, listed first, wins
  shadow.name = "shadow";
  shadow.trace_names = {"atlas-prod"};
  return {atlas, beacon, shadow};
}

TEST(AgentMatch, a_value_belongs_to_the_first_agent_naming_it) {
  const auto agents = registry();
  EXPECT_EQ(agent_for_source(agents, "atlas"), &agents[0]);
  EXPECT_EQ(agent_for_source(agents, "atlas-prod"), &agents[0]);
  EXPECT_EQ(agent_for_source(agents, "beacon"), &agents[1]);
  EXPECT_EQ(agent_for_source(agents, "shadow"), &agents[2]);
  EXPECT_EQ(agent_for_source(agents, "Atlas"), nullptr);  // exact, as stored
  EXPECT_EQ(agent_for_source(agents, ""), nullptr);
  EXPECT_EQ(agent_for_source({}, "atlas"), nullptr);
}

TEST(AgentMatch, a_filter_resolves_to_the_agent_name_and_its_values) {
  const auto agents = registry();
  const SourceFilter by_alias = resolve_source_filter(agents, "atlas-canary");
  EXPECT_EQ(by_alias.name, "atlas");
  EXPECT_EQ(by_alias.values, (std::vector<std::string>{"atlas", "atlas-prod", "atlas-canary"}));
  const SourceFilter raw = resolve_source_filter(agents, "zeta");
  EXPECT_EQ(raw.name, "zeta");
  EXPECT_EQ(raw.values, std::vector<std::string>{"zeta"});
}

TEST(AgentMatch, an_optional_source_name_is_resolved_in_place) {
  const auto agents = registry();
  std::optional<std::string> unset;
  EXPECT_TRUE(resolve_source_name(agents, unset).empty());
  EXPECT_FALSE(unset.has_value());
  std::optional<std::string> alias = "atlas-prod";
  EXPECT_EQ(resolve_source_name(agents, alias).size(), 3u);
  EXPECT_EQ(alias, "atlas");
}

}  // namespace
}  // namespace axis::config
