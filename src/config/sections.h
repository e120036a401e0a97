// Internal to src/config: the loader's steps, one per part of Settings. Each reads the merged
// environment and, where it has one, its YAML file, and throws ConfigError on bad input.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "config/settings.h"
#include "config/yaml_node.h"

namespace axis::config {
struct LoadOptions;
}

namespace axis::config::detail {

class Env;

// State shared by the steps of one load.
struct LoadContext {
  const Env& env;
  std::string cwd;         // base for relative paths
  std::string config_dir;  // <custom>/config
  std::vector<std::string>& warnings;
  std::vector<std::string>& files_read;
};

// One parsed YAML file; the context outlives every node taken from it.
struct YamlFile {
  YamlContext ctx;
  YAML::Node root;
  YamlNode top() const { return YamlNode(&ctx, root, ""); }
};

// <config_dir>/<name> parsed, or nullptr when the file does not exist.
std::unique_ptr<YamlFile> open_config(LoadContext& lc, const std::string& name);

// `value` limited to [lo, hi]; a warning naming `what` when it had to be changed.
long long clamp_value(long long value, long long lo, long long hi, const std::string& what,
                      std::vector<std::string>& warnings);
int clamp_int(long long value, int lo, int hi, const std::string& what,
              std::vector<std::string>& warnings);

// `path` made absolute against `base` and lexically normalised.
std::string absolute_path(const std::string& path, const std::string& base);
// The trimmed, non-empty items of a comma-separated setting.
std::vector<std::string> split_list(const std::string& text);

void load_server(const LoadOptions& options, LoadContext& lc, ServerSettings& out);
void load_store(LoadContext& lc, const ServerSettings& server, StoreSettings& out);
void load_sources(LoadContext& lc, Settings& out);
void load_theme(LoadContext& lc, ThemeSettings& out);
void load_agents(LoadContext& lc, std::vector<AgentEntry>& out);
void load_agent_replay_defaults(LoadContext& lc, AgentReplayDefaults& out);
void load_services(LoadContext& lc, AiSettings& ai, GraphDbSettings& graph,
                   LangfuseSettings& langfuse);
// Files read by other modules (memory.yaml, signals_metrics.yaml): a syntax error stops
// start-up here rather than on first use.
void check_plugin_files(LoadContext& lc);

// Source-specific extras as JSON text (source_extras.cpp). `node` may be absent.
std::string monitoring_extras(const YamlNode& node);
std::string kpi_extras(const YamlNode& node);
std::string agent_replay_extras(const YamlNode& node);
std::string agent_replay_extras_from_env(const Env& env, std::vector<std::string>& warnings);

}  // namespace axis::config::detail
