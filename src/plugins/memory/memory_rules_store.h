// The rule set in DuckDB: table _memory_rules (store migration 6), one row per rule, a column
// per role holding the value as JSON text (so lists, numbers and strings round-trip exactly),
// and `position` giving the rule order. Plain functions over a leased connection; blocking.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "plugins/memory/memory_rule.h"

namespace axis::store { class Connection; }

namespace axis::plugins::memory {

// A stored rule and its position (unique; smaller comes first).
using PositionedRule = std::pair<std::int64_t, MemoryRule>;

// Every stored rule in order. Throws StoreError.
std::vector<PositionedRule> load_rules(store::Connection& conn);

// Replaces the whole set with `rules` (positions 0..n-1) in one transaction: on any error the
// previous set stays and the StoreError is rethrown.
std::vector<PositionedRule> replace_rules(store::Connection& conn, const std::vector<MemoryRule>& rules);

// Stores `rule` at `position` (a new row). Throws StoreError.
void insert_rule(store::Connection& conn, std::int64_t position, const MemoryRule& rule);
// Rewrites every role of the rule at `position`. Throws StoreError.
void update_rule(store::Connection& conn, std::int64_t position, const MemoryRule& rule);
// Removes the rule at `position`. Throws StoreError.
void delete_rule(store::Connection& conn, std::int64_t position);

}  // namespace axis::plugins::memory
