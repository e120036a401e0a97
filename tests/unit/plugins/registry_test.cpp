#include <gtest/gtest.h>

#include <stdexcept>

#include "config/settings.h"
#include "http/router.h"
#include "plugins/registry.h"

namespace axis::plugins {
namespace {

TEST(Plugins, TheBuildListsEveryPluginFolderByName) {
  const auto& compiled = compiled_plugins();
  ASSERT_EQ(compiled.size(), 2u);
  EXPECT_EQ(compiled[0]->meta.name, "agent_replay");
  EXPECT_EQ(compiled[1]->meta.name, "memory");
  EXPECT_EQ(compiled[1]->meta.nav.at(0).href, "/memory");
  EXPECT_NE(compiled[1]->start, nullptr);
}

TEST(Plugins, StarEnablesEveryPluginAndEmptyNone) {
  for (const auto& s : plugin_statuses("*")) {
    EXPECT_TRUE(s.enabled) << s.meta.name;
    EXPECT_TRUE(s.error.empty());
  }
  for (const auto& s : plugin_statuses("")) EXPECT_FALSE(s.enabled) << s.meta.name;
}

TEST(Plugins, CommaListIsTrimmedAndMatchesNames) {
  auto statuses = plugin_statuses(" memory , other");
  ASSERT_EQ(statuses.size(), 2u);
  EXPECT_EQ(statuses[0].meta.name, "agent_replay");
  EXPECT_FALSE(statuses[0].enabled);
  EXPECT_EQ(statuses[1].meta.name, "memory");
  EXPECT_TRUE(statuses[1].enabled);
}

// Test plugins: each adds one route; "broken" throws after adding its route, "clash" adds a
// route the server already has.
int g_stopped = 0;
struct CountingPlugin : RunningPlugin {
  ~CountingPlugin() override { ++g_stopped; }
};
http::Response ok_reply(const http::Request&) { return http::Response::json("{}"); }
std::unique_ptr<RunningPlugin> start_good(const PluginHost&, http::Router& router) {
  router.add("GET", "/api/good", ok_reply);
  return std::make_unique<CountingPlugin>();
}
std::unique_ptr<RunningPlugin> start_broken(const PluginHost&, http::Router& router) {
  router.add("GET", "/api/broken", ok_reply);
  throw std::runtime_error("no credentials");
}
std::unique_ptr<RunningPlugin> start_clash(const PluginHost&, http::Router& router) {
  router.add("GET", "/api/clash-own", ok_reply);
  router.add("GET", "/api/core", ok_reply);
  return std::make_unique<CountingPlugin>();
}

TEST(Plugins, AFailingStartKeepsItsRoutesOutAndRecordsTheError) {
  const PluginDefinition good{{"good", "0.1.0", "", 1, {{"Good", "/good", "Brain", "main", 1}},
                               {{"good", "Good things"}}}, start_good};
  const PluginDefinition broken{{"broken", "0.1.0", "", 1, {{"B", "/b", "X", "main", 1}},
                                 {{"broken", "x"}}}, start_broken};
  const PluginDefinition clash{{"clash", "0.1.0", "", 1, {}, {}}, start_clash};
  const PluginDefinition off{{"off", "0.1.0", "", 1, {}, {}}, start_good};
  std::vector<PluginStatus> statuses = {{broken.meta, true, ""}, {clash.meta, true, ""},
                                        {good.meta, true, ""}, {off.meta, false, ""}};
  http::Router router;
  router.add("GET", "/api/core", ok_reply);
  const config::Settings settings;
  g_stopped = 0;
  {
    auto running = start_plugins(statuses, {settings, nullptr, "/tmp"}, router,
                                 {&good, &broken, &clash, &off});
    ASSERT_EQ(running.size(), 1u);  // only "good"; "off" is not started
    EXPECT_EQ(statuses[0].error, "register failed: no credentials");
    EXPECT_EQ(statuses[1].error, "register failed: duplicate route GET /api/core");
    EXPECT_TRUE(statuses[2].error.empty());
    EXPECT_TRUE(statuses[3].error.empty());
    ASSERT_EQ(router.routes().size(), 2u);
    EXPECT_EQ(router.routes()[1].pattern, "/api/good");
    EXPECT_EQ(router.match("GET", "/api/broken").kind, http::RouteMatch::Kind::not_found);
    EXPECT_EQ(router.match("GET", "/api/clash-own").kind, http::RouteMatch::Kind::not_found);
    // Only running plugins contribute navigation and tags.
    const auto nav = merged_nav(statuses);
    ASSERT_EQ(nav.size(), 1u);
    EXPECT_EQ(nav[0].href, "/good");
    const auto tags = merged_tags(statuses);
    ASSERT_EQ(tags.size(), 1u);
    EXPECT_EQ(tags.at("good"), "Good things");
    EXPECT_EQ(g_stopped, 1);  // the clash plugin's instance was dropped
  }
  EXPECT_EQ(g_stopped, 2);
}

TEST(Plugins, MergedNavIsDedupedAndSortedByOrderThenName) {
  PluginMeta a{"a", "1", "", 1, {{"Zed", "/z", "Brain", "main", 10}, {"Dup", "/d", "X", "main", 5}}, {}};
  PluginMeta b{"b", "1", "", 1, {{"Alpha", "/a", "X", "tools", 10}, {"Dup2", "/d", "X", "main", 1}}, {}};
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
