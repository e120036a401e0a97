// The link from the rule library to the knowledge graph: each rule's facts in the graph's terms
// (risk factor = the `group_by` role, outcome = `description`, product = `product`).
#pragma once

#include <vector>

#include "plugins/memory/graph/graph_types.h"
#include "plugins/memory/memory_rule.h"

namespace axis::plugins::memory {

// One RuleFacts per rule, in order; the mitigants are the items of the `mitigants` list role
// (blank items skipped). Pure; thread-safe.
std::vector<graph::RuleFacts> rule_facts(const std::vector<MemoryRule>& rules);

}  // namespace axis::plugins::memory
