import { describe, expect, it } from 'vitest';
import {
  UNDO_LIMIT,
  addTag,
  caseIdOf,
  initialStudioState,
  isBlank,
  isPositiveTag,
  keyCommand,
  localProgress,
  moveIndex,
  normaliseAnnotation,
  studioReducer,
  type Patch,
  type StudioState,
} from './studio';
import { exportFilename } from './api';

describe('keyCommand', () => {
  it('maps the studio keys', () => {
    expect(keyCommand({ key: 'a' })).toEqual({ type: 'judge', judgment: 'accept' });
    expect(keyCommand({ key: 'A' })).toEqual({ type: 'judge', judgment: 'accept' });
    expect(keyCommand({ key: 'r' })).toEqual({ type: 'judge', judgment: 'reject' });
    expect(keyCommand({ key: '1' })).toEqual({ type: 'rate', rating: 1 });
    expect(keyCommand({ key: '5' })).toEqual({ type: 'rate', rating: 5 });
    expect(keyCommand({ key: 'f' })).toEqual({ type: 'toggleFlag' });
    expect(keyCommand({ key: 'ArrowRight' })).toEqual({ type: 'next' });
    expect(keyCommand({ key: 'ArrowLeft' })).toEqual({ type: 'prev' });
    expect(keyCommand({ key: 's' })).toEqual({ type: 'skip' });
    expect(keyCommand({ key: 't' })).toEqual({ type: 'focusTags' });
    expect(keyCommand({ key: 'z', ctrlKey: true })).toEqual({ type: 'undo' });
    expect(keyCommand({ key: 'Z', metaKey: true })).toEqual({ type: 'undo' });
  });

  it('ignores keys while typing, other keys, and browser shortcuts', () => {
    expect(keyCommand({ key: 'a', editing: true })).toBeNull();
    expect(keyCommand({ key: 'z', ctrlKey: true, editing: true })).toBeNull();
    expect(keyCommand({ key: '6' })).toBeNull();
    expect(keyCommand({ key: '0' })).toBeNull();
    expect(keyCommand({ key: 'x' })).toBeNull();
    expect(keyCommand({ key: 'r', ctrlKey: true })).toBeNull();
    expect(keyCommand({ key: 'a', altKey: true })).toBeNull();
    expect(keyCommand({ key: 'Enter' })).toBeNull();
  });
});

describe('studioReducer', () => {
  const change = (s: StudioState, caseId: string, patch: Patch) => studioReducer(s, { type: 'change', caseId, patch });

  it('applies changes to a fresh annotation and undoes them in reverse order', () => {
    let s = change(initialStudioState, 'c1', { judgment: 'accept' });
    s = change(s, 'c2', { judgment: 'reject' });
    s = change(s, 'c1', { rating: 4 });
    expect(s.annotations.c1).toMatchObject({ case_id: 'c1', judgment: 'accept', rating: 4, tags: [], flagged: false });
    expect(s.annotations.c2?.judgment).toBe('reject');
    expect(s.undo).toHaveLength(3);

    s = studioReducer(s, { type: 'undo' });
    expect(s.annotations.c1).toMatchObject({ judgment: 'accept', rating: null });
    s = studioReducer(s, { type: 'undo' });
    expect(s.annotations.c2).toBeUndefined();
    s = studioReducer(s, { type: 'undo' });
    expect(s.annotations.c1).toBeUndefined();
    expect(studioReducer(s, { type: 'undo' })).toBe(s);
  });

  it('ignores a change that alters nothing', () => {
    const s = change(initialStudioState, 'c1', { judgment: 'accept', tags: ['a'] });
    expect(change(s, 'c1', { judgment: 'accept' })).toBe(s);
    expect(change(s, 'c1', { tags: ['a'] })).toBe(s);
    expect(change(initialStudioState, 'c9', { flagged: false })).toBe(initialStudioState);
  });

  it('keeps only the last UNDO_LIMIT changes', () => {
    let s = initialStudioState;
    for (let i = 1; i <= UNDO_LIMIT + 5; i += 1) s = change(s, `c${i}`, { rating: (i % 5) + 1 });
    expect(s.undo).toHaveLength(UNDO_LIMIT);
    expect(s.undo[0]?.caseId).toBe('c6');
  });

  it('restores a refused change without touching the undo stack, and loads replace everything', () => {
    let s = change(initialStudioState, 'c1', { judgment: 'accept' });
    s = studioReducer(s, { type: 'restore', caseId: 'c1', annotation: null });
    expect(s.annotations.c1).toBeUndefined();
    expect(s.undo).toHaveLength(1);
    s = studioReducer(s, { type: 'load', annotations: [normaliseAnnotation({ case_id: 'x', judgment: 'reject' })] });
    expect(Object.keys(s.annotations)).toEqual(['x']);
    expect(s.undo).toEqual([]);
  });
});

describe('annotation helpers', () => {
  it('normalises server annotations', () => {
    expect(normaliseAnnotation({ case_id: 'c', judgment: 'maybe' as never, rating: Number.NaN, tags: ['ok', '', 3 as never], flagged: 1 as never })).toEqual({
      case_id: 'c',
      judgment: null,
      rating: null,
      critique: '',
      tags: ['ok'],
      flagged: false,
      updated_at: null,
    });
    expect(isBlank(normaliseAnnotation({ case_id: 'c' }))).toBe(true);
    expect(isBlank(normaliseAnnotation({ case_id: 'c', critique: ' x ' }))).toBe(false);
  });

  it('counts local progress the way the server reports it', () => {
    let s = initialStudioState;
    s = studioReducer(s, { type: 'change', caseId: 'a', patch: { judgment: 'accept', flagged: true } });
    s = studioReducer(s, { type: 'change', caseId: 'b', patch: { rating: 2 } });
    s = studioReducer(s, { type: 'change', caseId: 'c', patch: { flagged: true } });
    expect(localProgress(s.annotations, 10)).toEqual({ total: 10, annotated: 2, accepted: 1, rejected: 0, rated: 1, flagged: 2 });
  });

  it('moves between records and skips to the next pending one', () => {
    expect(moveIndex('next', 0, 3)).toBe(1);
    expect(moveIndex('next', 2, 3)).toBe(2);
    expect(moveIndex('prev', 0, 3)).toBe(0);
    const done = [true, true, true, false, true];
    expect(moveIndex('skip', 0, 5, (i) => done[i])).toBe(3);
    expect(moveIndex('skip', 3, 5, (i) => done[i])).toBe(4);
    expect(moveIndex('skip', 0, 5, (i) => (i < 2 ? true : undefined))).toBe(2);
    expect(moveIndex('next', 0, 0)).toBe(0);
  });

  it('normalises tags and colours them', () => {
    expect(addTag(['accurate'], '  Off Topic ')).toEqual(['accurate', 'off-topic']);
    expect(addTag(['accurate'], 'ACCURATE')).toEqual(['accurate']);
    expect(addTag([], '   ')).toEqual([]);
    expect(isPositiveTag('Helpful')).toBe(true);
    expect(isPositiveTag('hallucination')).toBe(false);
  });

  it('finds the case id of a row', () => {
    expect(caseIdOf({ dataset_id: 'ann_001', id: 'x' })).toBe('ann_001');
    expect(caseIdOf({ id: 7 })).toBe('7');
    expect(caseIdOf({ dataset_id: '', case_id: 'c' })).toBe('c');
    expect(caseIdOf({ query: 'q' })).toBeNull();
    expect(caseIdOf(undefined)).toBeNull();
  });

  it('names the export file by date', () => {
    expect(exportFilename(new Date('2025-06-07T23:00:00Z'))).toBe('annotated-data-2025-06-07.csv');
  });
});
