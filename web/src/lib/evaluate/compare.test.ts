import { describe, expect, it, vi } from 'vitest';
import { agreementMatrix, caseCsvColumns, fetchAllPages, resolvePair, sideName, winnerSide } from './compare';
import { toCsv } from './csv';

describe('winner reading', () => {
  it('accepts role names and experiment names', () => {
    expect(winnerSide('Challenger', 'base', 'chal')).toBe('challenger');
    expect(winnerSide('baseline', 'base', 'chal')).toBe('baseline');
    expect(winnerSide('chal', 'base', 'chal')).toBe('challenger');
    expect(winnerSide('Tie', 'base', 'chal')).toBe('tie');
    expect(winnerSide(null, 'base', 'chal')).toBe('tie');
    expect(sideName('baseline', 'base', 'chal')).toBe('base');
    expect(sideName('tie', 'base', 'chal')).toBe('Tie');
  });
});

describe('resolvePair', () => {
  it('auto-selects exactly two experiments', () => {
    expect(resolvePair(['a', 'b'], undefined)).toEqual({ baseline: 'a', challenger: 'b' });
  });

  it('keeps a remembered pair, including a swapped one, while both still exist', () => {
    expect(resolvePair(['a', 'b'], { baseline: 'b', challenger: 'a' })).toEqual({ baseline: 'b', challenger: 'a' });
    expect(resolvePair(['a', 'b', 'c'], { baseline: 'c', challenger: 'a' })).toEqual({ baseline: 'c', challenger: 'a' });
  });

  it('defaults to the first two of several experiments and completes a half-remembered pair', () => {
    expect(resolvePair(['a', 'b', 'c'], undefined)).toEqual({ baseline: 'a', challenger: 'b' });
    expect(resolvePair(['a', 'b', 'c'], { baseline: 'c', challenger: 'gone' })).toEqual({ baseline: 'c', challenger: 'a' });
    expect(resolvePair(['a', 'b', 'c'], { baseline: 'gone', challenger: 'a' })).toEqual({ baseline: 'b', challenger: 'a' });
    expect(resolvePair(['a', 'b', 'c'], { baseline: 'b', challenger: 'b' })).toEqual({ baseline: 'b', challenger: 'a' });
    expect(resolvePair(['only'], undefined)).toEqual({ baseline: null, challenger: null });
  });
});

describe('agreementMatrix', () => {
  it('builds a symmetric matrix with ones on the diagonal', () => {
    const m = agreementMatrix(
      [
        { model1: 'a', model2: 'b', rate: 0.8 },
        { model1: 'c', model2: 'a', rate: 0.5 },
      ],
      ['a', 'b', 'c'],
    );
    expect(m.labels).toEqual(['a', 'b', 'c']);
    expect(m.values).toEqual([
      [1, 0.8, 0.5],
      [0.8, 1, null],
      [0.5, null, 1],
    ]);
  });

  it('adds experiments that only appear in pairs', () => {
    expect(agreementMatrix([{ model1: 'x', model2: 'y', rate: 0.9 }], []).labels).toEqual(['x', 'y']);
  });
});

describe('case export', () => {
  it('names the score columns after the experiments and the winner by name', () => {
    const text = toCsv(
      [
        { dataset_id: 'c1', query: 'q, one', baseline_score: 0.5, challenger_score: 0.75, diff: 0.25, winner: 'Challenger' },
        { dataset_id: 'c2', query: 'q2', baseline_score: 0.6, challenger_score: 0.6, diff: 0, winner: 'Tie' },
      ],
      caseCsvColumns('gpt', 'claude'),
    );
    expect(text.split('\r\n')).toEqual([
      'dataset_id,query,gpt score,claude score,diff,winner',
      'c1,"q, one",0.5,0.75,0.25,claude',
      'c2,q2,0.6,0.6,0,Tie',
      '',
    ]);
  });

  it('fetches pages until the total is reached', async () => {
    const pages = [[1, 2], [3, 4], [5]];
    const fetchPage = vi.fn(async (p: number) => ({ items: pages[p - 1] ?? [], total: 5 }));
    await expect(fetchAllPages(fetchPage)).resolves.toEqual([1, 2, 3, 4, 5]);
    expect(fetchPage).toHaveBeenCalledTimes(3);
  });

  it('stops on an empty page even if the total promised more', async () => {
    const fetchPage = vi.fn(async (p: number) => ({ items: p === 1 ? ['a'] : [], total: 10 }));
    await expect(fetchAllPages(fetchPage)).resolves.toEqual(['a']);
    expect(fetchPage).toHaveBeenCalledTimes(2);
  });
});
