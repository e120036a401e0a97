import { parseLiteral } from './literal';

/**
 * One case of a stored tree/flat dataset: its rows (one per metric) folded together. The score is
 * the mean of the case's finite metric scores, as the server computes a case's overall score.
 */
export interface CaseRecord {
  id: string;
  experiment: string;
  score: number | null;
  outputLength: number | null;
  turns: number | null;
  metadata: Record<string, unknown> | null;
}

export interface BinDef {
  label: string;
  min: number;
  /** Exclusive upper bound; Infinity for the last bin. */
  max: number;
}

export interface BinStat {
  label: string;
  count: number;
  mean: number | null;
  passRate: number | null;
  /** Mean of the binned value (output length, turns) in the bin. */
  meanValue: number | null;
}

export const PASS_MARK = 0.5;

export const LENGTH_BINS: BinDef[] = [
  { label: '0–100', min: 0, max: 100 },
  { label: '100–300', min: 100, max: 300 },
  { label: '300–500', min: 300, max: 500 },
  { label: '500–1000', min: 500, max: 1000 },
  { label: '1000+', min: 1000, max: Infinity },
];

export const TURN_BINS: BinDef[] = [
  { label: '1', min: 1, max: 2 },
  { label: '2–3', min: 2, max: 4 },
  { label: '4–5', min: 4, max: 6 },
  { label: '6–10', min: 6, max: 11 },
  { label: '10+', min: 11, max: Infinity },
];

type Row = Record<string, unknown>;

function text(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

function finiteScore(value: unknown): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) ? n : null;
}

function structured(value: unknown): unknown {
  return typeof value === 'string' ? parseLiteral(value) : value;
}

const USER_ROLES = new Set(['user', 'human', 'customer']);

/**
 * Turns in a conversation: the user messages of a message list (JSON or Python literal, bare or
 * under `messages`), or every message when none names a role; for plain text, the lines that start
 * with "User:" or "Human:". Null when nothing can be read.
 */
export function countTurns(value: unknown): number | null {
  const parsed = structured(value);
  const list = Array.isArray(parsed)
    ? parsed
    : parsed !== null && typeof parsed === 'object' && Array.isArray((parsed as Row).messages)
      ? ((parsed as Row).messages as unknown[])
      : null;
  if (list) {
    const roles = list.map((m) => (m !== null && typeof m === 'object' ? text((m as Row).role ?? (m as Row).type ?? (m as Row).speaker) : null));
    if (roles.every((r) => r === null)) return list.length;
    return roles.filter((r) => r !== null && USER_ROLES.has(r.toLowerCase())).length;
  }
  if (typeof value !== 'string') return null;
  const lines = value.split(/\r?\n/).filter((l) => /^\s*(user|human)\s*:/i.test(l));
  return lines.length > 0 ? lines.length : null;
}

/** The metadata object of a `data_metadata` value (JSON or Python literal), else null. */
export function parseMetadata(value: unknown): Record<string, unknown> | null {
  const parsed = structured(value);
  return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
}

/** Characters (code points) of a text. */
export function textLength(value: string): number {
  let n = 0;
  for (const _ of value) n += 1;
  return n;
}

interface Acc {
  id: string;
  experiment: string;
  sum: number;
  n: number;
  output: string | null;
  conversation: unknown;
  metadata: unknown;
}

/** Folds rows into cases keyed by (dataset_id, experiment), in first-seen order. */
export function casesFromRows(rows: readonly Row[]): CaseRecord[] {
  const byKey = new Map<string, Acc>();
  for (const row of rows) {
    const id = text(row.dataset_id);
    if (id === null) continue;
    const experiment = text(row.evaluation_name) ?? 'Default';
    const key = JSON.stringify([id, experiment]);
    let acc = byKey.get(key);
    if (!acc) {
      acc = { id, experiment, sum: 0, n: 0, output: null, conversation: null, metadata: null };
      byKey.set(key, acc);
    }
    const score = finiteScore(row.metric_score);
    if (score !== null) {
      acc.sum += score;
      acc.n += 1;
    }
    acc.output ??= text(row.actual_output);
    acc.conversation ??= text(row.conversation);
    acc.metadata ??= text(row.data_metadata) ?? (row.data_metadata !== null && typeof row.data_metadata === 'object' ? row.data_metadata : null);
  }
  return [...byKey.values()].map((a) => ({
    id: a.id,
    experiment: a.experiment,
    score: a.n > 0 ? a.sum / a.n : null,
    outputLength: a.output === null ? null : textLength(a.output),
    turns: a.conversation === null ? null : countTurns(a.conversation),
    metadata: a.metadata === null ? null : parseMetadata(a.metadata),
  }));
}

function stat(label: string, members: readonly CaseRecord[], valueOf: (c: CaseRecord) => number | null): BinStat {
  const scored = members.filter((c) => c.score !== null);
  const values = members.map(valueOf).filter((v): v is number => v !== null);
  return {
    label,
    count: members.length,
    mean: scored.length > 0 ? scored.reduce((s, c) => s + c.score!, 0) / scored.length : null,
    passRate: scored.length > 0 ? scored.filter((c) => c.score! >= PASS_MARK).length / scored.length : null,
    meanValue: values.length > 0 ? values.reduce((s, v) => s + v, 0) / values.length : null,
  };
}

/** Count, mean score and pass rate of the cases in each bin of `valueOf`; cases without a value are left out. */
export function binCases(cases: readonly CaseRecord[], bins: readonly BinDef[], valueOf: (c: CaseRecord) => number | null): BinStat[] {
  return bins.map((b) =>
    stat(
      b.label,
      cases.filter((c) => {
        const v = valueOf(c);
        return v !== null && v >= b.min && v < b.max;
      }),
      valueOf,
    ),
  );
}

/** Top-level metadata keys across the cases, most common first, then by name. */
export function metadataKeys(cases: readonly CaseRecord[]): string[] {
  const counts = new Map<string, number>();
  for (const c of cases) for (const k of Object.keys(c.metadata ?? {})) counts.set(k, (counts.get(k) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k]) => k);
}

function groupLabel(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** Cases grouped by the value of one metadata key, largest group first, then by name. */
export function groupByMetadata(cases: readonly CaseRecord[], key: string): BinStat[] {
  const groups = new Map<string, CaseRecord[]>();
  for (const c of cases) {
    const label = groupLabel(c.metadata?.[key]);
    if (label === null) continue;
    const members = groups.get(label);
    if (members) members.push(c);
    else groups.set(label, [c]);
  }
  return [...groups.entries()]
    .map(([label, members]) => stat(label, members, () => null))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}
