import { describe, expect, it } from 'vitest';
import { choosable, columnNames, datasetLabel, resolveDatasetId, sortNewestFirst } from './datasets';
import { dataset } from '../../test/replies';
import type { Dataset } from './types';

const LIST: Dataset[] = [
  dataset({ id: 'old-eval', kind: 'evaluation', created_at: '2025-01-01T00:00:00Z' }),
  dataset({ id: 'new-ann', kind: 'annotation', created_at: '2025-03-01T00:00:00Z' }),
  dataset({ id: 'mid-eval', kind: 'evaluation', created_at: '2025-02-01T00:00:00Z' }),
];

describe('dataset choice', () => {
  it('orders newest first, undated last', () => {
    expect(sortNewestFirst([...LIST, dataset({ id: 'undated', created_at: '' })]).map((d) => d.id)).toEqual(['new-ann', 'mid-eval', 'old-eval', 'undated']);
  });

  it('prefers the URL, then the remembered id, then the newest of the preferred kind', () => {
    expect(resolveDatasetId('old-eval', 'mid-eval', LIST, { kinds: ['evaluation'] })).toBe('old-eval');
    expect(resolveDatasetId(null, 'old-eval', LIST, { kinds: ['evaluation'] })).toBe('old-eval');
    expect(resolveDatasetId('gone', 'also-gone', LIST, { kinds: ['evaluation'] })).toBe('mid-eval');
    expect(resolveDatasetId(null, null, LIST, { kinds: ['calibration', 'annotation'] })).toBe('new-ann');
  });

  it('falls back to the newest of any kind only when allowed', () => {
    expect(resolveDatasetId(null, null, LIST, { kinds: ['calibration'] })).toBe('new-ann');
    expect(resolveDatasetId(null, null, LIST, { kinds: ['calibration'], fallbackToAny: false })).toBeNull();
    expect(resolveDatasetId(null, null, [], {})).toBeNull();
  });

  it('trusts the URL or remembered id while the list is still loading', () => {
    expect(resolveDatasetId('x', 'y', undefined)).toBe('x');
    expect(resolveDatasetId(null, 'y', undefined)).toBe('y');
    expect(resolveDatasetId(null, null, undefined)).toBeNull();
  });

  it('reads column names in either shape and labels datasets', () => {
    expect(columnNames([{ name: 'a', type: 'VARCHAR' }, 'b', { name: '', type: 'VARCHAR' }])).toEqual(['a', 'b']);
    expect(columnNames(undefined)).toEqual([]);
    expect(datasetLabel(dataset({ id: '0123456789abcdef', name: '  ' }))).toBe('Dataset 01234567');
    expect(datasetLabel(dataset({ id: 'x', name: 'results.csv' }))).toBe('results.csv');
  });

  it('limits the choice to the kinds a page works on', () => {
    const list: Dataset[] = [dataset({ id: 'm', kind: 'monitoring' }), dataset({ id: 'e', kind: 'evaluation' }), dataset({ id: 'n', kind: '' })];
    expect(choosable(list, { only: ['monitoring'] })?.map((d) => d.id)).toEqual(['m']);
    expect(choosable(list, {})).toBe(list);
    expect(choosable(undefined, { only: ['monitoring'] })).toBeUndefined();
  });
});
