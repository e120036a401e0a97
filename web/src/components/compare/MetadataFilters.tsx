import { X } from 'lucide-react';
import type { MetadataFilterKey } from '../../lib/evaluate/types';

interface MetadataFiltersProps {
  keys: MetadataFilterKey[];
  selected: Record<string, string[]>;
  onChange: (key: string, value: string | null) => void;
  onClear: () => void;
}

/** One select per data_metadata key (values with their case counts, from the server); "Any" removes the key's filter. */
export function MetadataFilters({ keys, selected, onChange, onClear }: MetadataFiltersProps) {
  const active = Object.values(selected).some((v) => v.length > 0);
  if (keys.length === 0) {
    return (
      <p className="text-xs text-ink-muted" data-testid="metadata-filters-empty">
        No metadata to filter by: the cases have no <code>data_metadata</code> object.
      </p>
    );
  }
  return (
    <div className="flex flex-wrap items-end gap-3" role="group" aria-label="Metadata filters" data-testid="metadata-filters">
      {keys.map((k) => (
        <label key={k.key} className="flex flex-col gap-1 text-[11px] font-medium uppercase tracking-wide text-ink-muted">
          {k.key}
          <select
            value={selected[k.key]?.[0] ?? ''}
            onChange={(e) => onChange(k.key, e.target.value === '' ? null : e.target.value)}
            data-testid={`metadata-filter-${k.key}`}
            className="min-w-[8rem] rounded-md border bg-white px-2 py-1 text-xs normal-case tracking-normal text-ink"
          >
            <option value="">Any</option>
            {k.values.map((v) => (
              <option key={v.value} value={v.value}>
                {v.value} ({v.count})
              </option>
            ))}
          </select>
        </label>
      ))}
      {active ? (
        <button type="button" onClick={onClear} className="flex items-center gap-1 rounded-md px-2 py-1 text-xs font-medium text-primary hover:underline" data-testid="metadata-filters-clear">
          <X className="h-3.5 w-3.5" aria-hidden="true" />
          Clear filters
        </button>
      ) : null}
    </div>
  );
}
