import { describe, expect, it } from 'vitest';
import { defaultConfig, displayableColumns, parseTagList, ratingRangeError, ratingValues, resolveConfig, tagsOf, TAG_PRESETS } from './config';

const COLUMNS = ['dataset_id', 'query', 'actual_output', 'retrieved_context', 'judgment', 'critique'];

describe('studio config', () => {
  it('shows query and actual_output by default, and never offers the annotation columns', () => {
    expect(defaultConfig(COLUMNS)).toEqual({ displayColumns: ['query', 'actual_output'], tagPreset: 'standard', customTags: [], rating: { kind: 'range', min: 1, max: 5 } });
    expect(defaultConfig(['prompt', 'answer', 'judgment']).displayColumns).toEqual(['prompt', 'answer']);
    expect(defaultConfig([]).displayColumns).toEqual(['query', 'actual_output']);
    expect(displayableColumns(COLUMNS)).toEqual(['dataset_id', 'query', 'actual_output', 'retrieved_context']);
  });

  it('drops stored columns the dataset no longer has and falls back on bad values', () => {
    const stored = { displayColumns: ['retrieved_context', 'gone'], tagPreset: 'bogus' as never, customTags: ['x'], rating: { kind: 'range' as const, min: 3, max: 2 } };
    expect(resolveConfig(stored, COLUMNS)).toEqual({ displayColumns: ['retrieved_context'], tagPreset: 'standard', customTags: ['x'], rating: { kind: 'range', min: 1, max: 5 } });
    expect(resolveConfig({ displayColumns: ['gone'] }, COLUMNS).displayColumns).toEqual(['query', 'actual_output']);
    expect(resolveConfig({ rating: { kind: 'none' } }, COLUMNS).rating).toEqual({ kind: 'none' });
    expect(resolveConfig(undefined, COLUMNS)).toEqual(defaultConfig(COLUMNS));
  });

  it('gives the tag set of the preset, or the custom tags', () => {
    expect(tagsOf({ ...defaultConfig(COLUMNS), tagPreset: 'sentiment' })).toEqual(TAG_PRESETS.sentiment.tags);
    expect(tagsOf({ ...defaultConfig(COLUMNS), tagPreset: 'custom', customTags: ['on-brand'] })).toEqual(['on-brand']);
    expect(parseTagList(' On Brand, too long\nON BRAND,,  ')).toEqual(['on-brand', 'too-long']);
  });

  it('lists the rating buttons of a range and refuses ranges the server cannot keep', () => {
    expect(ratingValues({ kind: 'range', min: 0, max: 3 })).toEqual([0, 1, 2, 3]);
    expect(ratingValues({ kind: 'none' })).toEqual([]);
    expect(ratingRangeError(1, 10)).toBeNull();
    expect(ratingRangeError(0, 11)).toBe('The server keeps ratings from 0 to 10.');
    expect(ratingRangeError(5, 5)).toBe('The lowest rating must be below the highest.');
    expect(ratingRangeError(1.5, 4)).toBe('Use whole numbers.');
  });
});
