import { describe, expect, it } from 'vitest';
import { correlationMatrix, leafMetricNames, overallPassRate } from './deepDive';
import { pageCount, pageWindow } from './paging';

describe('deep dive helpers', () => {
  it('lists leaf metrics in server order', () => {
    expect(
      leafMetricNames([
        { metric_name: 'Quality', parent: null },
        { metric_name: 'faith', parent: 'Quality' },
        { metric_name: 'Safety', parent: '' },
        { metric_name: 'tox', parent: 'Safety' },
        { metric_name: 'standalone', parent: null },
      ]),
    ).toEqual(['faith', 'tox', 'standalone']);
  });

  it('weights per-metric pass rates by their counts', () => {
    expect(
      overallPassRate([
        { metric_name: 'a', passing_rate: 1, count: 30 },
        { metric_name: 'b', passing_rate: 0.5, count: 10 },
        { metric_name: 'c', passing_rate: 0, count: 0 },
      ]),
    ).toBeCloseTo(35 / 40, 10);
    expect(overallPassRate([])).toBeNull();
    expect(overallPassRate(undefined)).toBeNull();
  });

  it('turns the correlation object into a square matrix, mirroring missing halves', () => {
    expect(
      correlationMatrix({
        metrics: ['a', 'b'],
        correlation: { a: { a: 1, b: 0.42 }, b: { b: 1 } },
      }),
    ).toEqual({ labels: ['a', 'b'], values: [[1, 0.42], [0.42, 1]] });
    expect(correlationMatrix({ metrics: ['x', 'y'], correlation: { x: { x: 1 }, y: { y: 1 } } })).toEqual({ labels: ['x', 'y'], values: [[1, null], [null, 1]] });
  });
});

describe('pagination window', () => {
  it('centres up to five pages on the current one within the bounds', () => {
    expect(pageWindow(1, 3)).toEqual([1, 2, 3]);
    expect(pageWindow(1, 10)).toEqual([1, 2, 3, 4, 5]);
    expect(pageWindow(6, 10)).toEqual([4, 5, 6, 7, 8]);
    expect(pageWindow(10, 10)).toEqual([6, 7, 8, 9, 10]);
    expect(pageWindow(99, 4)).toEqual([1, 2, 3, 4]);
    expect(pageWindow(1, 0)).toEqual([]);
    expect(pageCount(41, 10)).toBe(5);
    expect(pageCount(0, 10)).toBe(1);
  });
});
