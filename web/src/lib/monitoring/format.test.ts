import { describe, expect, it } from 'vitest';
import { alertFigures, alertGroup, sortAlerts } from './alerts';
import { bucketLabel, formatLatency, formatRate, healthOf, thresholdsFor } from './format';
import { recordColumns } from './records';
import { classificationSeries, trendSeries } from './series';
import { signalEntries } from './signals';
import type { MonitoringAlert } from './types';

const alert = (id: string, type: string, severity: MonitoringAlert['severity']): MonitoringAlert => ({
  id, kind: ['z-score', 'moving-average', 'rate-of-change'].includes(type) ? 'anomaly' : 'threshold', type, severity, metric: null, source_name: null,
  message: id, value: 0, threshold: 0, timestamp: null,
});

describe('monitoring formatting', () => {
  it('formats latency, rates and trend buckets', () => {
    expect(formatLatency(234.4)).toBe('234 ms');
    expect(formatLatency(1250)).toBe('1.25 s');
    expect(formatLatency(null)).toBe('—');
    expect(formatRate(91.25)).toBe('91.3%');
    expect(bucketLabel('2026-01-27 10:00:00', 'hourly')).toBe('27 Jan 10:00');
    expect(bucketLabel('2026-01-26T00:00:00', 'weekly')).toBe('26 Jan');
  });

  it('resolves thresholds per source, then the defaults, then 0.7/0.5', () => {
    const config = { thresholds: { default: { good: 0.75, pass: 0.5 }, per_source: { Beacon: { good: 0.8, pass: 0.6 } } } };
    expect(thresholdsFor(config, 'Beacon')).toEqual({ good: 0.8, pass: 0.6 });
    expect(thresholdsFor(config, 'Atlas')).toEqual({ good: 0.75, pass: 0.5 });
    // An agent id first, then its stored names: the first configured one wins.
    expect(thresholdsFor(config, ['beacon-agent', 'Beacon'])).toEqual({ good: 0.8, pass: 0.6 });
    expect(thresholdsFor(config, ['atlas', 'atlas-prod'])).toEqual({ good: 0.75, pass: 0.5 });
    expect(thresholdsFor(undefined, null)).toEqual({ good: 0.7, pass: 0.5 });
  });

  it('derives health from alert severities', () => {
    expect(healthOf([])).toBe('healthy');
    expect(healthOf([alert('a', 'low-score', 'warning')])).toBe('warning');
    expect(healthOf([alert('a', 'low-score', 'warning'), alert('b', 'z-score', 'error')])).toBe('critical');
    expect(healthOf([alert('a', 'z-score', 'critical')])).toBe('critical');
    expect(healthOf([alert('a', 'z-score', 'info')])).toBe('healthy');
  });

  it('groups and orders alerts and names their figures', () => {
    const list = [alert('w', 'low-score', 'warning'), alert('z', 'z-score', 'warning'), alert('e', 'high-latency', 'error')];
    expect(sortAlerts(list).map((a) => a.id)).toEqual(['e', 'w', 'z']);
    expect(sortAlerts([alert('i', 'z-score', 'info'), ...list, alert('c', 'rate-of-change', 'critical')]).map((a) => a.id)).toEqual(['c', 'e', 'w', 'z', 'i']);
    expect(list.map(alertGroup)).toEqual(['threshold', 'anomaly', 'threshold']);
    expect(alertFigures(list[1]!)).toEqual(['Z', 'Limit']);
    expect(alertGroup({ ...alert('k', 'custom', 'warning'), kind: 'threshold' })).toBe('threshold');
  });

  it('lines trend points up per bucket and metric', () => {
    const { buckets, series } = trendSeries(
      [
        { timestamp: '2026-01-28', metric: 'b', avg: 0.5 },
        { timestamp: '2026-01-27', metric: 'a', avg: 0.9 },
        { timestamp: '2026-01-28', metric: 'a', avg: 0.8 },
      ],
      [],
    );
    expect(buckets).toEqual(['2026-01-27', '2026-01-28']);
    expect(series).toEqual([
      { name: 'a', values: [0.9, 0.8] },
      { name: 'b', values: [null, 0.5] },
    ]);
    expect(classificationSeries({ unique_categories: ['x', 'y'], data: [{ timestamp: 't1', categories: { x: 2 } }, { timestamp: 't2', categories: { y: 1 } }] })).toEqual({
      buckets: ['t1', 't2'],
      series: [
        { name: 'x', values: [2, 0] },
        { name: 'y', values: [0, 1] },
      ],
    });
  });

  it('flattens signals of every shape into name/value pairs', () => {
    expect(signalEntries('{"a": true, "b": 2}')).toEqual([{ name: 'a', value: true }, { name: 'b', value: 2 }]);
    expect(signalEntries([{ name: 'x', score: 0.5 }])).toEqual([{ name: 'x', value: 0.5 }]);
    expect(signalEntries({ g: [{ name: 'x', value: 'y' }] })).toEqual([{ name: 'g · x', value: 'y' }]);
    expect(signalEntries('plain text')).toEqual([{ name: 'signals', value: 'plain text' }]);
    expect(signalEntries(null)).toEqual([]);
  });

  it('orders record columns: the usual ones, scores, then latency', () => {
    expect(recordColumns([{ latency: 1, b_score: 1, query: 'q', dataset_id: 'x', a_score: 2, timestamp: 't' }])).toEqual(['timestamp', 'query', 'b_score', 'a_score', 'latency']);
  });
});
