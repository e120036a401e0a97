import { cn } from '../../lib/cn';
import { formatScore, scoreTone, TONE_HEX, TONE_TEXT } from '../../lib/evaluate/format';

export function ScoreText({ value, className, digits = 3 }: { value: unknown; className?: string; digits?: number }) {
  return <span className={cn('font-semibold tabular-nums', TONE_TEXT[scoreTone(value)], className)}>{formatScore(value, digits)}</span>;
}

const PILL = {
  success: 'bg-success/10 text-success ring-success/25',
  warning: 'bg-warning/10 text-warning ring-warning/25',
  error: 'bg-error/10 text-error ring-error/25',
  neutral: 'bg-canvas text-ink-muted ring-line',
};

export function ScorePill({ value, testId }: { value: unknown; testId?: string }) {
  return (
    <span data-testid={testId} className={cn('inline-flex min-w-[3.5rem] justify-center rounded-full px-2 py-0.5 text-xs font-semibold tabular-nums ring-1', PILL[scoreTone(value)])}>
      {formatScore(value)}
    </span>
  );
}

export function TypeBadge({ label }: { label: string }) {
  const isComponent = label !== 'METRIC';
  return (
    <span
      className={cn(
        'inline-flex rounded px-1.5 py-0.5 text-[10px] font-semibold tracking-wide',
        isComponent ? 'bg-primary-pale/60 text-primary-dark' : 'bg-canvas text-ink-muted ring-1 ring-line',
      )}
    >
      {label}
    </span>
  );
}

const BAND_COLOURS = [TONE_HEX.error, TONE_HEX.error, TONE_HEX.warning, TONE_HEX.success, TONE_HEX.success];

/** Five bars for the score bins 0–0.2 … 0.8–1.0, as returned by the server. */
export function Sparkline({ bins, testId }: { bins: number[] | null | undefined; testId?: string }) {
  const values = Array.isArray(bins) ? bins.slice(0, 5).map((v) => (typeof v === 'number' && v > 0 ? v : 0)) : [];
  if (values.length === 0) return <span className="text-xs text-ink-muted">—</span>;
  const max = Math.max(1, ...values);
  const total = values.reduce((a, b) => a + b, 0);
  const w = 9;
  const gap = 3;
  const h = 24;
  const title = values.map((v, i) => `${(i * 0.2).toFixed(1)}–${((i + 1) * 0.2).toFixed(1)}: ${v}`).join(', ');
  return (
    <svg width={values.length * (w + gap) - gap} height={h} role="img" aria-label={`Score distribution: ${title}`} data-testid={testId}>
      <title>{`${title} (n=${total})`}</title>
      {values.map((v, i) => {
        const bh = v === 0 ? 1.5 : Math.max(3, (v / max) * h);
        return <rect key={i} x={i * (w + gap)} y={h - bh} width={w} height={bh} rx={1.5} fill={v === 0 ? '#E1E5EA' : BAND_COLOURS[i]} opacity={v === 0 ? 1 : 0.85} />;
      })}
    </svg>
  );
}

/** A thin horizontal bar filling to the score, coloured by band. */
export function ScoreBar({ value }: { value: unknown }) {
  const v = typeof value === 'number' && Number.isFinite(value) ? Math.max(0, Math.min(1, value)) : 0;
  return (
    <div className="h-1.5 w-full overflow-hidden rounded-full bg-canvas ring-1 ring-line/60">
      <div className="h-full rounded-full" style={{ width: `${v * 100}%`, background: TONE_HEX[scoreTone(value)] }} />
    </div>
  );
}
