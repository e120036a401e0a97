#include "plugins/registry.h"

#include <algorithm>
#include <set>
#include <sstream>

namespace axis::plugins {

const std::vector<PluginMeta>& known_plugins() {
  static const std::vector<PluginMeta> plugins = {
      {"agent_replay", "0.1.0", "Review agent traces from Langfuse step by step and record verdicts.",
       1, {{"Agent Replay", "/agent-replay", "PlayCircle", "main", 45}}, {"agent-replay"}, false},
      {"memory", "0.1.0", "Decision-memory rule library and knowledge graph.",
       1, {{"Memory", "/memory", "Brain", "main", 50}}, {"memory", "graph"}, false},
  };
  return plugins;
}

std::vector<PluginStatus> plugin_statuses(const std::string& enabled_spec) {
  std::set<std::string> wanted;
  bool all = false;
  std::stringstream ss(enabled_spec);
  for (std::string item; std::getline(ss, item, ',');) {
    item.erase(0, item.find_first_not_of(" \t"));
    item.erase(item.find_last_not_of(" \t") + 1);
    if (item == "*") all = true;
    else if (!item.empty()) wanted.insert(item);
  }
  std::vector<PluginStatus> out;
  for (const PluginMeta& meta : known_plugins()) {
    PluginStatus status{meta, all || wanted.count(meta.name) > 0, {}};
    if (status.enabled && !meta.built) {
      status.enabled = false;
      status.error = "not available in this server version";
    }
    out.push_back(std::move(status));
  }
  return out;
}

std::vector<NavItem> merged_nav(const std::vector<PluginStatus>& statuses) {
  std::vector<NavItem> items;
  std::set<std::string> seen;
  for (const PluginStatus& s : statuses) {
    if (!s.enabled || !s.error.empty()) continue;
    for (const NavItem& item : s.meta.nav) {
      if (seen.insert(item.href).second) items.push_back(item);
    }
  }
  std::sort(items.begin(), items.end(), [](const NavItem& a, const NavItem& b) {
    return a.order != b.order ? a.order < b.order : a.name < b.name;
  });
  return items;
}

}  // namespace axis::plugins
