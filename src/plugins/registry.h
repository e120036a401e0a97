// The plugin registry: the plugins this server knows, and which of them are enabled by
// AXIS_PLUGINS_ENABLED ("*" = all, a comma list of names, "" = none).
#pragma once

#include <string>
#include <vector>

namespace axis::plugins {

struct NavItem {
  std::string name, href, icon, section;  // icon: a lucide icon name; section: main|tools
  int order = 50;
};

struct PluginMeta {
  std::string name, version, description;
  int api_version = 1;
  std::vector<NavItem> nav;
  std::vector<std::string> tags;
  bool built = false;  // false: known but not part of this server build yet
};

struct PluginStatus {
  PluginMeta meta;
  bool enabled = false;
  std::string error;  // why an enabled plugin is not running; empty when it runs or is off
};

// Every known plugin, alphabetical.
const std::vector<PluginMeta>& known_plugins();

// Each known plugin with its enabled state under `enabled_spec`. A plugin that is enabled but
// not built carries an error and counts as disabled.
std::vector<PluginStatus> plugin_statuses(const std::string& enabled_spec);

// Nav items of running plugins, deduplicated by href, sorted by (order, name).
std::vector<NavItem> merged_nav(const std::vector<PluginStatus>& statuses);

}  // namespace axis::plugins
