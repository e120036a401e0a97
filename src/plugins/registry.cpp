#include "plugins/registry.h"

#include <algorithm>
#include <exception>
#include <set>
#include <sstream>

#include <spdlog/spdlog.h>

#include "http/router.h"

namespace axis::plugins {

namespace {

struct EnabledSpec {
  bool all = false;
  std::set<std::string> names;
};

EnabledSpec parse_spec(const std::string& spec) {
  EnabledSpec out;
  std::stringstream ss(spec);
  for (std::string item; std::getline(ss, item, ',');) {
    item.erase(0, item.find_first_not_of(" \t"));
    item.erase(item.find_last_not_of(" \t") + 1);
    if (item == "*") out.all = true;
    else if (!item.empty()) out.names.insert(item);
  }
  return out;
}

const PluginDefinition* find_definition(const std::vector<const PluginDefinition*>& definitions,
                                        const std::string& name) {
  for (const PluginDefinition* d : definitions) {
    if (d->meta.name == name) return d;
  }
  return nullptr;
}

}  // namespace

std::vector<PluginStatus> plugin_statuses(const std::string& enabled_spec) {
  const EnabledSpec spec = parse_spec(enabled_spec);
  std::vector<PluginStatus> out;
  for (const PluginDefinition* d : compiled_plugins()) {
    out.push_back({d->meta, spec.all || spec.names.count(d->meta.name) > 0, {}});
  }
  std::sort(out.begin(), out.end(), [](const PluginStatus& a, const PluginStatus& b) {
    return a.meta.name < b.meta.name;
  });
  return out;
}

std::vector<std::unique_ptr<RunningPlugin>> start_plugins(
    std::vector<PluginStatus>& statuses, const PluginHost& host, http::Router& router,
    const std::vector<const PluginDefinition*>& definitions) {
  std::vector<std::unique_ptr<RunningPlugin>> running;
  for (PluginStatus& status : statuses) {
    if (!status.enabled) continue;
    const PluginDefinition* definition = find_definition(definitions, status.meta.name);
    try {
      if (definition == nullptr || definition->start == nullptr) {
        throw std::runtime_error("the plugin has no start function");
      }
      http::Router own;
      std::unique_ptr<RunningPlugin> plugin = definition->start(host, own);
      router.add_all(std::move(own));
      if (plugin) running.push_back(std::move(plugin));
      spdlog::info("plugin {} {} started", status.meta.name, status.meta.version);
    } catch (const std::exception& e) {
      status.error = std::string("register failed: ") + e.what();
      spdlog::error("plugin {}: {}", status.meta.name, status.error);
    }
  }
  return running;
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

std::map<std::string, std::string> merged_tags(const std::vector<PluginStatus>& statuses) {
  std::map<std::string, std::string> tags;
  for (const PluginStatus& s : statuses) {
    if (!s.enabled || !s.error.empty()) continue;
    for (const TagDoc& tag : s.meta.tags) tags.emplace(tag.name, tag.description);
  }
  return tags;
}

}  // namespace axis::plugins
