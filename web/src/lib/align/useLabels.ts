import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { getLabels, saveLabels } from './api';
import { labelsFromStore } from './labels';
import { alignKeys } from './queries';
import type { Label, Labels } from './types';

/** Edits are saved once they have rested this long. */
export const LABEL_SAVE_DELAY_MS = 600;

export type SaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'error';

/**
 * The human labels of one dataset key: loaded from the server, edited locally and saved (all of
 * them, debounced) after each change. A save still pending when the page closes is sent at once.
 */
export function useLabels(key: string) {
  const loaded = useQuery({ queryKey: alignKeys.labels(key), queryFn: ({ signal }) => getLabels(key, signal), staleTime: Infinity, retry: false });
  const [labels, setLabels] = useState<Labels>({});
  const [edited, setEdited] = useState(false);
  const [status, setStatus] = useState<SaveStatus>('idle');
  const [error, setError] = useState<string | null>(null);
  const pending = useRef<Labels | null>(null);

  const stored = loaded.data?.annotations;
  useEffect(() => {
    if (stored && !edited) setLabels(labelsFromStore(stored));
  }, [stored, edited]);

  const save = useCallback(
    async (next: Labels) => {
      pending.current = null;
      setStatus('saving');
      try {
        await saveLabels(key, next);
        setStatus((s) => (s === 'saving' ? 'saved' : s));
        setError(null);
      } catch (e) {
        setStatus('error');
        setError(e instanceof Error ? e.message : 'The labels could not be saved.');
      }
    },
    [key],
  );

  useEffect(() => {
    if (!edited) return undefined;
    pending.current = labels;
    setStatus('pending');
    const timer = setTimeout(() => void save(labels), LABEL_SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [labels, edited, save]);

  useEffect(
    () => () => {
      if (pending.current) void saveLabels(key, pending.current).catch(() => undefined);
    },
    [key],
  );

  const update = useCallback((change: (old: Labels) => Labels) => {
    setEdited(true);
    setLabels(change);
  }, []);

  const set = useCallback((id: string, patch: Partial<Label>) => update((old) => {
    const base = old[id];
    const score = patch.score ?? base?.score;
    if (score === undefined) return old;
    const next: Label = { score };
    const notes = patch.notes ?? base?.notes;
    if (notes) next.notes = notes;
    return { ...old, [id]: next };
  }), [update]);

  const replace = useCallback((next: Labels) => update(() => next), [update]);

  return {
    labels,
    set,
    replace,
    status,
    error,
    isLoading: loaded.isPending,
    loadError: loaded.error,
    /** Labels were stored for this key before this visit. */
    hadStored: !!stored && Object.keys(stored).length > 0,
  };
}
