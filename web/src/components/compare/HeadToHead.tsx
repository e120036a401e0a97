import { Equal, Trophy } from 'lucide-react';
import { cn } from '../../lib/cn';
import { sideName, winnerSide } from '../../lib/evaluate/compare';
import { formatPercentChange } from '../../lib/evaluate/format';
import type { CompareResponse } from '../../lib/evaluate/types';

interface HeadToHeadProps {
  data: CompareResponse;
  baseline: string;
  challenger: string;
}

function Stat({ label, value, hint, testId, tone }: { label: string; value: string; hint?: string; testId?: string; tone?: string }) {
  return (
    <div className="rounded-xl border bg-white px-4 py-3 shadow-card">
      <p className={cn('text-2xl font-bold tabular-nums text-ink', tone)} data-testid={testId}>
        {value}
      </p>
      <p className="text-xs font-medium text-ink-muted">{label}</p>
      {hint ? <p className="text-[11px] text-ink-muted">{hint}</p> : null}
    </div>
  );
}

/** Winner banner and the summary counts of a two-experiment comparison. */
export function HeadToHead({ data, baseline, challenger }: HeadToHeadProps) {
  const s = data.summary ?? {};
  const side = winnerSide(s.winner, baseline, challenger);
  const name = sideName(side, baseline, challenger);
  const change = s.avg_improvement;
  const changeTone = typeof change === 'number' ? (change > 0 ? 'text-success' : change < 0 ? 'text-error' : '') : '';
  return (
    <div className="grid gap-4 lg:grid-cols-5" data-testid="head-to-head">
      <div
        className={cn(
          'flex items-center gap-4 rounded-xl border p-4 shadow-card lg:col-span-2',
          side === 'tie' ? 'bg-white' : 'border-accent-gold/40 bg-gradient-to-br from-accent-gold/10 to-white',
        )}
      >
        <div className={cn('flex h-12 w-12 shrink-0 items-center justify-center rounded-full', side === 'tie' ? 'bg-canvas text-ink-muted' : 'bg-accent-gold text-white')}>
          {side === 'tie' ? <Equal className="h-6 w-6" aria-hidden="true" /> : <Trophy className="h-6 w-6" aria-hidden="true" />}
        </div>
        <div className="min-w-0">
          <p className="text-xs font-semibold uppercase tracking-wide text-ink-muted" data-testid="compare-winner-side" data-side={side}>
            {side === 'tie' ? 'Result' : `Winner · ${side}`}
          </p>
          <p className="truncate text-xl font-bold text-ink" data-testid="compare-winner">
            {side === 'tie' ? 'No clear winner' : name}
          </p>
          <p className="text-xs text-ink-muted">
            Decided by significant metric wins ({s.significant_baseline_wins ?? 0} vs {s.significant_challenger_wins ?? 0}), then by all wins.
          </p>
        </div>
      </div>
      <Stat label={`Metrics won by ${baseline}`} value={String(s.baseline_wins ?? 0)} hint={`${s.significant_baseline_wins ?? 0} significant`} testId="baseline-wins" />
      <Stat label={`Metrics won by ${challenger}`} value={String(s.challenger_wins ?? 0)} hint={`${s.significant_challenger_wins ?? 0} significant · ${s.ties ?? 0} ties`} testId="challenger-wins" />
      <Stat label="Overall change (mean % per metric)" value={formatPercentChange(change)} tone={changeTone} hint={`${challenger} vs ${baseline}`} testId="overall-change" />
    </div>
  );
}
