import { useCallback, useEffect, useState } from 'react';

/** How many of the configured case-table columns show until someone picks others. */
export const DEFAULT_VISIBLE_COLUMNS = 7;

const storageKey = (datasetId: string) => `axis-signals-columns:${datasetId}`;

/** The stored choice for a dataset, kept to the columns that still exist and in their configured order; null when none is stored. */
export function readColumnChoice(datasetId: string, available: readonly string[]): string[] | null {
  try {
    const raw = localStorage.getItem(storageKey(datasetId));
    if (!raw) return null;
    const parsed: unknown = JSON.parse(raw);
    if (!Array.isArray(parsed)) return null;
    const chosen = new Set(parsed.filter((k): k is string => typeof k === 'string'));
    const kept = available.filter((k) => chosen.has(k));
    return kept.length > 0 ? kept : null;
  } catch {
    return null;
  }
}

export function writeColumnChoice(datasetId: string, keys: readonly string[] | null) {
  try {
    if (keys === null) localStorage.removeItem(storageKey(datasetId));
    else localStorage.setItem(storageKey(datasetId), JSON.stringify(keys));
  } catch {
    // Storage full or disabled: the choice lasts for this visit only.
  }
}

/**
 * The case-table columns shown for a dataset: the first seven configured ones by default, or the
 * choice stored for this dataset in localStorage (`axis-signals-columns:<dataset id>`), which the
 * setter updates (null goes back to the default).
 */
export function useColumnChoice(datasetId: string, available: readonly string[]): [string[], (keys: string[] | null) => void] {
  const key = available.join('\u0000');
  const fallback = useCallback(() => available.slice(0, DEFAULT_VISIBLE_COLUMNS), [key]);
  const [visible, setVisible] = useState<string[]>(() => readColumnChoice(datasetId, available) ?? fallback());
  useEffect(() => {
    setVisible(readColumnChoice(datasetId, available) ?? fallback());
  }, [datasetId, key]);
  const choose = useCallback(
    (keys: string[] | null) => {
      writeColumnChoice(datasetId, keys);
      setVisible(keys === null ? fallback() : available.filter((k) => keys.includes(k)));
    },
    [datasetId, fallback, key],
  );
  return [visible, choose];
}
