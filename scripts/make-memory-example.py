#!/usr/bin/env python3
"""Writes data/examples/memory_rules.csv, the memory plugin's example rule set.

The content is fixed (no randomness): 4 products, 8 risk factors, one rule per risk factor and
product where the table below gives one, a stricter tier of four risk factors, plus two pairs of rules whose actions contradict each
other under the default contradictory_pairs (approve / decline, approve_with_conditions /
decline). Run from the repository root: python3 scripts/make-memory-example.py
"""
import csv
import pathlib

OUT = pathlib.Path(__file__).resolve().parent.parent / "data" / "examples" / "memory_rules.csv"

COLUMNS = ["id", "rule_name", "action", "risk_category", "risk_factor", "product_type",
           "decision_quality", "threshold_type", "threshold", "outcome_description", "mitigants",
           "ingestion_status", "batch_id", "agent_name", "created_at", "confidence",
           "compound_trigger", "source", "source_type", "historical_exceptions", "data_fields",
           "ingestion_error", "ingested_at"]

PRODUCTS = ["personal_loan", "auto_loan", "mortgage", "credit_card"]

# risk factor -> (category, threshold text, data fields, mitigants offered when not a hard stop)
FACTORS = {
    "credit_score": ("credit", "score < 580", ["bureau_score"], ["co_signer", "secured_collateral"]),
    "debt_to_income": ("affordability", "dti > 0.45", ["monthly_debt", "monthly_income"], ["reduced_amount"]),
    "recent_bankruptcy": ("credit", "discharged < 24 months", ["bankruptcy_date"], []),
    "employment_length": ("stability", "employed < 6 months", ["employment_start"], ["verified_contract"]),
    "loan_to_value": ("collateral", "ltv > 0.9", ["property_value", "loan_amount"], ["mortgage_insurance"]),
    "fraud_flag": ("fraud", "identity mismatch", ["id_check_result"], []),
    "income_verification": ("documentation", "no payslip in 60 days", ["payslips"], ["bank_statements"]),
    "delinquency_history": ("credit", "2+ late payments in 12 months", ["payment_history"], ["explanation_letter"]),
}

# (risk factor, product) -> action; combinations left out have no rule.
ACTIONS = {
    ("credit_score", "personal_loan"): "refer", ("credit_score", "auto_loan"): "approve_with_conditions",
    ("credit_score", "mortgage"): "decline", ("credit_score", "credit_card"): "verify",
    ("debt_to_income", "personal_loan"): "approve_with_conditions", ("debt_to_income", "auto_loan"): "refer",
    ("debt_to_income", "mortgage"): "decline", ("debt_to_income", "credit_card"): "refer",
    ("recent_bankruptcy", "personal_loan"): "decline", ("recent_bankruptcy", "auto_loan"): "decline",
    ("recent_bankruptcy", "mortgage"): "decline", ("recent_bankruptcy", "credit_card"): "refer",
    ("employment_length", "personal_loan"): "verify", ("employment_length", "auto_loan"): "verify",
    ("employment_length", "mortgage"): "refer", ("employment_length", "credit_card"): "approve",
    ("loan_to_value", "auto_loan"): "approve_with_conditions", ("loan_to_value", "mortgage"): "refer",
    ("fraud_flag", "personal_loan"): "decline", ("fraud_flag", "auto_loan"): "decline",
    ("fraud_flag", "mortgage"): "decline", ("fraud_flag", "credit_card"): "decline",
    ("income_verification", "personal_loan"): "verify", ("income_verification", "auto_loan"): "verify",
    ("income_verification", "mortgage"): "verify", ("income_verification", "credit_card"): "approve",
    ("delinquency_history", "personal_loan"): "refer", ("delinquency_history", "auto_loan"): "approve_with_conditions",
    ("delinquency_history", "mortgage"): "refer", ("delinquency_history", "credit_card"): "approve_with_conditions",
}

# A stricter tier of some risk factors: referred for every product (refer contradicts nothing).
SEVERE = {
    "credit_score": "score < 500",
    "debt_to_income": "dti > 0.60",
    "delinquency_history": "4+ late payments in 12 months",
    "income_verification": "no income document at all",
}

# Rules that contradict one of the rules above for the same risk factor and product.
CONFLICTS = [
    ("debt_to_income", "mortgage", "approve_with_conditions", "aligned mortgage desk override"),
    ("recent_bankruptcy", "personal_loan", "approve", "legacy small-amount exception"),
]

BATCHES = [  # batch id, created_at day, statuses in turn
    ("batch-2026-01", "2026-01-15", ["ingested", "ingested", "ingested", "failed"]),
    ("batch-2026-02", "2026-02-12", ["ingested", "pending", "ingested"]),
    ("batch-2026-03", "2026-03-09", ["pending", "pending", "failed"]),
]
QUALITY = ["aligned", "aligned", "partial", "divergent"]
SOURCES = [("Credit Policy Manual v7", "policy"), ("Underwriting Guidelines 2026", "guideline"),
           ("Risk Committee Minutes", "minutes")]


def list_cell(items, index):
    """Mitigant and data-field cells alternate Python-literal and JSON spellings."""
    if not items:
        return "[]"
    if index % 2 == 0:
        return "[" + ", ".join(repr(i) for i in items) + "]"
    return "[" + ", ".join('"' + i + '"' for i in items) + "]"


def rule_row(n, factor, product, action, note, threshold=None):
    category, default_threshold, fields, offered = FACTORS[factor]
    threshold = threshold or default_threshold
    batch_id, day, statuses = BATCHES[n % len(BATCHES)]
    status = statuses[(n // len(BATCHES)) % len(statuses)]
    mitigants = [] if action == "decline" and (n % 3 != 0 or not offered) else offered
    threshold_type = "hard" if action == "decline" else ("soft" if n % 2 == 0 else "hard")
    source, source_type = SOURCES[n % len(SOURCES)]
    return {
        "id": f"rule-{n:03d}",
        "rule_name": f"{factor.replace('_', ' ').title()} - {product.replace('_', ' ')}" + (f" ({note})" if note else ""),
        "action": action,
        "risk_category": category,
        "risk_factor": factor,
        "product_type": product,
        "decision_quality": QUALITY[n % len(QUALITY)],
        "threshold_type": threshold_type,
        "threshold": threshold,
        "outcome_description": f"When {threshold}, {action.replace('_', ' ')} the {product.replace('_', ' ')} application",
        "mitigants": list_cell(mitigants, n),
        "ingestion_status": status,
        "batch_id": batch_id,
        "agent_name": "underwriting_agent" if n % 2 == 0 else "policy_agent",
        "created_at": f"{day}T{9 + n % 8:02d}:{(n * 7) % 60:02d}:00Z",
        "confidence": f"{0.6 + (n % 4) * 0.1:.2f}",
        "compound_trigger": "true" if n % 5 == 0 else "false",
        "source": source,
        "source_type": source_type,
        "historical_exceptions": str(n % 4),
        "data_fields": list_cell(fields, n + 1),
        "ingestion_error": "threshold could not be parsed" if status == "failed" else "",
        "ingested_at": "" if status == "pending" else f"{day}T18:00:00Z",
    }


def main():
    rows = []
    for factor in FACTORS:
        for product in PRODUCTS:
            if (factor, product) in ACTIONS:
                rows.append(rule_row(len(rows) + 1, factor, product, ACTIONS[(factor, product)], ""))
    for factor, threshold in SEVERE.items():
        for product in PRODUCTS:
            rows.append(rule_row(len(rows) + 1, factor, product, "refer", "severe", threshold))
    for factor, product, action, note in CONFLICTS:
        rows.append(rule_row(len(rows) + 1, factor, product, action, note))
    with OUT.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} rules to {OUT}")


if __name__ == "__main__":
    main()
