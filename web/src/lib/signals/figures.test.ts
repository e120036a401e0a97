import { describe, expect, it } from 'vitest';
import { caseViewPath } from './api';
import { chartFigures, listLimit } from './figures';
import type { CaseFigures } from './types';

const FIGURES: CaseFigures = {
  success: true,
  dataset_id: 'd1',
  total: 4,
  all_cases: 10,
  distributions: {
    notes__learnings: Array.from({ length: 20 }, (_, i) => ({ name: `l${i}`, count: 20 - i, rate: 5 * (20 - i) })),
    outcome__status: [
      { name: 'resolved', count: 3, rate: 75 },
      { name: 'open', count: 1, rate: 25 },
    ],
  },
  rates: { outcome__flag: { count: 1, total: 4, rate: 25 } },
};

describe('chart figures', () => {
  it('lists 15 text items and 8 ranked items unless the chart says otherwise, and every bar', () => {
    expect(listLimit({ metric: 'm', signal: 's', type: 'text_list', title: 't' })).toBe(15);
    expect(listLimit({ metric: 'm', signal: 's', type: 'ranked_list', title: 't' })).toBe(8);
    expect(listLimit({ metric: 'm', signal: 's', type: 'ranked_list', title: 't', limit: 3 })).toBe(3);
    expect(listLimit({ metric: 'm', signal: 's', type: 'bar', title: 't', limit: 3 })).toBeUndefined();
  });

  it('takes a chart’s rows and rate from the server’s figures', () => {
    const text = chartFigures(FIGURES, { metric: 'notes', signal: 'learnings', type: 'text_list', title: 't' });
    expect(text.rows.map((r) => r.name)).toEqual(Array.from({ length: 15 }, (_, i) => `l${i}`));
    const bar = chartFigures(FIGURES, { metric: 'outcome', signal: 'status', type: 'bar', title: 't' });
    expect(bar.rows).toEqual(FIGURES.distributions.outcome__status);
    expect(chartFigures(FIGURES, { metric: 'outcome', signal: 'flag', type: 'single_stat', title: 't' }).stat).toEqual({ count: 1, total: 4, rate: 25 });
  });

  it('draws nothing for a field the server has no figures of, or before they arrive', () => {
    expect(chartFigures(FIGURES, { metric: 'x', signal: 'y', type: 'single_stat', title: 't' })).toEqual({ rows: [], stat: { count: 0, total: 4, rate: 0 } });
    expect(chartFigures(undefined, { metric: 'x', signal: 'y', type: 'bar', title: 't' })).toEqual({ rows: [], stat: { count: 0, total: 0, rate: 0 } });
  });
});

describe('case view paths', () => {
  it('sends each chosen value as filter.<field>, fields in a stable order', () => {
    expect(caseViewPath('/api/human-signals/figures', { dataset_id: 'd1' }, { source_name: ['A & B'], outcome__status: ['open', 'closed'], empty: [] })).toBe(
      '/api/human-signals/figures?dataset_id=d1&filter.outcome__status=open&filter.outcome__status=closed&filter.source_name=A+%26+B',
    );
    expect(caseViewPath('/api/human-signals/cases', { page: 2, sort_by: undefined }, {})).toBe('/api/human-signals/cases?page=2');
    expect(caseViewPath('/x', {}, { f: [''] })).toBe('/x');
  });
});
