import type { Annotation, AnnotationProgress, Judgment } from './types';

export const UNDO_LIMIT = 20;

export type Command =
  | { type: 'judge'; judgment: Judgment }
  | { type: 'rate'; rating: number }
  | { type: 'toggleFlag' }
  | { type: 'next' }
  | { type: 'prev' }
  | { type: 'skip' }
  | { type: 'undo' }
  | { type: 'focusTags' };

export interface KeyInput {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  /** True while focus is in a text field, where every key belongs to the field. */
  editing?: boolean;
}

/** Maps a key press to a studio command; null for keys the studio leaves alone. */
export function keyCommand(input: KeyInput): Command | null {
  if (input.editing) return null;
  const key = input.key.length === 1 ? input.key.toLowerCase() : input.key;
  if (input.ctrlKey || input.metaKey) {
    return key === 'z' && !input.altKey ? { type: 'undo' } : null;
  }
  if (input.altKey) return null;
  switch (key) {
    case 'a':
      return { type: 'judge', judgment: 'accept' };
    case 'r':
      return { type: 'judge', judgment: 'reject' };
    case 'f':
      return { type: 'toggleFlag' };
    case 's':
      return { type: 'skip' };
    case 't':
      return { type: 'focusTags' };
    case 'ArrowRight':
    case 'k':
      return { type: 'next' };
    case 'ArrowLeft':
    case 'j':
      return { type: 'prev' };
    default:
      if (/^[1-5]$/.test(key)) return { type: 'rate', rating: Number(key) };
      return null;
  }
}

export function emptyAnnotation(caseId: string): Annotation {
  return { case_id: caseId, judgment: null, rating: null, critique: '', tags: [], flagged: false };
}

/** Reads one annotation from the server, tolerating missing or odd fields. */
export function normaliseAnnotation(raw: Partial<Annotation> & { case_id: string }): Annotation {
  const judgment = raw.judgment === 'accept' || raw.judgment === 'reject' ? raw.judgment : null;
  const rating = typeof raw.rating === 'number' && Number.isFinite(raw.rating) ? raw.rating : null;
  const tags = Array.isArray(raw.tags) ? raw.tags.filter((t): t is string => typeof t === 'string' && t.trim() !== '') : [];
  return {
    case_id: String(raw.case_id),
    judgment,
    rating,
    critique: typeof raw.critique === 'string' ? raw.critique : '',
    tags,
    flagged: raw.flagged === true,
    updated_at: raw.updated_at ?? null,
  };
}

/** True when an annotation carries nothing worth keeping. */
export function isBlank(a: Annotation | null | undefined): boolean {
  return !a || (a.judgment === null && a.rating === null && a.critique.trim() === '' && a.tags.length === 0 && !a.flagged);
}

export type Patch = Partial<Pick<Annotation, 'judgment' | 'rating' | 'critique' | 'tags' | 'flagged'>>;

export interface UndoEntry {
  caseId: string;
  before: Annotation | null;
}

export interface StudioState {
  annotations: Record<string, Annotation>;
  undo: UndoEntry[];
}

export type StudioAction =
  | { type: 'load'; annotations: Annotation[] }
  | { type: 'change'; caseId: string; patch: Patch }
  | { type: 'undo' }
  | { type: 'restore'; caseId: string; annotation: Annotation | null };

export const initialStudioState: StudioState = { annotations: {}, undo: [] };

function put(map: Record<string, Annotation>, caseId: string, value: Annotation | null): Record<string, Annotation> {
  const next = { ...map };
  if (value) next[caseId] = value;
  else delete next[caseId];
  return next;
}

function samePatch(before: Annotation | null, after: Annotation): boolean {
  const b = before ?? emptyAnnotation(after.case_id);
  return (
    b.judgment === after.judgment &&
    b.rating === after.rating &&
    b.critique === after.critique &&
    b.flagged === after.flagged &&
    b.tags.length === after.tags.length &&
    b.tags.every((t, i) => t === after.tags[i])
  );
}

/**
 * Local annotation state with an undo stack of the last UNDO_LIMIT changes. "change" is a no-op
 * when it alters nothing; "restore" puts back a value without touching the undo stack (used to
 * roll back a change the server refused).
 */
export function studioReducer(state: StudioState, action: StudioAction): StudioState {
  switch (action.type) {
    case 'load': {
      const annotations: Record<string, Annotation> = {};
      for (const a of action.annotations) annotations[a.case_id] = a;
      return { annotations, undo: [] };
    }
    case 'change': {
      const before = state.annotations[action.caseId] ?? null;
      const after: Annotation = { ...(before ?? emptyAnnotation(action.caseId)), ...action.patch, case_id: action.caseId };
      if (samePatch(before, after)) return state;
      const undo = [...state.undo, { caseId: action.caseId, before }].slice(-UNDO_LIMIT);
      return { annotations: put(state.annotations, action.caseId, after), undo };
    }
    case 'undo': {
      const last = state.undo[state.undo.length - 1];
      if (!last) return state;
      return { annotations: put(state.annotations, last.caseId, last.before), undo: state.undo.slice(0, -1) };
    }
    case 'restore':
      return { ...state, annotations: put(state.annotations, action.caseId, action.annotation) };
    default:
      return state;
  }
}

/** The counters the progress bar shows, from local annotations (annotated = judged or rated). */
export function localProgress(annotations: Record<string, Annotation>, total: number): AnnotationProgress {
  const list = Object.values(annotations);
  return {
    total,
    annotated: list.filter((a) => a.judgment !== null || a.rating !== null).length,
    accepted: list.filter((a) => a.judgment === 'accept').length,
    rejected: list.filter((a) => a.judgment === 'reject').length,
    rated: list.filter((a) => a.rating !== null).length,
    flagged: list.filter((a) => a.flagged).length,
  };
}

/** The index to move to for next/prev/skip; skip jumps to the next case with no judgment or rating. */
export function moveIndex(
  command: 'next' | 'prev' | 'skip',
  index: number,
  total: number,
  isDone?: (i: number) => boolean | undefined,
): number {
  if (total <= 0) return 0;
  if (command === 'prev') return Math.max(0, index - 1);
  if (command === 'next' || !isDone) return Math.min(total - 1, index + 1);
  for (let i = index + 1; i < total; i += 1) {
    const done = isDone(i);
    if (done === false || done === undefined) return i;
  }
  return Math.min(total - 1, index + 1);
}

const POSITIVE = new Set(['accurate', 'helpful', 'clear', 'concise', 'complete', 'well-formatted', 'correct', 'relevant', 'good', 'great', 'excellent', 'useful']);

/** Positive tags are shown green, the rest red. */
export function isPositiveTag(tag: string): boolean {
  return POSITIVE.has(tag.trim().toLowerCase());
}

/** Trims, lower-cases and de-duplicates a tag list, keeping the first spelling's order. */
export function addTag(tags: readonly string[], tag: string): string[] {
  const t = tag.trim().toLowerCase().replace(/\s+/g, '-');
  if (t === '' || tags.includes(t)) return [...tags];
  return [...tags, t];
}

/** Case ID of a dataset row: dataset_id, then id, then case_id. */
export function caseIdOf(row: Record<string, unknown> | undefined): string | null {
  if (!row) return null;
  for (const key of ['dataset_id', 'id', 'case_id']) {
    const v = row[key];
    if (typeof v === 'string' && v.trim() !== '') return v;
    if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  }
  return null;
}
