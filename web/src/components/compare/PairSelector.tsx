import { ArrowLeftRight } from 'lucide-react';

interface PairSelectorProps {
  experiments: string[];
  baseline: string | null;
  challenger: string | null;
  onChange: (pair: { baseline: string | null; challenger: string | null }) => void;
}

function Select({ label, value, options, onChange, testId, accent }: { label: string; value: string | null; options: string[]; onChange: (v: string | null) => void; testId: string; accent: string }) {
  return (
    <label className="flex min-w-0 flex-1 flex-col gap-1">
      <span className="flex items-center gap-1.5 text-[11px] font-semibold uppercase tracking-wide text-ink-muted">
        <span className="h-2 w-2 rounded-full" style={{ background: accent }} />
        {label}
      </span>
      <select
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value || null)}
        data-testid={testId}
        className="w-full rounded-lg border bg-white px-3 py-2 text-sm font-medium text-ink focus:border-primary-soft focus:outline-none"
      >
        <option value="">Choose an experiment…</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Baseline and challenger pickers with a swap button. */
export function PairSelector({ experiments, baseline, challenger, onChange, colors }: PairSelectorProps & { colors: [string, string] }) {
  return (
    <div className="flex flex-wrap items-end gap-3 rounded-xl border bg-white p-4 shadow-card" data-testid="pair-selector">
      <Select
        label="Baseline"
        value={baseline}
        options={experiments.filter((e) => e !== challenger)}
        onChange={(v) => onChange({ baseline: v, challenger })}
        testId="baseline-select"
        accent={colors[0]}
      />
      <button
        type="button"
        onClick={() => onChange({ baseline: challenger, challenger: baseline })}
        disabled={!baseline && !challenger}
        aria-label="Swap baseline and challenger"
        title="Swap"
        data-testid="swap-pair"
        className="mb-0.5 flex h-9 w-9 items-center justify-center rounded-full border bg-white text-ink-secondary transition hover:border-primary-soft hover:text-primary disabled:opacity-40"
      >
        <ArrowLeftRight className="h-4 w-4" aria-hidden="true" />
      </button>
      <Select
        label="Challenger"
        value={challenger}
        options={experiments.filter((e) => e !== baseline)}
        onChange={(v) => onChange({ baseline, challenger: v })}
        testId="challenger-select"
        accent={colors[1]}
      />
    </div>
  );
}
