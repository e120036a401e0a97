import { ArrowDownRight, ArrowRight, ArrowUpRight } from 'lucide-react';
import { cn } from '../../lib/cn';
import { TONE_HEX } from '../../lib/evaluate/format';
import { formatKpiValue, trendTone } from '../../lib/kpi/format';
import type { KpiItem } from '../../lib/kpi/types';
import { Sparkline } from '../charts/Sparkline';

const ARROWS = { up: ArrowUpRight, down: ArrowDownRight, flat: ArrowRight };
const TONE_CLASS = { good: 'text-success', bad: 'text-error', flat: 'text-ink-muted' };
const TONE_COLOR = { good: TONE_HEX.success, bad: TONE_HEX.error, flat: TONE_HEX.neutral };

interface KpiTileProps {
  kpi: KpiItem;
  /** Whether its trend chart is open. */
  selected: boolean;
  onSelect: () => void;
}

/** One KPI: value by unit, trend arrow coloured by polarity, 30-day sparkline and record count; a click opens its trend chart. */
export function KpiTile({ kpi, selected, onSelect }: KpiTileProps) {
  const direction = kpi.trend_direction ?? 'flat';
  const tone = trendTone(direction, kpi.polarity);
  const Arrow = ARROWS[direction] ?? ArrowRight;
  return (
    <button
      type="button"
      onClick={onSelect}
      aria-pressed={selected}
      className={cn('block w-full rounded-xl border bg-white p-4 text-left transition hover:border-primary-soft', selected && 'border-primary ring-2 ring-primary/30')}
      data-testid={`kpi-tile-${kpi.kpi_name}`}
    >
      <span className="block truncate text-xs font-medium text-ink-muted">{kpi.display_name ?? kpi.kpi_name}</span>
      <span className="mt-1 flex items-center gap-2">
        <span className="text-2xl font-bold tabular-nums text-ink" data-testid={`kpi-tile-${kpi.kpi_name}-value`}>
          {formatKpiValue(kpi.current_value, kpi.unit)}
        </span>
        <Arrow className={cn('h-4 w-4', TONE_CLASS[tone])} aria-hidden="true" data-testid={`kpi-tile-${kpi.kpi_name}-trend`} data-tone={tone} />
      </span>
      <span className="mt-2 flex items-end justify-between gap-2">
        <Sparkline values={(kpi.sparkline ?? []).map((p) => p.value)} color={TONE_COLOR[tone]} testId={`kpi-tile-${kpi.kpi_name}-spark`} />
        <span className="text-[11px] text-ink-muted">{(kpi.record_count ?? 0).toLocaleString('en-US')} records</span>
      </span>
      <span className="sr-only">
        Trend {direction}. {selected ? 'Hide' : 'Show'} its daily trend.
      </span>
    </button>
  );
}
