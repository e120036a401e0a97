#include "plugins/memory/memory_config.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <set>

#include "config/env.h"
#include "config/loader.h"
#include "config/yaml_node.h"
#include "util/digest.h"
#include "util/python_json.h"
#include "util/title_case.h"

namespace axis::plugins::memory {
namespace {

using ConfigJson = nlohmann::json;
constexpr const char* kFile = "memory.yaml";

// A YAML value as Python's str() shows it (the reference stringifies what it reads).
std::string py_str(const ConfigJson& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_null()) return "None";
  if (value.is_boolean()) return value.get<bool>() ? "True" : "False";
  return value.dump();
}

// Python truthiness of a YAML value.
bool truthy(const ConfigJson& value) {
  if (value.is_null()) return false;
  if (value.is_boolean()) return value.get<bool>();
  if (value.is_number()) return value.get<double>() != 0.0;
  if (value.is_string()) return !value.get_ref<const std::string&>().empty();
  if (value.is_array() || value.is_object()) return !value.empty();
  return true;
}

void warn(const std::string& message) { spdlog::warn("{}: {}", kFile, message); }

// A list of truthy items as strings; nullopt (with a warning) when present but not a list.
std::optional<std::vector<std::string>> string_list(const ConfigJson& memory, const char* key) {
  const auto it = memory.find(key);
  if (it == memory.end() || it->is_null()) return std::nullopt;
  if (!it->is_array()) {
    warn(std::string(key) + " is not a list; the default is kept");
    return std::nullopt;
  }
  std::vector<std::string> out;
  for (const auto& item : *it)
    if (truthy(item)) out.push_back(py_str(item));
  return out;
}

std::optional<std::map<std::string, std::string>> string_map(const ConfigJson& memory, const char* key) {
  const auto it = memory.find(key);
  if (it == memory.end() || it->is_null()) return std::nullopt;
  if (!it->is_object()) {
    warn(std::string(key) + " is not a map; the default is kept");
    return std::nullopt;
  }
  std::map<std::string, std::string> out;
  for (const auto& [k, v] : it->items()) out[k] = py_str(v);
  return out;
}

// The problems the reference only logs.
void log_problems(const MemoryConfig& c) {
  std::map<std::string, std::string> seen;
  for (const auto& [role, column] : c.field_roles) {
    if (auto it = seen.find(column); it != seen.end())
      warn("column '" + column + "' is mapped by both '" + it->second + "' and '" + role + "'");
    seen[column] = role;
  }
  const auto check_roles = [](const std::vector<std::string>& roles, const char* what) {
    for (const auto& role : roles)
      if (!is_role(role)) warn(std::string(what) + " '" + role + "' is not a valid role name");
  };
  check_roles(c.required_roles, "required_role");
  check_roles(c.list_fields, "list_field");
  check_roles(c.filter_roles, "filter_role");
  for (const char* key : {"aligned", "divergent", "partial"})
    if (!c.quality_values.count(key)) warn(std::string("quality_values misses the key '") + key + "'");
}

}  // namespace

const std::vector<std::pair<std::string, std::string>>& default_field_roles() {
  static const std::vector<std::pair<std::string, std::string>> roles = {
      {"id", "id"},
      {"name", "rule_name"},
      {"action", "action"},
      {"category", "risk_category"},
      {"group_by", "risk_factor"},
      {"product", "product_type"},
      {"quality", "decision_quality"},
      {"threshold_type", "threshold_type"},
      {"threshold_value", "threshold"},
      {"description", "outcome_description"},
      {"mitigants", "mitigants"},
      {"status", "ingestion_status"},
      {"batch", "batch_id"},
      {"agent", "agent_name"},
      {"created_at", "created_at"},
      {"confidence", "confidence"},
      {"compound_trigger", "compound_trigger"},
      {"source", "source"},
      {"source_type", "source_type"},
      {"historical_exceptions", "historical_exceptions"},
      {"data_fields", "data_fields"},
      {"ingestion_error", "ingestion_error"},
      {"ingested_at", "ingested_at"},
  };
  return roles;
}

bool is_role(const std::string& role) {
  const auto& roles = default_field_roles();
  return std::any_of(roles.begin(), roles.end(), [&](const auto& r) { return r.first == role; });
}

const std::vector<std::string>& action_palette() {
  static const std::vector<std::string> palette = {"#3498DB", "#E74C3C", "#F39C12", "#8B9F4F",
                                                   "#9B59B6", "#1ABC9C", "#D4AF37", "#7F8C8D"};
  return palette;
}

nlohmann::ordered_json ui_roles() {
  return {
      {"table", {"name", "category", "action", "product", "threshold_type", "status"}},
      {"detail", {"group_by", "confidence", "quality", "compound_trigger"}},
      {"hard_stops", {"action", "mitigants", "group_by", "category", "product", "description"}},
      {"quality", {"quality", "threshold_type", "name", "group_by", "description"}},
      {"diagram", {"group_by", "name", "action", "mitigants"}},
      {"summary", {"action", "product", "group_by", "mitigants"}},
      {"batches", {"batch", "status", "category", "created_at"}},
  };
}

const std::string& MemoryConfig::column_for(const std::string& role) const {
  for (const auto& [r, column] : field_roles)
    if (r == role) return column;
  return role;
}

std::string MemoryConfig::label(const std::string& role) const {
  if (auto it = labels.find(role); it != labels.end()) return it->second;
  return util::title_case(role);
}

bool MemoryConfig::is_list_role(const std::string& role) const {
  return std::find(list_fields.begin(), list_fields.end(), role) != list_fields.end();
}

std::string MemoryConfig::action_color(const std::string& action, std::size_t rank) const {
  if (auto it = action_colors.find(action); it != action_colors.end()) return it->second;
  return action_palette()[rank % action_palette().size()];
}

bool MemoryConfig::contradictory(const std::string& a, const std::string& b) const {
  return std::any_of(contradictory_pairs.begin(), contradictory_pairs.end(), [&](const auto& p) {
    return (p.first == a && p.second == b) || (p.first == b && p.second == a);
  });
}

MemoryConfig memory_config_from_json(const ConfigJson& memory) {
  MemoryConfig c;
  if (!memory.is_object()) {
    if (!memory.is_null()) warn("the memory section is not a map; the defaults apply");
    log_problems(c);
    return c;
  }
  if (auto roles = memory.find("field_roles"); roles != memory.end() && !roles->is_null()) {
    if (!roles->is_object()) warn("field_roles is not a map; the defaults are kept");
    else
      for (auto& [role, column] : c.field_roles)
        if (auto it = roles->find(role); it != roles->end()) column = py_str(*it);
  }
  if (auto v = string_list(memory, "required_roles")) c.required_roles = *v;
  if (auto v = string_map(memory, "labels")) c.labels = *v;
  if (auto v = string_list(memory, "list_fields")) c.list_fields = *v;
  if (auto v = string_list(memory, "filter_roles")) c.filter_roles = *v;
  if (auto hs = memory.find("hard_stops"); hs != memory.end() && !hs->is_null()) {
    if (!hs->is_object()) {
      warn("hard_stops is not a map; the default is kept");
    } else {
      c.hard_stops.action_value = hs->contains("action_value") ? py_str((*hs)["action_value"]) : "decline";
      c.hard_stops.require_empty_mitigants =
          hs->contains("require_empty_mitigants") ? truthy((*hs)["require_empty_mitigants"]) : true;
      if (!hs->contains("action_value") || !(*hs)["action_value"].is_string())
        warn("hard_stops.action_value must be a string");
      if (!hs->contains("require_empty_mitigants") || !(*hs)["require_empty_mitigants"].is_boolean())
        warn("hard_stops.require_empty_mitigants must be a boolean");
    }
  }
  if (auto v = string_map(memory, "quality_values")) c.quality_values = *v;
  if (auto it = memory.find("soft_threshold_value"); it != memory.end() && !it->is_null())
    c.soft_threshold_value = py_str(*it);
  if (auto v = string_map(memory, "action_colors")) c.action_colors = *v;
  if (auto pairs = memory.find("contradictory_pairs"); pairs != memory.end() && !pairs->is_null()) {
    if (!pairs->is_array()) {
      warn("contradictory_pairs is not a list; the default is kept");
    } else {
      c.contradictory_pairs.clear();
      for (const auto& pair : *pairs) {
        if (!pair.is_array() || pair.size() != 2) {
          warn("contradictory_pairs: an entry that is not a pair was dropped");
          continue;
        }
        c.contradictory_pairs.emplace_back(py_str(pair[0]), py_str(pair[1]));
      }
    }
  }
  log_problems(c);
  return c;
}

MemoryConfig load_memory_config(const std::string& config_dir) {
  const std::string path = (std::filesystem::path(config_dir) / kFile).string();
  try {
    const auto root = config::detail::load_yaml_file(path);
    if (!root) return memory_config_from_json(ConfigJson());
    const config::detail::Env env(config::options_from_process("").env, {}, "");
    std::vector<std::string> unset;
    const config::detail::YamlContext context{kFile, &env, &unset};
    const auto top = config::detail::section(&context, *root, "memory");
    return memory_config_from_json(top.present() ? top.to_json() : ConfigJson());
  } catch (const std::exception& e) {
    warn(std::string("ignored, the defaults apply: ") + e.what());
    return memory_config_from_json(ConfigJson());
  }
}

nlohmann::ordered_json config_reply(const MemoryConfig& c) {
  nlohmann::ordered_json out;
  nlohmann::ordered_json roles = nlohmann::ordered_json::object(), labels = nlohmann::ordered_json::object();
  for (const auto& [role, column] : c.field_roles) {
    roles[role] = column;
    labels[role] = c.label(role);
  }
  out["field_roles"] = roles;
  out["required_roles"] = c.required_roles;
  out["labels"] = labels;
  out["list_fields"] = c.list_fields;
  out["filter_roles"] = c.filter_roles;
  out["hard_stops"] = {{"action_value", c.hard_stops.action_value},
                       {"require_empty_mitigants", c.hard_stops.require_empty_mitigants}};
  out["quality_values"] = c.quality_values;
  out["soft_threshold_value"] = c.soft_threshold_value;
  out["action_colors"] = c.action_colors;
  nlohmann::ordered_json pairs = nlohmann::ordered_json::array();
  for (const auto& [a, b] : c.contradictory_pairs) pairs.push_back({a, b});
  out["contradictory_pairs"] = pairs;
  out["ui_roles"] = ui_roles();
  // The digest reads the keys above sorted, as the reference's json.dumps(sort_keys=True) does.
  out["config_hash"] = util::md5_hex(util::python_json_dumps(ConfigJson::parse(out.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace))));
  return out;
}

}  // namespace axis::plugins::memory
