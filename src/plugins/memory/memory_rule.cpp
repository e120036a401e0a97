#include "plugins/memory/memory_rule.h"

#include "plugins/memory/list_cell.h"
#include "util/text.h"

namespace axis::plugins::memory {

std::string MemoryRule::text(const std::string& role) const {
  const auto it = record.find(role);
  if (it == record.end() || it->is_null()) return "";
  if (it->is_string()) return it->get<std::string>();
  if (it->is_boolean()) return it->get<bool>() ? "True" : "False";
  if (it->is_number_float()) return util::python_float(it->get<double>());
  return it->dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

bool MemoryRule::truthy(const std::string& role) const {
  const auto it = record.find(role);
  if (it == record.end() || it->is_null()) return false;
  if (it->is_boolean()) return it->get<bool>();
  if (it->is_number()) return it->get<double>() != 0.0;
  if (it->is_string()) return !it->get_ref<const std::string&>().empty();
  return !it->empty();  // arrays and objects
}

bool MemoryRule::is(const std::string& role, const std::string& value) const {
  const auto it = record.find(role);
  return it != record.end() && it->is_string() && it->get_ref<const std::string&>() == value;
}

MemoryRule normalised_rule(const nlohmann::ordered_json& fields, const MemoryConfig& config) {
  MemoryRule rule;
  for (const auto& [role, column] : config.field_roles) {
    (void)column;
    const auto it = fields.find(role);
    const bool list = config.is_list_role(role);
    if (it == fields.end() || it->is_null()) {
      rule.record[role] = list ? nlohmann::ordered_json::array() : nlohmann::ordered_json("");
    } else {
      rule.record[role] = list ? list_role_value(*it) : *it;
    }
  }
  return rule;
}

}  // namespace axis::plugins::memory
