// memory.yaml: how the decision-memory rule library reads its CSV columns and shows them
// (spec plugins.md §2.1). Every field is optional; the defaults below apply to what the file
// leaves out. Plain data: built once when the plugin starts, then read-only and thread-safe.
#pragma once

#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace axis::plugins::memory {

// The 23 roles in their fixed order, each with the column it reads by default.
const std::vector<std::pair<std::string, std::string>>& default_field_roles();
// True when `role` is one of the 23.
bool is_role(const std::string& role);

struct HardStopRule {
  std::string action_value = "decline";
  bool require_empty_mitigants = true;
};

struct MemoryConfig {
  std::vector<std::pair<std::string, std::string>> field_roles = default_field_roles();
  std::vector<std::string> required_roles{"id", "name", "action", "batch", "status"};
  std::map<std::string, std::string> labels;  // only those the file sets; see label()
  std::vector<std::string> list_fields{"mitigants", "data_fields"};
  std::vector<std::string> filter_roles{"action", "product", "category", "threshold_type",
                                        "status"};
  HardStopRule hard_stops;
  std::map<std::string, std::string> quality_values{
      {"aligned", "aligned"}, {"divergent", "divergent"}, {"partial", "partial"}};
  std::string soft_threshold_value = "soft";
  std::map<std::string, std::string> action_colors;
  // Actions that contradict each other within one risk factor and product. The reference
  // leaves this empty (no conflict is ever reported); AXIS ships approve and
  // approve_with_conditions each against decline (docs/api.md).
  std::vector<std::pair<std::string, std::string>> contradictory_pairs{
      {"approve", "decline"}, {"approve_with_conditions", "decline"}};

  // The column a role reads ("" roles fall back to the role's own name).
  const std::string& column_for(const std::string& role) const;
  // The label of a role: labels[role], else the role title-cased ("group_by" → "Group By").
  std::string label(const std::string& role) const;
  bool is_list_role(const std::string& role) const;
  // action_colors[action], else the palette colour of the action's summary rank (0-based).
  std::string action_color(const std::string& action, std::size_t rank) const;
  // True when {a, b} is one of the contradictory pairs (either order).
  bool contradictory(const std::string& a, const std::string& b) const;
};

// The palette of actions without a configured colour, by summary rank.
const std::vector<std::string>& action_palette();

// The view → roles map the web UI reads (the reference's _UI_ROLES); a constant.
nlohmann::ordered_json ui_roles();

// Reads <config_dir>/memory.yaml (its content, or the map under a top-level `memory:` key) over
// the defaults. A missing file gives the defaults. A file that cannot be read or parsed, or a
// field of the wrong shape, is logged as a warning and that part keeps its default; problems
// the reference only logs (a role name that is not one of the 23, two roles on one column, a
// missing quality key) are logged the same way and kept.
MemoryConfig load_memory_config(const std::string& config_dir);
// The same from YAML-shaped JSON (the file's `memory` map), for tests; never throws.
MemoryConfig memory_config_from_json(const nlohmann::json& memory);

// GET /api/memory/config: every field, labels for all 23 roles, ui_roles and config_hash, the
// MD5 of the other keys as Python's json.dumps(sort_keys=True) writes them.
nlohmann::ordered_json config_reply(const MemoryConfig& config);

}  // namespace axis::plugins::memory
