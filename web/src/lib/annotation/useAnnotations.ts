import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { deleteAnnotation, getAnnotations, saveAnnotation } from './api';
import { initialStudioState, isBlank, normaliseAnnotation, studioReducer, type Patch, type StudioAction, type StudioState } from './studio';
import type { Annotation, AnnotationProgress } from './types';

export type SaveStatus = { state: 'idle' | 'saving' | 'saved' } | { state: 'error'; message: string };

function readProgress(p: Partial<AnnotationProgress> | undefined): AnnotationProgress | null {
  if (!p || typeof p !== 'object') return null;
  const n = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
  return { total: n(p.total), annotated: n(p.annotated), accepted: n(p.accepted), rejected: n(p.rejected), rated: n(p.rated), flagged: n(p.flagged) };
}

export const annotationKeys = {
  list: (datasetId: string) => ['annotations', datasetId] as const,
};

/**
 * The annotations of one dataset: loaded from the server, changed optimistically, saved one
 * request at a time in order, and rolled back when the server refuses a change.
 */
export function useAnnotations(datasetId: string | null) {
  const query = useQuery({
    queryKey: annotationKeys.list(datasetId ?? ''),
    queryFn: ({ signal }) => getAnnotations(datasetId!, signal),
    enabled: !!datasetId,
    staleTime: 0,
    gcTime: 0,
  });
  const [state, setState] = useState<StudioState>(initialStudioState);
  const stateRef = useRef(state);
  const [progress, setProgress] = useState<AnnotationProgress | null>(null);
  const [status, setStatus] = useState<SaveStatus>({ state: 'idle' });
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const pending = useRef(0);

  const dispatch = useCallback((action: StudioAction) => {
    const next = studioReducer(stateRef.current, action);
    stateRef.current = next;
    setState(next);
    return next;
  }, []);

  useEffect(() => {
    dispatch({ type: 'load', annotations: [] });
    setProgress(null);
    setStatus({ state: 'idle' });
  }, [datasetId, dispatch]);

  useEffect(() => {
    if (!query.data) return;
    dispatch({ type: 'load', annotations: (query.data.annotations ?? []).filter((a) => a && a.case_id != null).map(normaliseAnnotation) });
    setProgress(readProgress(query.data.progress));
  }, [query.data, dispatch]);

  const send = useCallback(
    (caseId: string, value: Annotation | null, rollbackTo: Annotation | null) => {
      if (!datasetId) return;
      pending.current += 1;
      setStatus({ state: 'saving' });
      queue.current = queue.current
        .catch(() => undefined)
        .then(async () => {
          try {
            const response = value && !isBlank(value) ? await saveAnnotation(datasetId, value) : await deleteAnnotation(datasetId, caseId);
            const p = readProgress(response?.progress);
            if (p) setProgress(p);
            pending.current -= 1;
            if (pending.current === 0) setStatus({ state: 'saved' });
          } catch (error) {
            pending.current -= 1;
            dispatch({ type: 'restore', caseId, annotation: rollbackTo });
            setStatus({ state: 'error', message: error instanceof Error ? error.message : 'The change could not be saved' });
          }
        });
    },
    [datasetId, dispatch],
  );

  const change = useCallback(
    (caseId: string, patch: Patch) => {
      const before = stateRef.current.annotations[caseId] ?? null;
      const next = dispatch({ type: 'change', caseId, patch });
      const after = next.annotations[caseId] ?? null;
      if (after === before) return;
      send(caseId, isBlank(after) ? null : after, before);
    },
    [dispatch, send],
  );

  const undo = useCallback(() => {
    const last = stateRef.current.undo[stateRef.current.undo.length - 1];
    if (!last) return false;
    const current = stateRef.current.annotations[last.caseId] ?? null;
    dispatch({ type: 'undo' });
    send(last.caseId, last.before, current);
    return true;
  }, [dispatch, send]);

  return {
    annotations: state.annotations,
    undoDepth: state.undo.length,
    lastUndoCase: state.undo[state.undo.length - 1]?.caseId ?? null,
    progress,
    status,
    isLoading: query.isPending && !!datasetId,
    error: query.error,
    refetch: query.refetch,
    change,
    undo,
  };
}
