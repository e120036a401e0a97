import { useCallback, useEffect, useMemo } from 'react';
import { useSourceStore } from '../../stores/sourceStore';
import { useSources } from '../queries';
import { useSearchParam } from '../useSearchParam';
import { resolveSource, sourcesWith } from './sources';
import type { SourceEntry, SourceKind } from './types';

export const SOURCE_PARAM = 'source_name';

interface SelectionOptions {
  /** Only the sources with rows of this kind get a tab; all of them without. */
  kind?: SourceKind;
  /** True when the page offers "All sources" (then the default); else the first source is the default. */
  allowAll: boolean;
}

export interface SourceSelection {
  /** The tabs of this page, in the server's order. */
  sources: SourceEntry[];
  /** The chosen source; null for all sources. */
  selected: SourceEntry | null;
  select: (id: string | null) => void;
  /** The source list is still loading. */
  pending: boolean;
  error: unknown;
  refetch: () => unknown;
}

/**
 * The chosen source, shared by every page that shows a SourceSelector: it lives in the URL
 * (`?source_name=<id>`, so links preset it) and in localStorage (so a choice made on one page is the
 * choice on the others). A URL value may name the id, a stored source_name or a label; it is
 * remembered as the id. A choice this page has no tab for falls back to the page's default without
 * being forgotten.
 */
export function useSourceSelection({ kind, allowAll }: SelectionOptions): SourceSelection {
  const query = useSources();
  const [inUrl, setUrl] = useSearchParam(SOURCE_PARAM);
  const chosen = useSourceStore((s) => s.chosen);
  const setChosen = useSourceStore((s) => s.setChosen);
  const all = query.data?.sources;
  const sources = useMemo(() => sourcesWith(all, kind), [all, kind]);
  const wanted = inUrl ?? chosen;
  const selected = resolveSource(wanted, sources) ?? (allowAll ? null : (sources[0] ?? null));

  // A value arriving in the URL (a link, or another tab of this page) becomes the remembered choice.
  // Runs when the URL value changes only, so a choice made here is not overwritten by the old URL.
  useEffect(() => {
    if (inUrl === null || !all) return;
    const hit = resolveSource(inUrl, all);
    if (!hit) return;
    if (hit.id !== useSourceStore.getState().chosen) setChosen(hit.id);
    if (hit.id !== inUrl) setUrl(hit.id);
  }, [inUrl, all, setChosen, setUrl]);

  const select = useCallback(
    (id: string | null) => {
      setUrl(id, { push: true });
      setChosen(id ?? '');
    },
    [setChosen, setUrl],
  );

  return { sources, selected, select, pending: query.isPending, error: query.error, refetch: query.refetch };
}
