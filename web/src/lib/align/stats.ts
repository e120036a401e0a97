import type { AlignmentMetrics, Interval } from './types';

export type KappaBand = 'slight' | 'fair' | 'moderate' | 'substantial' | 'almost perfect';

/** The verbal band of Cohen's κ: <.2 slight, <.4 fair, <.6 moderate, <.8 substantial, else almost perfect. */
export function kappaBand(kappa: number): KappaBand {
  if (kappa < 0.2) return 'slight';
  if (kappa < 0.4) return 'fair';
  if (kappa < 0.6) return 'moderate';
  if (kappa < 0.8) return 'substantial';
  return 'almost perfect';
}

/** An interval wider than this says more labels are needed before κ can be trusted. */
export const WIDE_INTERVAL = 0.4;

export function isWide(interval: Interval): boolean {
  return interval.high - interval.low > WIDE_INTERVAL;
}

/** "κ 0.62 (95 % CI 0.41–0.80)"; just "κ 0.62" without an interval. */
export function kappaText(kappa: number, interval: Interval | null, level: number | null): string {
  const head = `κ ${kappa.toFixed(2)}`;
  if (!interval || level === null) return head;
  const percent = Math.round(level * 100);
  return `${head} (${percent} % CI ${interval.low.toFixed(2)}–${interval.high.toFixed(2)})`;
}

export interface Confusion {
  tn: number;
  fp: number;
  fn: number;
  tp: number;
}

export function confusion(metrics: Pick<AlignmentMetrics, 'confusion_matrix'>): Confusion {
  const m = metrics.confusion_matrix;
  return { tn: m[0]?.[0] ?? 0, fp: m[0]?.[1] ?? 0, fn: m[1]?.[0] ?? 0, tp: m[1]?.[1] ?? 0 };
}

export type Leaning = 'too lenient' | 'too strict' | 'balanced';

/** More false positives than false negatives: the judge accepts what humans reject (too lenient); the reverse is too strict. */
export function leaning(c: Confusion): Leaning {
  if (c.fp > c.fn) return 'too lenient';
  if (c.fn > c.fp) return 'too strict';
  return 'balanced';
}

export interface DiffLine {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/** A line diff of two texts (longest common subsequence): removed lines before the added ones. */
export function lineDiff(before: string, after: string): DiffLine[] {
  const a = before.split('\n');
  const b = after.split('\n');
  const n = a.length;
  const m = b.length;
  // lcs(i, j): length of the longest common subsequence of a[i..] and b[j..].
  const table = new Int32Array((n + 1) * (m + 1));
  const lcs = (i: number, j: number) => table[i * (m + 1) + j] ?? 0;
  for (let i = n - 1; i >= 0; i -= 1) {
    for (let j = m - 1; j >= 0; j -= 1) {
      table[i * (m + 1) + j] = a[i] === b[j] ? lcs(i + 1, j + 1) + 1 : Math.max(lcs(i + 1, j), lcs(i, j + 1));
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      out.push({ kind: 'same', text: a[i] ?? '' });
      i += 1;
      j += 1;
    } else if (i < n && (j >= m || lcs(i + 1, j) >= lcs(i, j + 1))) {
      out.push({ kind: 'removed', text: a[i] ?? '' });
      i += 1;
    } else {
      out.push({ kind: 'added', text: b[j] ?? '' });
      j += 1;
    }
  }
  return out;
}

export const CRITERIA_PLACEHOLDER = '{evaluation_criteria}';

/** The instruction the judge reads: the prompt with the criteria put in its placeholder. */
export function judgeInstruction(systemPrompt: string, criteria: string): string {
  return systemPrompt.split(CRITERIA_PLACEHOLDER).join(criteria);
}
