export type TimePreset = 'all' | '1h' | '6h' | '24h' | '7d' | '30d' | 'custom';

export interface MonitoringFilters {
  environment: string;
  timePreset: TimePreset;
  /** "YYYY-MM-DDTHH:MM" in UTC, from a datetime-local input. */
  customStart: string;
  customEnd: string;
}

export const EMPTY_FILTERS: MonitoringFilters = { environment: '', timePreset: 'all', customStart: '', customEnd: '' };

export const TIME_PRESETS: Array<{ id: TimePreset; label: string; hours?: number }> = [
  { id: 'all', label: 'All data' },
  { id: '1h', label: 'Last 1h', hours: 1 },
  { id: '6h', label: 'Last 6h', hours: 6 },
  { id: '24h', label: 'Last 24h', hours: 24 },
  { id: '7d', label: 'Last 7d', hours: 24 * 7 },
  { id: '30d', label: 'Last 30d', hours: 24 * 30 },
  { id: 'custom', label: 'Custom' },
];

/** A server timestamp as epoch ms; text without a zone is UTC (the store keeps UTC). */
export function parseUtc(text: string | null | undefined): number | null {
  if (typeof text !== 'string' || text.trim() === '') return null;
  let iso = text.trim().replace(' ', 'T');
  if (!/(Z|[+-]\d\d(:?\d\d)?)$/i.test(iso)) iso += 'Z';
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
}

/** Epoch ms as "2026-01-27T10:00:00Z". */
export function isoUtc(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function customBound(text: string): string | undefined {
  const ms = parseUtc(text);
  return ms === null ? undefined : isoUtc(ms);
}

/**
 * time_start/time_end for the filters. Presets count back from the newest record (so a stored
 * sample from last month still shows its last 24 hours); custom bounds are read as UTC.
 */
export function timeWindow(filters: MonitoringFilters, newest: string | null | undefined): { time_start?: string; time_end?: string } {
  if (filters.timePreset === 'custom') {
    return { time_start: customBound(filters.customStart), time_end: customBound(filters.customEnd) };
  }
  const hours = TIME_PRESETS.find((p) => p.id === filters.timePreset)?.hours;
  const end = parseUtc(newest);
  if (!hours || end === null) return {};
  return { time_start: isoUtc(end - hours * 3_600_000), time_end: isoUtc(end) };
}

export type FilterParams = Record<string, string | undefined>;

/**
 * The query parameters every monitoring analytics call shares. `source` is the SourceSelector's id
 * (the server matches all of an agent's stored names); null for all sources.
 */
export function filterParams(datasetId: string | null, filters: MonitoringFilters, newest: string | null | undefined, source: string | null = null): FilterParams {
  return {
    dataset_id: datasetId ?? undefined,
    environment: filters.environment || undefined,
    source_name: source || undefined,
    ...timeWindow(filters, newest),
  };
}

/** How many of the filters differ from the defaults (the source is chosen in the SourceSelector and not counted). */
export function activeFilterCount(filters: MonitoringFilters): number {
  return [filters.environment !== '', filters.timePreset !== 'all'].filter(Boolean).length;
}
