import type { DecisionTrace, MemoryRule } from './types';

/** The roles whose values are lists. */
const LIST_ROLES = ['mitigants', 'data_fields'] as const;

/** A role value as text: strings as they are, numbers and booleans printed, lists joined, nothing as "". */
export function roleText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(roleText).join(', ');
  return JSON.stringify(value);
}

/** A list role's value as strings: a list item by item, a non-empty scalar as one item. */
export function roleList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(roleText);
  const text = roleText(value);
  return text === '' ? [] : [text];
}

/**
 * A rule as the server sent it (a rule body may have stored any JSON value in a role) turned into
 * text roles and string lists, so the page can sort, filter and show every rule the same way.
 */
export function normalizeRule(raw: Record<string, unknown>): MemoryRule {
  const rule = {} as Record<string, string | string[]>;
  for (const key of ROLE_KEYS) rule[key] = (LIST_ROLES as readonly string[]).includes(key) ? roleList(raw[key]) : roleText(raw[key]);
  return rule as unknown as MemoryRule;
}

export const normalizeRules = (raws: ReadonlyArray<Record<string, unknown>>) => raws.map(normalizeRule);

export function normalizeTrace(raw: Record<string, unknown>): DecisionTrace {
  return {
    group_by: roleText(raw.group_by),
    name: roleText(raw.name),
    action: roleText(raw.action),
    description: roleText(raw.description),
    mitigants: roleList(raw.mitigants),
    threshold_value: roleText(raw.threshold_value),
    threshold_type: roleText(raw.threshold_type),
  };
}

export const ROLE_KEYS = [
  'id',
  'name',
  'action',
  'category',
  'group_by',
  'product',
  'quality',
  'threshold_type',
  'threshold_value',
  'description',
  'mitigants',
  'status',
  'batch',
  'agent',
  'created_at',
  'confidence',
  'compound_trigger',
  'source',
  'source_type',
  'historical_exceptions',
  'data_fields',
  'ingestion_error',
  'ingested_at',
] as const satisfies ReadonlyArray<keyof MemoryRule>;
