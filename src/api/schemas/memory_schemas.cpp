// The memory plugin's replies (plugins/memory/memory_routes.cpp over memory_views.h).
#include "api/schemas/reply_schemas.h"

namespace axis::api::schema {
namespace {

// A rule: the 23 roles, each as the rules file or a rule body gave it (strings from a CSV,
// lists of strings for the list roles; a rule body may send any JSON value).
Json memory_rule() {
  return object({{"id", any()}, {"name", any()}, {"action", any()}, {"category", any()},
                 {"group_by", any()}, {"product", any()}, {"quality", any()},
                 {"threshold_type", any()}, {"threshold_value", any()}, {"description", any()},
                 {"mitigants", any()}, {"status", any()}, {"batch", any()}, {"agent", any()},
                 {"created_at", any()}, {"confidence", any()}, {"compound_trigger", any()},
                 {"source", any()}, {"source_type", any()}, {"historical_exceptions", any()},
                 {"data_fields", any()}, {"ingestion_error", any()}, {"ingested_at", any()}});
}

Json memory_config() {
  return object({{"field_roles", map_of(str())},
                 {"required_roles", array_of(str())},
                 {"labels", map_of(str())},
                 {"list_fields", array_of(str())},
                 {"filter_roles", array_of(str())},
                 {"hard_stops", object({{"action_value", str()}, {"require_empty_mitigants", boolean()}})},
                 {"quality_values", map_of(str())},
                 {"soft_threshold_value", str()},
                 {"action_colors", map_of(str())},
                 {"contradictory_pairs", array_of(array_of(str()))},
                 {"ui_roles", map_of(array_of(str()))},
                 {"config_hash", described(str(), "MD5 of the other keys as Python's json.dumps(sort_keys=True)")}});
}

}  // namespace

Components memory_schemas() {
  Components c;
  c.add("MemoryRule", memory_rule());
  c.add("MemoryConfigReply", memory_config());
  c.add("MemoryConfigDeprecatedReply", extend(memory_config(), {{"_deprecated", str()}}));
  c.add("MemorySummary",
        object({{"rules_count", integer()},
                {"risk_factors_count", integer()},
                {"mitigants_count", integer()},
                {"hard_stops_count", integer()},
                {"rules_by_action", array_of(object({{"action", str()}, {"count", integer()}, {"color", str()}}))},
                {"rules_by_product", array_of(object({{"product", str()}, {"count", integer()}}))}}));
  c.add("MemoryRulesReply", object({{"data", array_of(ref("MemoryRule"))},
                                    {"total", integer()},
                                    {"filters_available", map_of(array_of(str()))}}));
  c.add("MemoryQualityReply", object({{"aligned", array_of(ref("MemoryRule"))},
                                      {"divergent", array_of(ref("MemoryRule"))},
                                      {"partial", array_of(ref("MemoryRule"))}}));
  c.add("MemoryRuleListReply", object({{"data", array_of(ref("MemoryRule"))}}));
  c.add("MemoryBatchesReply",
        object({{"data", array_of(object({{"batch_id", str()},
                                          {"rules_count", integer()},
                                          {"created_at", str()},
                                          {"statuses", map_of(integer())},
                                          {"risk_categories", array_of(str())}}))}}));
  c.add("MemoryTraceReply", object({{"group_by", any()}, {"name", any()}, {"action", any()},
                                    {"description", any()}, {"mitigants", any()},
                                    {"threshold_value", any()}, {"threshold_type", any()}}));
  c.add("MemoryConflictsReply",
        object({{"data", array_of(object({{"risk_factor", str()},
                                          {"conflicting_rules", array_of(object({{"rule_name", str()}, {"action", str()}}))},
                                          {"description", str()}}))},
                {"has_conflicts", boolean()}}));
  c.add("MemoryStatusCountsReply", object({{"data", map_of(integer())}}));
  c.add("MemoryUploadReply", object({{"success", boolean()},
                                     {"format", one_of({"memory"})},
                                     {"row_count", integer()},
                                     {"columns", array_of(str())},
                                     {"data", array_of(ref("MemoryRule"))},
                                     {"filters_available", map_of(array_of(str()))},
                                     {"summary", ref("MemorySummary")},
                                     {"message", nullable(str())}}));
  c.add("MemoryRuleReply", object({{"success", boolean()}, {"data", ref("MemoryRule")}}));
  c.add("MemoryDeleteReply", object({{"success", boolean()}, {"id", str()}}));
  return c;
}

}  // namespace axis::api::schema
