# The expected config_hash values of memory_config_test.cpp, computed the way the reference does
# (hashlib.md5(json.dumps(config, sort_keys=True).encode())) over AXIS's default memory configuration.
# Usage: python3 tests/unit/plugins/memory_config_hash.py [JSON object of labels to override]
import json, hashlib
roles = [("id","id"),("name","rule_name"),("action","action"),("category","risk_category"),("group_by","risk_factor"),("product","product_type"),("quality","decision_quality"),("threshold_type","threshold_type"),("threshold_value","threshold"),("description","outcome_description"),("mitigants","mitigants"),("status","ingestion_status"),("batch","batch_id"),("agent","agent_name"),("created_at","created_at"),("confidence","confidence"),("compound_trigger","compound_trigger"),("source","source"),("source_type","source_type"),("historical_exceptions","historical_exceptions"),("data_fields","data_fields"),("ingestion_error","ingestion_error"),("ingested_at","ingested_at")]
import sys
labels_over = json.loads(sys.argv[1]) if len(sys.argv) > 1 else {}
d = {
 "field_roles": dict(roles),
 "required_roles": ["id","name","action","batch","status"],
 "labels": {r: labels_over.get(r, r.replace("_"," ").title()) for r,_ in roles},
 "list_fields": ["mitigants","data_fields"],
 "filter_roles": ["action","product","category","threshold_type","status"],
 "hard_stops": {"action_value":"decline","require_empty_mitigants":True},
 "quality_values": {"aligned":"aligned","divergent":"divergent","partial":"partial"},
 "soft_threshold_value": "soft",
 "action_colors": {},
 "contradictory_pairs": [["approve","decline"],["approve_with_conditions","decline"]],
 "ui_roles": {
    "table": ["name", "category", "action", "product", "threshold_type", "status"],
    "detail": ["group_by", "confidence", "quality", "compound_trigger"],
    "hard_stops": ["action", "mitigants", "group_by", "category", "product", "description"],
    "quality": ["quality", "threshold_type", "name", "group_by", "description"],
    "diagram": ["group_by", "name", "action", "mitigants"],
    "summary": ["action", "product", "group_by", "mitigants"],
    "batches": ["batch", "status", "category", "created_at"],
 },
}
print(hashlib.md5(json.dumps(d, sort_keys=True).encode()).hexdigest())
