#include "plugins/memory/memory_views.h"

#include <algorithm>
#include <functional>
#include <set>

namespace axis::plugins::memory {
namespace {

// Values counted in first-seen order, then ordered by count (a stable sort keeps ties in
// first-seen order, as Python's Counter.most_common does).
std::vector<std::pair<std::string, std::int64_t>> most_common(const std::vector<MemoryRule>& rules,
                                                              const std::string& role) {
  std::vector<std::pair<std::string, std::int64_t>> counts;
  for (const auto& rule : rules) {
    if (!rule.truthy(role)) continue;
    const std::string value = rule.text(role);
    auto it = std::find_if(counts.begin(), counts.end(), [&](const auto& c) { return c.first == value; });
    if (it == counts.end()) counts.emplace_back(value, 1);
    else ++it->second;
  }
  std::stable_sort(counts.begin(), counts.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  return counts;
}

Json counted(const std::vector<MemoryRule>& rules, const std::string& role) {
  Json out = Json::object();
  for (const auto& rule : rules) {
    const std::string value = rule.text(role);
    out[value] = out.contains(value) ? out[value].get<std::int64_t>() + 1 : 1;
  }
  return out;
}

std::vector<MemoryRule> where(const std::vector<MemoryRule>& rules,
                              const std::function<bool(const MemoryRule&)>& keep) {
  std::vector<MemoryRule> out;
  for (const auto& rule : rules)
    if (keep(rule)) out.push_back(rule);
  return out;
}

std::string quality_value(const MemoryConfig& config, const std::string& key) {
  const auto it = config.quality_values.find(key);
  return it == config.quality_values.end() ? key : it->second;
}

}  // namespace

Json records(const std::vector<MemoryRule>& rules) {
  Json out = Json::array();
  for (const auto& rule : rules) out.push_back(rule.record);
  return out;
}

bool is_hard_stop(const MemoryRule& rule, const MemoryConfig& config) {
  if (!rule.is("action", config.hard_stops.action_value)) return false;
  return !(config.hard_stops.require_empty_mitigants && rule.truthy("mitigants"));
}

Json summary_view(const std::vector<MemoryRule>& rules, const MemoryConfig& config) {
  std::set<std::string> mitigants, risk_factors;
  std::int64_t hard_stops = 0;
  for (const auto& rule : rules) {
    const auto& m = rule.record.at("mitigants");
    if (m.is_array())
      for (const auto& item : m)
        if (item.is_string() ? !item.get_ref<const std::string&>().empty() : !item.is_null())
          mitigants.insert(item.is_string() ? item.get<std::string>() : item.dump());
    if (rule.truthy("group_by")) risk_factors.insert(rule.text("group_by"));
    if (is_hard_stop(rule, config)) ++hard_stops;
  }
  Json by_action = Json::array(), by_product = Json::array();
  std::size_t rank = 0;
  for (const auto& [action, count] : most_common(rules, "action"))
    by_action.push_back({{"action", action}, {"count", count}, {"color", config.action_color(action, rank++)}});
  for (const auto& [product, count] : most_common(rules, "product"))
    by_product.push_back({{"product", product}, {"count", count}});
  return {{"rules_count", rules.size()},
          {"risk_factors_count", risk_factors.size()},
          {"mitigants_count", mitigants.size()},
          {"hard_stops_count", hard_stops},
          {"rules_by_action", by_action},
          {"rules_by_product", by_product}};
}

Json filters_available_view(const std::vector<MemoryRule>& rules, const MemoryConfig& config) {
  Json out = Json::object();
  std::vector<std::string> roles = config.filter_roles;
  roles.push_back("batch");
  for (const auto& role : roles) {
    std::set<std::string> values;
    for (const auto& rule : rules)
      if (rule.truthy(role)) values.insert(rule.text(role));
    out[role] = std::vector<std::string>(values.begin(), values.end());
  }
  return out;
}

Json rules_view(const std::vector<MemoryRule>& rules, const MemoryConfig& config,
                const std::map<std::string, std::string>& filters) {
  const auto allowed = [&](const std::string& role) {
    return role == "batch" ||
           std::find(config.filter_roles.begin(), config.filter_roles.end(), role) != config.filter_roles.end();
  };
  const auto kept = where(rules, [&](const MemoryRule& rule) {
    for (const auto& [role, value] : filters)
      if (!value.empty() && allowed(role) && rule.text(role) != value) return false;
    return true;
  });
  return {{"data", records(kept)},
          {"total", kept.size()},
          {"filters_available", filters_available_view(rules, config)}};
}

Json quality_view(const std::vector<MemoryRule>& rules, const MemoryConfig& config) {
  Json out = Json::object();
  for (const char* key : {"aligned", "divergent", "partial"}) {
    const std::string value = quality_value(config, key);
    out[key] = records(where(rules, [&](const MemoryRule& r) { return r.is("quality", value); }));
  }
  return out;
}

Json soft_thresholds_view(const std::vector<MemoryRule>& rules, const MemoryConfig& config) {
  return {{"data", records(where(rules, [&](const MemoryRule& r) {
             return r.is("threshold_type", config.soft_threshold_value);
           }))}};
}

Json hard_stops_view(const std::vector<MemoryRule>& rules, const MemoryConfig& config) {
  return {{"data", records(where(rules, [&](const MemoryRule& r) { return is_hard_stop(r, config); }))}};
}

Json batches_view(const std::vector<MemoryRule>& rules) {
  std::vector<std::pair<std::string, std::vector<MemoryRule>>> batches;
  for (const auto& rule : rules) {
    const std::string id = rule.text("batch");
    auto it = std::find_if(batches.begin(), batches.end(), [&](const auto& b) { return b.first == id; });
    if (it == batches.end()) batches.push_back({id, {rule}});
    else it->second.push_back(rule);
  }
  Json data = Json::array();
  for (const auto& [id, members] : batches) {
    std::set<std::string> categories;
    std::optional<std::string> earliest;
    for (const auto& rule : members) {
      if (rule.truthy("category")) categories.insert(rule.text("category"));
      if (rule.truthy("created_at")) {
        const std::string created = rule.text("created_at");
        if (!earliest || created < *earliest) earliest = created;
      }
    }
    data.push_back({{"batch_id", id},
                    {"rules_count", members.size()},
                    {"created_at", earliest.value_or("")},
                    {"statuses", counted(members, "status")},
                    {"risk_categories", std::vector<std::string>(categories.begin(), categories.end())}});
  }
  return {{"data", data}};
}

std::optional<Json> trace_view(const std::vector<MemoryRule>& rules, const std::string& rule_id) {
  for (const auto& rule : rules) {
    if (!rule.is("id", rule_id)) continue;
    Json out = Json::object();
    for (const char* role : {"group_by", "name", "action", "description", "mitigants",
                             "threshold_value", "threshold_type"})
      out[role] = rule.record.at(role);
    return out;
  }
  return std::nullopt;
}

Json conflicts_view(const std::vector<MemoryRule>& rules, const MemoryConfig& config) {
  std::vector<std::pair<std::pair<std::string, std::string>, std::vector<const MemoryRule*>>> groups;
  for (const auto& rule : rules) {
    if (!rule.truthy("group_by")) continue;
    const std::pair<std::string, std::string> key{rule.text("group_by"), rule.text("product")};
    auto it = std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.first == key; });
    if (it == groups.end()) groups.push_back({key, {&rule}});
    else it->second.push_back(&rule);
  }
  Json data = Json::array();
  for (const auto& [key, members] : groups) {
    std::set<std::string> actions;
    for (const auto* rule : members) actions.insert(rule->text("action"));
    if (actions.size() < 2) continue;
    bool contradictory = false;
    for (const auto& a : actions)
      for (const auto& b : actions)
        if (a != b && config.contradictory(a, b)) contradictory = true;
    if (!contradictory) continue;
    Json listed = Json::array();
    for (const auto* rule : members)
      listed.push_back({{"rule_name", rule->text("name")}, {"action", rule->text("action")}});
    std::string joined;
    for (const auto& a : actions) joined += (joined.empty() ? "" : ", ") + a;
    data.push_back({{"risk_factor", key.first},
                    {"conflicting_rules", listed},
                    {"description", "Risk factor '" + key.first + "' has contradictory actions: " + joined}});
  }
  const bool any = !data.empty();
  return {{"data", data}, {"has_conflicts", any}};
}

Json status_counts_view(const std::vector<MemoryRule>& rules) {
  return {{"data", counted(rules, "status")}};
}

}  // namespace axis::plugins::memory
