// The read views of a rule set (spec plugins.md §2.2–§2.3): summary, filter values, filtered
// rules, quality split, soft thresholds, hard stops, batches, trace, conflicts and status
// counts. Pure functions of the rules and the configuration, returning the reply bodies'
// JSON (the records are role-keyed data whose keys the configuration decides). Thread-safe.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "plugins/memory/memory_config.h"
#include "plugins/memory/memory_rule.h"

namespace axis::plugins::memory {


// {rules_count, risk_factors_count, mitigants_count, hard_stops_count,
//  rules_by_action:[{action,count,color}], rules_by_product:[{product,count}]}: both lists by
// count, most first, ties in first-seen order, empty values left out; an action's colour is
// its configured one or the palette's at its rank.
Json summary_view(const std::vector<MemoryRule>& rules, const MemoryConfig& config);

// For each filter role and "batch": the sorted distinct non-empty values.
Json filters_available_view(const std::vector<MemoryRule>& rules, const MemoryConfig& config);

// True when the rule is a hard stop: action is hard_stops.action_value and, when required,
// it has no mitigants.
bool is_hard_stop(const MemoryRule& rule, const MemoryConfig& config);

// {data, total, filters_available}: the rules whose value of each role in `filters` equals the
// filter (roles other than the filter roles and "batch", and empty values, are ignored).
Json rules_view(const std::vector<MemoryRule>& rules, const MemoryConfig& config,
                const std::map<std::string, std::string>& filters);

Json quality_view(const std::vector<MemoryRule>& rules, const MemoryConfig& config);
Json soft_thresholds_view(const std::vector<MemoryRule>& rules, const MemoryConfig& config);
Json hard_stops_view(const std::vector<MemoryRule>& rules, const MemoryConfig& config);
// {data:[{batch_id, rules_count, created_at, statuses, risk_categories}]}, first-seen order.
Json batches_view(const std::vector<MemoryRule>& rules);
// The trace of the first rule whose id is `rule_id`; nullopt when there is none.
std::optional<Json> trace_view(const std::vector<MemoryRule>& rules, const std::string& rule_id);
// {data:[{risk_factor, conflicting_rules, description}], has_conflicts}.
Json conflicts_view(const std::vector<MemoryRule>& rules, const MemoryConfig& config);
// {data:{status:n}}, first-seen order.
Json status_counts_view(const std::vector<MemoryRule>& rules);

// The records of `rules` as a JSON array.
Json records(const std::vector<MemoryRule>& rules);

}  // namespace axis::plugins::memory
