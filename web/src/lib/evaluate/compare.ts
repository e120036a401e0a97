import type { AgreementPair } from './types';

export type Side = 'baseline' | 'challenger' | 'tie';

/** Reads a winner given as "Baseline", "Challenger", "Tie" or an experiment's own name. */
export function winnerSide(winner: string | null | undefined, baseline: string, challenger: string): Side {
  if (!winner) return 'tie';
  const w = winner.trim();
  if (w.toLowerCase() === 'baseline' || w === baseline) return 'baseline';
  if (w.toLowerCase() === 'challenger' || w === challenger) return 'challenger';
  return 'tie';
}

export function sideName(side: Side, baseline: string, challenger: string): string {
  if (side === 'baseline') return baseline;
  if (side === 'challenger') return challenger;
  return 'Tie';
}

/**
 * The baseline/challenger pair to show: the remembered one when both still exist and differ,
 * else the first two experiments in the server's order (the pair the server compares by default),
 * keeping a remembered side that is still valid.
 */
export function resolvePair(
  experiments: readonly string[],
  stored: { baseline: string | null; challenger: string | null } | undefined,
): { baseline: string | null; challenger: string | null } {
  const ok = (v: string | null | undefined): v is string => !!v && experiments.includes(v);
  if (stored && ok(stored.baseline) && ok(stored.challenger) && stored.baseline !== stored.challenger) {
    return { baseline: stored.baseline, challenger: stored.challenger };
  }
  if (experiments.length < 2) return { baseline: null, challenger: null };
  const baseline = stored && ok(stored.baseline) ? stored.baseline : stored && ok(stored.challenger) ? null : experiments[0]!;
  const challenger = stored && ok(stored.challenger) ? stored.challenger : null;
  const pickOther = (taken: string | null) => experiments.find((e) => e !== taken) ?? null;
  const b = baseline ?? pickOther(challenger);
  const c = challenger && challenger !== b ? challenger : pickOther(b);
  return { baseline: b, challenger: c };
}

/** A symmetric agreement-rate matrix over the experiments (1 on the diagonal, null where unknown). */
export function agreementMatrix(pairs: readonly Pick<AgreementPair, 'model1' | 'model2' | 'rate'>[], experiments: readonly string[]): { labels: string[]; values: Array<Array<number | null>> } {
  const labels = [...experiments];
  for (const p of pairs) {
    if (!labels.includes(p.model1)) labels.push(p.model1);
    if (!labels.includes(p.model2)) labels.push(p.model2);
  }
  const rate = (a: string, b: string): number | null => {
    if (a === b) return 1;
    const hit = pairs.find((p) => (p.model1 === a && p.model2 === b) || (p.model1 === b && p.model2 === a));
    return typeof hit?.rate === 'number' && Number.isFinite(hit.rate) ? hit.rate : null;
  };
  return { labels, values: labels.map((a) => labels.map((b) => rate(a, b))) };
}
