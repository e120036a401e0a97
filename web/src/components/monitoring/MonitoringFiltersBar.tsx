import { RotateCcw, SlidersHorizontal } from 'lucide-react';
import { activeFilterCount, TIME_PRESETS, type MonitoringFilters, type TimePreset } from '../../lib/monitoring/filters';
import { bucketLabel } from '../../lib/monitoring/format';
import { SelectField } from '../SelectField';

interface MonitoringFiltersBarProps {
  filterValues: Record<string, string[]> | undefined;
  timeRange: { min?: string | null; max?: string | null } | null | undefined;
  filters: MonitoringFilters;
  onChange: (patch: Partial<MonitoringFilters>) => void;
  onReset: () => void;
}

const FIELDS: Array<{ key: 'environment'; label: string }> = [{ key: 'environment', label: 'Environment' }];

const BOUNDS: Array<{ key: 'customStart' | 'customEnd'; label: string; testId: string }> = [
  { key: 'customStart', label: 'From (UTC)', testId: 'monitoring-filter-start' },
  { key: 'customEnd', label: 'To (UTC)', testId: 'monitoring-filter-end' },
];

/** Environment (when the data has it) and a time window counted back from the newest record; the source has its own SourceSelector. */
export function MonitoringFiltersBar({ filterValues, timeRange, filters, onChange, onReset }: MonitoringFiltersBarProps) {
  const active = activeFilterCount(filters);
  return (
    <div className="flex flex-wrap items-center gap-x-5 gap-y-3 rounded-xl border bg-white px-4 py-3 shadow-card" data-testid="monitoring-filters">
      <span className="flex items-center gap-1.5 text-xs font-semibold uppercase tracking-wide text-ink-muted">
        <SlidersHorizontal className="h-3.5 w-3.5" aria-hidden="true" />
        Filters
        {active > 0 ? (
          <span className="rounded-full bg-primary px-1.5 text-[11px] text-white" data-testid="monitoring-filter-count">
            {active}
          </span>
        ) : null}
      </span>
      {FIELDS.map(({ key, label }) => {
        const values = filterValues?.[key] ?? [];
        if (values.length === 0) return null;
        return (
          <SelectField
            key={key}
            label={label}
            value={filters[key]}
            options={values}
            emptyLabel="All"
            onChange={(v) => onChange({ [key]: v })}
            testId={`monitoring-filter-${key}`}
          />
        );
      })}
      <SelectField
        label="Time"
        value={filters.timePreset}
        options={TIME_PRESETS.map((p) => ({ value: p.id, label: p.label }))}
        onChange={(v) => onChange({ timePreset: v as TimePreset })}
        testId="monitoring-filter-time"
      />
      {filters.timePreset === 'custom' ? (
        <span className="flex items-center gap-2 text-xs text-ink-muted">
          {BOUNDS.map(({ key, label, testId }, i) => (
            <span key={key} className="flex items-center gap-2">
              {i > 0 ? 'to' : null}
              <input
                type="datetime-local"
                aria-label={label}
                value={filters[key]}
                onChange={(e) => onChange({ [key]: e.target.value })}
                className="rounded-lg border px-2 py-1 text-xs text-ink"
                data-testid={testId}
              />
            </span>
          ))}
          UTC
        </span>
      ) : null}
      {timeRange?.min && timeRange.max ? (
        <span className="text-[11px] text-ink-muted" data-testid="monitoring-time-range">
          Data from {bucketLabel(timeRange.min, 'hourly')} to {bucketLabel(timeRange.max, 'hourly')} UTC
        </span>
      ) : null}
      {active > 0 ? (
        <button type="button" onClick={onReset} className="ml-auto flex items-center gap-1 text-xs font-medium text-ink-muted hover:text-primary" data-testid="monitoring-filter-reset">
          <RotateCcw className="h-3.5 w-3.5" aria-hidden="true" />
          Reset
        </button>
      ) : null}
    </div>
  );
}
