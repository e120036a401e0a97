import { BarChart3, GitCompareArrows, Lightbulb } from 'lucide-react';
import { useState } from 'react';
import type { AlignmentMetrics, AlignmentResult, JudgeConfig } from '../../lib/align/types';
import { Card } from '../Card';
import { TabBar } from '../TabBar';
import { ComparisonTab } from './ComparisonTab';
import { InsightsTab } from './InsightsTab';
import { MetricsTab } from './MetricsTab';

type ResultsTab = 'comparison' | 'metrics' | 'insights';

interface JudgeResultsProps {
  title: string;
  results: AlignmentResult[];
  metrics: AlignmentMetrics;
  config: JudgeConfig;
  running: boolean;
  onApply: (patch: Pick<JudgeConfig, 'system_prompt' | 'evaluation_criteria'>) => void;
}

/** A judge run's results: comparison per record, agreement metrics, insights. */
export function JudgeResults({ title, results, metrics, config, running, onApply }: JudgeResultsProps) {
  const [tab, setTab] = useState<ResultsTab>('comparison');
  const misaligned = results.filter((r) => !r.is_aligned).length;
  return (
    <Card title={title} icon={<BarChart3 className="h-4 w-4 text-primary" aria-hidden="true" />} testId="caliber-results">
      <TabBar
        tabs={[
          { id: 'comparison', label: 'Comparison', icon: GitCompareArrows, badge: misaligned },
          { id: 'metrics', label: 'Metrics', icon: BarChart3 },
          { id: 'insights', label: 'Insights', icon: Lightbulb },
        ]}
        current={tab}
        onSelect={setTab}
        testIdPrefix="results-tab"
      />
      <div className="mt-4">
        {tab === 'comparison' ? <ComparisonTab results={results} /> : null}
        {tab === 'metrics' ? <MetricsTab metrics={metrics} /> : null}
        {tab === 'insights' ? <InsightsTab results={results} config={config} running={running} onApply={onApply} /> : null}
      </div>
    </Card>
  );
}
