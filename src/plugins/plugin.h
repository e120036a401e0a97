// What a plugin is: its metadata (name, navigation, OpenAPI tags) and a start function that
// builds its services and adds its routes. A plugin lives in its own folder,
// src/plugins/<name>/, whose plugin.cpp defines axis::plugins::<name>::definition(); the build
// lists every such folder in the plugin table (CMakeLists.txt), so adding the folder is all it
// takes to register one.
#pragma once

#include <memory>
#include <string>
#include <vector>

namespace axis::config { struct Settings; }
namespace axis::http { class Router; }
namespace axis::store { class Store; }

namespace axis::plugins {

struct NavItem {
  std::string name, href, icon, section;  // icon: a lucide icon name; section: main|tools
  int order = 50;
};

struct TagDoc {
  std::string name, description;  // an OpenAPI tag of the plugin's routes
};

struct PluginMeta {
  std::string name, version = "0.1.0", description;
  int api_version = 1;
  std::vector<NavItem> nav;
  std::vector<TagDoc> tags;
};

// What a starting plugin may use. Everything outlives the plugin.
struct PluginHost {
  const config::Settings& settings;
  store::Store* store = nullptr;  // null when the store is disabled (duckdb.yaml enabled: false)
  std::string spool_dir;          // folder for request bodies and uploads in flight
  std::string examples_dir;       // the bundled example files (data/examples)
};

// A started plugin: owns the services its routes use. The application keeps it until shutdown
// and destroys it before the store; the destructor must stop whatever the plugin runs.
class RunningPlugin {
 public:
  virtual ~RunningPlugin() = default;
};

struct PluginDefinition {
  PluginMeta meta;
  // Builds the plugin's services and adds its routes to `router` (a table of its own, merged
  // into the server's only when start returns). Called once, at start-up, on the main thread.
  // Throws on failure: the server still starts, without the plugin's routes, and
  // /api/config/plugins shows the error.
  std::unique_ptr<RunningPlugin> (*start)(const PluginHost& host, http::Router& router) = nullptr;
};

}  // namespace axis::plugins
