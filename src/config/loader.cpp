#include "config/loader.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "config/env.h"
#include "config/sections.h"

extern char** environ;

namespace axis::config {

namespace fs = std::filesystem;

namespace detail {

std::unique_ptr<YamlFile> open_config(LoadContext& lc, const std::string& name) {
  const std::string path = (fs::path(lc.config_dir) / name).string();
  auto root = load_yaml_file(path);
  if (!root) return nullptr;
  auto file = std::make_unique<YamlFile>();
  file->ctx = YamlContext{path, &lc.env, &lc.warnings};
  file->root = *root;
  lc.files_read.push_back(path);
  return file;
}

long long clamp_value(long long value, long long lo, long long hi, const std::string& what,
                      std::vector<std::string>& warnings) {
  const long long clamped = std::clamp(value, lo, hi);
  if (clamped != value) {
    warnings.push_back(what + ": " + std::to_string(value) + " is out of range " +
                       std::to_string(lo) + ".." + std::to_string(hi) + ", using " +
                       std::to_string(clamped));
  }
  return clamped;
}

int clamp_int(long long value, int lo, int hi, const std::string& what,
              std::vector<std::string>& warnings) {
  return static_cast<int>(clamp_value(value, lo, hi, what, warnings));
}

std::string absolute_path(const std::string& path, const std::string& base) {
  fs::path p(path);
  if (p.is_relative()) p = fs::path(base) / p;
  std::string out = p.lexically_normal().string();
  while (out.size() > 1 && out.back() == '/') out.pop_back();
  return out;
}

void check_plugin_files(LoadContext& lc) {
  for (const char* name : {"memory.yaml", "signals_metrics.yaml"}) {
    const auto file = open_config(lc, name);
    if (!file) continue;
    const YamlNode top = file->top();
    top.require_map_or_absent();
  }
}

}  // namespace detail

LoadOptions options_from_process(const std::string& dotenv_path) {
  LoadOptions options;
  options.dotenv_path = dotenv_path;
  for (char** e = environ; e && *e; ++e) {
    const std::string entry(*e);
    const std::size_t eq = entry.find('=');
    if (eq == std::string::npos || eq == 0) continue;
    options.env.emplace(entry.substr(0, eq), entry.substr(eq + 1));
  }
  return options;
}

Settings load_settings(const LoadOptions& options) {
  const std::string cwd = options.cwd.empty() ? fs::current_path().string() : options.cwd;

  std::vector<detail::DotenvEntry> dotenv;
  std::string dotenv_path;
  if (!options.dotenv_path.empty()) {
    dotenv_path = detail::absolute_path(options.dotenv_path, cwd);
    std::error_code ec;
    if (fs::is_regular_file(dotenv_path, ec)) {
      std::ifstream in(dotenv_path, std::ios::binary);
      if (!in) throw ConfigError(dotenv_path + ": cannot be read");
      std::ostringstream text;
      text << in.rdbuf();
      dotenv = detail::parse_dotenv(text.str(), dotenv_path);
    }
  }
  const detail::Env env(options.env, dotenv, dotenv_path);

  Settings s;
  detail::LoadContext lc{env, cwd, "", s.warnings, s.files_read};
  detail::load_server(options, lc, s.server);
  lc.config_dir = (fs::path(s.server.custom_dir) / "config").string();
  s.config_dir = lc.config_dir;

  detail::load_store(lc, s.server, s.store);
  detail::load_sources(lc, s);
  detail::load_theme(lc, s.theme);
  detail::load_agents(lc, s.agents);
  detail::load_agent_replay_defaults(lc, s.agent_replay);
  detail::load_services(lc, s.ai, s.graph_db, s.langfuse);
  detail::check_plugin_files(lc);

  // The same unset variable may be referenced many times: report each message once.
  std::set<std::string> seen;
  std::vector<std::string> unique;
  for (auto& w : s.warnings) {
    if (seen.insert(w).second) unique.push_back(std::move(w));
  }
  s.warnings = std::move(unique);
  return s;
}

std::string config_file_path(const Settings& settings, const std::string& file) {
  return (fs::path(settings.config_dir) / file).string();
}

}  // namespace axis::config
