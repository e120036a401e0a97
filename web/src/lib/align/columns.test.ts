import { describe, expect, it } from 'vitest';
import { guessColumns, toRecords, unmappedRoles } from './columns';

describe('CaliberHQ columns', () => {
  it('guesses each role from the usual names, case-insensitively', () => {
    expect(guessColumns(['ID', 'Question', 'answer', 'gold', 'x'])).toEqual({ id: 'ID', query: 'Question', response: 'answer', expected: 'gold', display: [] });
    expect(guessColumns(['dataset_id', 'id', 'query', 'actual_output'])).toMatchObject({ id: 'dataset_id', expected: '' });
    expect(unmappedRoles(guessColumns(['text']))).toEqual(['query', 'response']);
  });

  it('copies the chosen columns to the names the judge reads, and numbers records without an id', () => {
    const cols = { id: '', query: 'q', response: 'a', expected: '', display: [] };
    expect(toRecords([{ q: 'Hi?', a: 'Hello' }, { q: 'Bye?', a: 'Bye' }], cols)).toEqual([
      { q: 'Hi?', a: 'Hello', dataset_id: '1', query: 'Hi?', actual_output: 'Hello' },
      { q: 'Bye?', a: 'Bye', dataset_id: '2', query: 'Bye?', actual_output: 'Bye' },
    ]);
  });
});
