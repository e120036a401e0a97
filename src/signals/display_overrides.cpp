#include "signals/display_overrides.h"

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <filesystem>

#include "config/env.h"
#include "config/loader.h"
#include "config/yaml_node.h"

namespace axis::signals {
namespace {

using Json = nlohmann::ordered_json;
constexpr const char* kFile = "signals_metrics.yaml";

// The file's overrides as JSON; null when there is no file.
Json read_overrides(const std::string& path) {
  const auto root = config::detail::load_yaml_file(path);
  if (!root) return nullptr;
  const config::detail::Env env(config::options_from_process("").env, {}, "");
  std::vector<std::string> unset;
  const config::detail::YamlContext context{kFile, &env, &unset};
  const auto top = config::detail::section(&context, *root, "signals_metrics");
  if (!top.present()) return Json::object();
  // YamlNode speaks nlohmann::json (sorted keys); the override lists keep their order.
  return Json::parse(top.to_json().dump());
}

}  // namespace

void apply_display_overrides(nlohmann::ordered_json& display_config, const std::string& config_dir,
                             std::vector<std::string>& warnings) {
  const std::string path = (std::filesystem::path(config_dir) / kFile).string();
  Json overrides;
  try {
    overrides = read_overrides(path);
  } catch (const std::exception& e) {
    warnings.push_back(std::string(kFile) + " ignored: " + e.what());
    spdlog::warn("{} ignored: {}", kFile, e.what());
    return;
  }
  if (!overrides.is_object()) return;
  for (const char* key : {"kpi_strip", "chart_sections", "filters", "table_columns"}) {
    auto it = overrides.find(key);
    if (it == overrides.end() || it->is_null()) continue;
    if (!it->is_array()) {
      warnings.push_back(std::string(kFile) + ": " + key + " is not a list, kept the generated one");
      continue;
    }
    display_config[key] = *it;
  }
  auto colours = overrides.find("color_maps");
  if (colours == overrides.end() || colours->is_null()) return;
  if (!colours->is_object()) {
    warnings.push_back(std::string(kFile) + ": color_maps is not a map, kept the generated one");
    return;
  }
  for (const auto& [key, map] : colours->items()) display_config["color_maps"][key] = map;
}

}  // namespace axis::signals
