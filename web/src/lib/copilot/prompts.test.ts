import { describe, expect, it } from 'vitest';
import { pageKey, suggestedPrompts } from './prompts';

const MONITORING = { name: 'monitoring_march.csv', rows: 1200, columns: ['dataset_id', 'metric_name', 'metric_score', 'latency', 'source_name'] };

describe('suggested prompts', () => {
  it('knows the page from the path', () => {
    expect(pageKey('/evaluate/scorecard')).toBe('evaluate');
    expect(pageKey('/human-signals')).toBe('signals');
    expect(pageKey('/annotation-studio')).toBe('annotation');
    expect(pageKey('/')).toBe('other');
  });

  it('gives four questions per page, naming the dataset and using its columns', () => {
    for (const path of ['/evaluate/scorecard', '/monitoring', '/human-signals', '/production', '/annotation-studio', '/caliber-hq', '/memory', '/agent-replay', '/']) {
      expect(suggestedPrompts(path, null)).toHaveLength(4);
    }
    const monitoring = suggestedPrompts('/monitoring', MONITORING);
    expect(monitoring[0]).toBe('Which metrics in the 1,200 rows of monitoring_march.csv fall below the 0.7 threshold most often?');
    expect(monitoring[3]).toBe('Are slow responses also the low-scoring ones?');
    expect(suggestedPrompts('/monitoring', { ...MONITORING, columns: ['source_name'] })[3]).toBe('Which source has the worst pass rate?');
    expect(suggestedPrompts('/evaluate/compare', { name: 'runs.csv', rows: 40, columns: ['evaluation_name'] })[1]).toBe(
      'Compare the experiments in runs.csv: which one wins, and on which metrics?',
    );
    expect(suggestedPrompts('/monitoring', null)[0]).toBe('Which metrics in the monitoring data fall below the 0.7 threshold most often?');
  });
});
