import type { Dataset, DatasetColumn } from './types';

/** Newest first by created_at; entries without a date keep their server order after dated ones. */
export function sortNewestFirst(datasets: readonly Dataset[]): Dataset[] {
  const time = (d: Dataset) => {
    const t = d.created_at ? Date.parse(d.created_at) : Number.NaN;
    return Number.isNaN(t) ? null : t;
  };
  return datasets
    .map((d, i) => ({ d, i, t: time(d) }))
    .sort((a, b) => {
      if (a.t === null && b.t === null) return a.i - b.i;
      if (a.t === null) return 1;
      if (b.t === null) return -1;
      return b.t - a.t || a.i - b.i;
    })
    .map((x) => x.d);
}

export interface DatasetPreference {
  /** Kinds to default to, best first. */
  kinds?: readonly string[];
  /** When no dataset has a preferred kind, default to the newest of any kind (true) or to none. */
  fallbackToAny?: boolean;
  /** Only datasets of these kinds can be chosen (and are listed); all kinds when absent. */
  only?: readonly string[];
}

/** The datasets a page may choose from under its preference. */
export function choosable(datasets: Dataset[] | undefined, preference: DatasetPreference): Dataset[] | undefined {
  const only = preference.only;
  if (!datasets || !only) return datasets;
  return datasets.filter((d) => typeof d.kind === 'string' && only.includes(d.kind));
}

/**
 * Which dataset a page shows: the one in the URL, else the remembered one, else the newest of
 * the preferred kinds, else (when allowed) the newest of any kind. Ids the server no longer lists
 * are skipped once the list has loaded (datasets === undefined means "not loaded yet": the URL or
 * remembered id is trusted until then).
 */
export function resolveDatasetId(
  urlId: string | null,
  storedId: string | null,
  datasets: readonly Dataset[] | undefined,
  preference: DatasetPreference = {},
): string | null {
  if (datasets === undefined) return urlId || storedId || null;
  const known = (id: string | null) => !!id && datasets.some((d) => d.id === id);
  if (known(urlId)) return urlId;
  if (known(storedId)) return storedId;
  const sorted = sortNewestFirst(datasets);
  for (const kind of preference.kinds ?? []) {
    const hit = sorted.find((d) => d.kind === kind);
    if (hit) return hit.id;
  }
  return preference.fallbackToAny === false ? null : (sorted[0]?.id ?? null);
}

/** Column names from a dataset's {name,type} columns or a reply's list of names. */
export function columnNames(columns: readonly (string | DatasetColumn)[] | undefined): string[] {
  if (!Array.isArray(columns)) return [];
  return columns
    .map((c) => (typeof c === 'string' ? c : c && typeof c === 'object' ? c.name : ''))
    .filter((n): n is string => typeof n === 'string' && n !== '');
}

export function datasetLabel(d: Dataset | null | undefined): string {
  if (!d) return 'No dataset';
  return d.name?.trim() || `Dataset ${d.id.slice(0, 8)}`;
}
