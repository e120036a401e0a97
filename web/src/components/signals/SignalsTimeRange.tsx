import { CalendarRange } from 'lucide-react';
import { RANGE_OPTIONS, windowLabel, type SignalsRange, type TimeWindow } from '../../lib/signals/timeRange';
import { Segmented } from '../Segmented';

interface SignalsTimeRangeProps {
  range: SignalsRange;
  from: string;
  to: string;
  window: TimeWindow;
  onRange: (range: SignalsRange) => void;
  onCustom: (bound: 'from' | 'to', value: string) => void;
}

/** The time range of every figure on the page: presets counted back from the newest case, or two custom dates. */
export function SignalsTimeRange({ range, from, to, window, onRange, onCustom }: SignalsTimeRangeProps) {
  return (
    <div className="flex flex-wrap items-center gap-3 rounded-xl border bg-white px-4 py-2.5 shadow-card" data-testid="signals-time-range">
      <CalendarRange className="h-4 w-4 text-primary" aria-hidden="true" />
      <Segmented options={RANGE_OPTIONS} value={range} onChange={onRange} label="Time range" testIdPrefix="signals-range" />
      {range === 'custom' ? (
        <div className="flex flex-wrap items-center gap-2 text-xs text-ink-muted">
          <label className="flex items-center gap-1">
            From
            <input type="date" value={from} max={to || undefined} onChange={(e) => onCustom('from', e.target.value)} className="rounded-lg border px-2 py-1 text-sm text-ink" data-testid="signals-range-from" />
          </label>
          <label className="flex items-center gap-1">
            To
            <input type="date" value={to} min={from || undefined} onChange={(e) => onCustom('to', e.target.value)} className="rounded-lg border px-2 py-1 text-sm text-ink" data-testid="signals-range-to" />
          </label>
        </div>
      ) : null}
      <span className="ml-auto text-xs text-ink-muted" data-testid="signals-range-window">
        {windowLabel(window)}
      </span>
    </div>
  );
}
