// One rule of the decision-memory library: a role-keyed record holding all 23 roles of
// memory_config.h in their fixed order. Values are what the rules file or a rule body gave:
// strings from a CSV, lists of strings for the list roles, any JSON value from a rule body.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "plugins/memory/memory_config.h"

namespace axis::plugins::memory {

using Json = nlohmann::ordered_json;

struct MemoryRule {
  Json record = Json::object();

  // The value of `role` as Python's str() shows it for a string, a number or a bool; "" when
  // absent or null; compact JSON for a list or object.
  std::string text(const std::string& role) const;
  // Python truthiness of the value: false for "", [], {}, 0, false and null.
  bool truthy(const std::string& role) const;
  // True when the value is the string `value` (a number never equals a string).
  bool is(const std::string& role, const std::string& value) const;
};

// `fields` (role → value; other keys ignored) as a rule with all 23 roles: an absent role is ""
// (a list role []), a list role given as text is parsed (list_cell.h).
MemoryRule normalised_rule(const nlohmann::ordered_json& fields, const MemoryConfig& config);

}  // namespace axis::plugins::memory
