import { describe, expect, it } from 'vitest';
import { agreementMatrix, resolvePair, sideName, winnerSide } from './compare';

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
