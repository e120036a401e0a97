#include <gtest/gtest.h>

#include "plugins/registry.h"

namespace axis::plugins {
namespace {

TEST(Plugins, StarEnablesEveryKnownPluginButUnbuiltOnesCarryAnError) {
  auto statuses = plugin_statuses("*");
  ASSERT_EQ(statuses.size(), known_plugins().size());
  EXPECT_EQ(statuses[0].meta.name, "agent_replay");
  EXPECT_EQ(statuses[1].meta.name, "memory");
  for (const auto& s : statuses) {
    if (s.meta.built) {
      EXPECT_TRUE(s.enabled);
    } else {
      EXPECT_FALSE(s.enabled);
      EXPECT_EQ(s.error, "not available in this server version");
    }
  }
}

TEST(Plugins, EmptyListDisablesAllWithoutErrors) {
  for (const auto& s : plugin_statuses("")) {
    EXPECT_FALSE(s.enabled);
    EXPECT_TRUE(s.error.empty());
  }
}

TEST(Plugins, CommaListIsTrimmedAndMatchesNames) {
  auto statuses = plugin_statuses(" memory , other");
  EXPECT_FALSE(statuses[0].enabled);  // agent_replay was not asked for
  EXPECT_TRUE(statuses[0].error.empty());
  EXPECT_EQ(statuses[1].meta.name, "memory");  // asked for, but not part of this build
  EXPECT_FALSE(statuses[1].enabled);
  EXPECT_EQ(statuses[1].error, "not available in this server version");
}

TEST(Plugins, MergedNavIsDedupedAndSortedByOrderThenName) {
  PluginMeta a{"a", "1", "", 1, {{"Zed", "/z", "Brain", "main", 10}, {"Dup", "/d", "X", "main", 5}}, {}, true};
  PluginMeta b{"b", "1", "", 1, {{"Alpha", "/a", "X", "tools", 10}, {"Dup2", "/d", "X", "main", 1}}, {}, true};
  std::vector<PluginStatus> statuses = {{a, true, ""}, {b, true, ""}, {b, false, ""}};
  auto nav = merged_nav(statuses);
  ASSERT_EQ(nav.size(), 3u);
  EXPECT_EQ(nav[0].href, "/d");
  EXPECT_EQ(nav[0].name, "Dup");
  EXPECT_EQ(nav[1].name, "Alpha");
  EXPECT_EQ(nav[2].name, "Zed");
}

}  // namespace
}  // namespace axis::plugins
