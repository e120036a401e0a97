import type { Batch, Conflict, MemoryRule, RuleInput } from './types';

export type RuleSortKey = 'name' | 'group_by' | 'action' | 'product' | 'threshold_type' | 'status' | 'batch';
export type SortDir = 'asc' | 'desc';

export const RULES_PAGE_SIZE = 15;
export const HARD_STOPS_PAGE_SIZE = 10;

/** The rule filters the server takes, in the order the page shows them, with their labels. */
export const RULE_FILTERS: Array<{ role: string; label: string }> = [
  { role: 'action', label: 'Action' },
  { role: 'product', label: 'Product' },
  { role: 'category', label: 'Risk Category' },
  { role: 'threshold_type', label: 'Threshold' },
  { role: 'status', label: 'Status' },
  { role: 'batch', label: 'Batch' },
];

/** Rules of one agent (the `agent` role); every rule when no agent is chosen. */
export function rulesOfAgent(rules: MemoryRule[], agent: string): MemoryRule[] {
  return agent === '' ? rules : rules.filter((r) => r.agent === agent);
}

/** The distinct non-empty agents named by the rules, sorted. */
export function agentsOf(rules: MemoryRule[]): string[] {
  return [...new Set(rules.map((r) => r.agent).filter((a) => a !== ''))].sort();
}

/** A stable sort on one column, case-insensitive, empty values last in either direction. */
export function sortRules(rules: MemoryRule[], key: RuleSortKey, dir: SortDir): MemoryRule[] {
  const sign = dir === 'asc' ? 1 : -1;
  return rules
    .map((rule, index) => ({ rule, index }))
    .sort((a, b) => {
      const x = a.rule[key].toLowerCase();
      const y = b.rule[key].toLowerCase();
      if (x === y) return a.index - b.index;
      if (x === '') return 1;
      if (y === '') return -1;
      return x < y ? -sign : sign;
    })
    .map((e) => e.rule);
}

/** A rule's threshold as "type · value", either part left out when empty; "" without both. */
export function thresholdText(rule: { threshold_type: string; threshold_value: string }): string {
  return [rule.threshold_type, rule.threshold_value].filter((v) => v !== '').join(' · ');
}

export function pageOf<T>(items: T[], page: number, size: number): T[] {
  return items.slice((page - 1) * size, page * size);
}

const conflictKey = (riskFactor: string, name: string) => `${riskFactor}\u0000${name}`;

/** The (risk factor, rule name) pairs that take part in a conflict. */
export function conflictingRules(conflicts: Conflict[]): Set<string> {
  const keys = new Set<string>();
  for (const c of conflicts) for (const r of c.conflicting_rules) keys.add(conflictKey(c.risk_factor, r.rule_name));
  return keys;
}

export function isConflicting(keys: Set<string>, rule: MemoryRule): boolean {
  return keys.has(conflictKey(rule.group_by, rule.name));
}

export interface BatchBar {
  ingested: number;
  pending: number;
  failed: number;
  other: number;
  total: number;
}

/** A batch's rules split by ingestion status; statuses other than ingested, pending and failed count as other. */
export function batchBar(batch: Batch): BatchBar {
  const bar: BatchBar = { ingested: 0, pending: 0, failed: 0, other: 0, total: 0 };
  for (const [status, n] of Object.entries(batch.statuses)) {
    const key = status.toLowerCase();
    if (key === 'ingested' || key === 'pending' || key === 'failed') bar[key] += n;
    else bar.other += n;
    bar.total += n;
  }
  return bar;
}

/** The share of `part` in `total` as a CSS width, e.g. "37.5%". */
export function share(part: number, total: number): string {
  return total > 0 ? `${Math.round((part / total) * 1000) / 10}%` : '0%';
}

/** The editable text fields of the rule form. */
export interface RuleForm {
  name: string;
  action: string;
  group_by: string;
  category: string;
  product: string;
  threshold_type: string;
  threshold_value: string;
  description: string;
  mitigants: string;
  agent: string;
}

export const EMPTY_FORM: RuleForm = {
  name: '',
  action: '',
  group_by: '',
  category: '',
  product: '',
  threshold_type: '',
  threshold_value: '',
  description: '',
  mitigants: '',
  agent: '',
};

export function formOf(rule: MemoryRule): RuleForm {
  return {
    name: rule.name,
    action: rule.action,
    group_by: rule.group_by,
    category: rule.category,
    product: rule.product,
    threshold_type: rule.threshold_type,
    threshold_value: rule.threshold_value,
    description: rule.description,
    mitigants: rule.mitigants.join('\n'),
    agent: rule.agent,
  };
}

/** The body sent for a form: trimmed texts, one mitigant per non-blank line. */
export function inputOf(form: RuleForm): RuleInput {
  const { mitigants, ...texts } = form;
  const input: RuleInput = Object.fromEntries(Object.entries(texts).map(([k, v]) => [k, v.trim()]));
  input.mitigants = mitigants
    .split('\n')
    .map((m) => m.trim())
    .filter((m) => m !== '');
  return input;
}

/** What is missing before a form can be saved (the server needs a name and an action). */
export function missingFields(form: RuleForm): string[] {
  const missing: string[] = [];
  if (form.name.trim() === '') missing.push('Name');
  if (form.action.trim() === '') missing.push('Action');
  return missing;
}
