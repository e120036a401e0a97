// The plugin registry: the plugins compiled into this server, which of them AXIS_PLUGINS_ENABLED
// turns on ("*" = all, a comma list of names, "" = none), starting them, and their navigation and
// tags merged for the web UI and /openapi.json.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "plugins/plugin.h"

namespace axis::plugins {

struct PluginStatus {
  PluginMeta meta;
  bool enabled = false;
  std::string error;  // why an enabled plugin is not running; empty when it runs or is off
};

// Every compiled-in plugin, by name (the table the build generates from src/plugins/*/).
const std::vector<const PluginDefinition*>& compiled_plugins();

// Each compiled plugin with its enabled state under `enabled_spec`, alphabetical.
std::vector<PluginStatus> plugin_statuses(const std::string& enabled_spec);

// Starts each enabled plugin of `statuses` in order: its routes are added to `router` only when
// its start succeeds; a failure is logged and recorded in that plugin's status ("register
// failed: <reason>"), which then counts as disabled. Returns the running plugins, to be kept
// until shutdown. `definitions` defaults to the compiled plugins (tests pass their own).
std::vector<std::unique_ptr<RunningPlugin>> start_plugins(
    std::vector<PluginStatus>& statuses, const PluginHost& host, http::Router& router,
    const std::vector<const PluginDefinition*>& definitions = compiled_plugins());

// Nav items of running plugins, deduplicated by href, sorted by (order, name).
std::vector<NavItem> merged_nav(const std::vector<PluginStatus>& statuses);

// OpenAPI tag descriptions of running plugins, by tag name (the first plugin naming a tag wins).
std::map<std::string, std::string> merged_tags(const std::vector<PluginStatus>& statuses);

}  // namespace axis::plugins
