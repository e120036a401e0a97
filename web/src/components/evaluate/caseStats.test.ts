import { describe, expect, it } from 'vitest';
import { binCases, casesFromRows, countTurns, groupByMetadata, LENGTH_BINS, metadataKeys, parseMetadata, TURN_BINS } from './caseStats';
import { parseLiteral } from './literal';
import { scopedReportRequest, subtreeMetrics } from './scorecardReport';

const row = (id: string, metric: string, score: unknown, extra: Record<string, unknown> = {}) => ({
  dataset_id: id,
  evaluation_name: 'gpt',
  metric_name: metric,
  metric_score: score,
  ...extra,
});

describe('parseLiteral', () => {
  it('reads JSON and Python literals, and nothing else', () => {
    expect(parseLiteral('{"a": 1}')).toEqual({ a: 1 });
    expect(parseLiteral("{'channel': 'email', 'vip': True, 'tier': None, 'n': -2.5e1, 'tags': ('x', \"y\"),}")).toEqual({
      channel: 'email',
      vip: true,
      tier: null,
      n: -25,
      tags: ['x', 'y'],
    });
    expect(parseLiteral("['it\\'s', 'a\\nb']")).toEqual(["it's", 'a\nb']);
    expect(parseLiteral("{'a': 1")).toBeUndefined();
    expect(parseLiteral("{'a': 1} trailing")).toBeUndefined();
    expect(parseLiteral('hello world')).toBeUndefined();
    expect(parseLiteral('('.repeat(100) + ')'.repeat(100))).toBeUndefined();
    expect(parseLiteral('('.repeat(3) + ')'.repeat(3))).toEqual([[[]]]);
    expect(parseLiteral('  ')).toBeUndefined();
  });
});

describe('countTurns', () => {
  it('counts user messages, or all messages without roles, or "User:" lines', () => {
    expect(countTurns('[{"role":"user","content":"a"},{"role":"assistant","content":"b"},{"role":"user","content":"c"}]')).toBe(2);
    expect(countTurns("{'messages': [{'role': 'Human', 'content': 'hi'}, {'role': 'ai', 'content': 'yo'}]}")).toBe(1);
    expect(countTurns('["hi", "hello", "bye"]')).toBe(3);
    expect(countTurns('User: hi\nAgent: hello\nuser: thanks\nAgent: bye')).toBe(2);
    expect(countTurns('just text')).toBeNull();
    expect(countTurns(null)).toBeNull();
  });
});

describe('parseMetadata', () => {
  it('keeps objects only', () => {
    expect(parseMetadata("{'region': 'EU'}")).toEqual({ region: 'EU' });
    expect(parseMetadata({ region: 'US' })).toEqual({ region: 'US' });
    expect(parseMetadata('[1, 2]')).toBeNull();
    expect(parseMetadata('not metadata')).toBeNull();
  });
});

describe('casesFromRows', () => {
  const rows = [
    row('c1', 'a', 0.2, { actual_output: 'x'.repeat(99), conversation: 'User: hi', data_metadata: "{'region': 'EU'}" }),
    row('c1', 'b', '0.6'),
    row('c2', 'a', 0.9, { actual_output: 'é'.repeat(100), data_metadata: '{"region": "US", "tier": 2}' }),
    row('c2', 'b', null),
    row('c3', 'a', 'n/a', { actual_output: '   ' }),
    row('c1', 'a', 1, { evaluation_name: '' }),
  ];
  const cases = casesFromRows(rows);

  it('folds rows into cases per experiment with the mean of the finite scores', () => {
    expect(cases.map((c) => [c.id, c.experiment])).toEqual([
      ['c1', 'gpt'],
      ['c2', 'gpt'],
      ['c3', 'gpt'],
      ['c1', 'Default'],
    ]);
    expect(cases[0]!.score).toBeCloseTo(0.4, 10);
    expect(cases[1]!.score).toBe(0.9);
    expect(cases[2]!.score).toBeNull();
    expect(cases.map((c) => c.outputLength)).toEqual([99, 100, null, null]);
    expect(cases.map((c) => c.turns)).toEqual([1, null, null, null]);
    expect(cases[1]!.metadata).toEqual({ region: 'US', tier: 2 });
  });

  it('bins by output length with lower bounds inclusive', () => {
    const bins = binCases(cases, LENGTH_BINS, (c) => c.outputLength);
    expect(bins.map((b) => [b.label, b.count])).toEqual([
      ['0–100', 1],
      ['100–300', 1],
      ['300–500', 0],
      ['500–1000', 0],
      ['1000+', 0],
    ]);
    expect(bins[0]!.mean).toBeCloseTo(0.4, 10);
    expect(bins[0]!.passRate).toBe(0);
    expect(bins[1]!.passRate).toBe(1);
    expect(bins[2]!.mean).toBeNull();
    expect(bins[0]!.meanValue).toBe(99);
  });

  it('bins turns 1, 2–3, 4–5, 6–10 and more than 10', () => {
    const synthetic = [1, 2, 3, 5, 6, 10, 11, 40].map((turns, i) => ({ id: `t${i}`, experiment: 'x', score: i % 2 ? 1 : 0, outputLength: null, turns, metadata: null }));
    expect(binCases(synthetic, TURN_BINS, (c) => c.turns).map((b) => b.count)).toEqual([1, 2, 1, 2, 2]);
  });

  it('groups by a metadata key, largest group first', () => {
    expect(metadataKeys(cases)).toEqual(['region', 'tier']);
    const groups = groupByMetadata(cases, 'region');
    expect(groups.map((g) => [g.label, g.count, g.mean])).toEqual([
      ['EU', 1, cases[0]!.score],
      ['US', 1, 0.9],
    ]);
    expect(groupByMetadata(cases, 'tier').map((g) => g.label)).toEqual(['2']);
  });
});

describe('scorecard report scope', () => {
  const nodes = [
    { metric_name: 'Quality', parent: null },
    { metric_name: 'Answer', parent: 'Quality' },
    { metric_name: 'faithfulness', parent: 'Answer' },
    { metric_name: 'Safety', parent: null },
    { metric_name: 'toxicity', parent: 'Safety' },
  ];

  it('takes a node and everything below it', () => {
    expect(subtreeMetrics(nodes, 'Quality')).toEqual(['Quality', 'Answer', 'faithfulness']);
    expect(subtreeMetrics(nodes, 'toxicity')).toEqual(['toxicity']);
  });

  it('sends sample rate, metric filters and context fields, clamped', () => {
    const request = scopedReportRequest('ds', { mode: 'low', reportType: 'summary', scoreThreshold: 2, maxIssues: 0 }, { sampleRate: 0, metrics: ['a'], contextFields: ['query'] });
    expect(request).toEqual({
      dataset_id: 'ds',
      mode: 'low',
      report_type: 'summary',
      extraction_config: { score_threshold: 1, max_issues: 1, sample_rate: 0.01, metric_filters: ['a'], include_context_fields: ['query'] },
    });
  });
});
