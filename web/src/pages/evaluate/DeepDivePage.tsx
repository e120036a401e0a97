import { BarChart3, ClipboardCheck, FileText, Gauge, GitFork, MessagesSquare, Percent, ScatterChart, Sigma, SquareStack, Tags } from 'lucide-react';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { ChartCard } from '../../components/charts/ChartCard';
import { BoxPlotCard, HistogramGrid } from '../../components/charts/DistributionCharts';
import { EChart } from '../../components/charts/EChart';
import { heatmapOption, metricMeansOption, radarOption, scatterOption } from '../../components/charts/options';
import { useChartColors } from '../../components/charts/useChartColors';
import { FormatNotice } from '../../components/evaluate/FormatNotice';
import { KpiCard, KpiGrid } from '../../components/evaluate/KpiCard';
import { NoDataset } from '../../components/evaluate/NoDataset';
import { ErrorBlock, LoadingBlock } from '../../components/evaluate/StateViews';
import { DeepDiveConversation } from '../../components/evaluate/DeepDiveConversation';
import { DeepDiveMetadata } from '../../components/evaluate/DeepDiveMetadata';
import { DeepDiveResponse } from '../../components/evaluate/DeepDiveResponse';
import { DeepDiveTree } from '../../components/evaluate/DeepDiveTree';
import { ApiError } from '../../lib/api';
import { cn } from '../../lib/cn';
import { formatCount, formatPercent, formatScore, isHierarchicalFormat, scoreTone, TONE_TEXT } from '../../lib/evaluate/format';
import { useCorrelation, useRadar, useScatter, useScorecard, useSummary } from '../../lib/evaluate/queries';
import { buildHierarchy } from '../../lib/evaluate/tree';
import { correlationMatrix, leafMetricNames, overallPassRate } from '../../lib/evaluate/deepDive';
import type { Dataset, ScorecardResponse } from '../../lib/evaluate/types';
import { useEvalStore, type DeepDiveTab } from '../../stores/evalStore';
import { useEvaluateContext } from './context';
import { useExperiment } from './ScorecardPage';
import { useSearchWriter } from '../../lib/useSearchParam';

const TABS: Array<{ id: DeepDiveTab; label: string; icon: typeof BarChart3 }> = [
  { id: 'overview', label: 'Overview', icon: BarChart3 },
  { id: 'distribution', label: 'Distribution', icon: SquareStack },
  { id: 'tradeoffs', label: 'Tradeoffs', icon: ScatterChart },
  { id: 'tree', label: 'Tree', icon: GitFork },
  { id: 'response', label: 'Response', icon: FileText },
  { id: 'conversation', label: 'Conversation', icon: MessagesSquare },
  { id: 'metadata', label: 'Metadata', icon: Tags },
];

/** Query-string keys that belong to one tab; they are dropped when another tab is chosen. */
const TAB_PARAMS: Partial<Record<DeepDiveTab, string[]>> = {
  distribution: ['view'],
  tree: ['mode', 'case'],
  metadata: ['meta'],
};

function isTab(v: string | null): v is DeepDiveTab {
  return TABS.some((t) => t.id === v);
}

function analyticsError(error: unknown, fallback: string) {
  return error instanceof ApiError && error.status === 400 ? error.message : fallback;
}

function Overview({ dataset, scorecard }: { dataset: Dataset; scorecard: ScorecardResponse }) {
  const colors = useChartColors();
  const radar = useRadar(dataset.id);
  const summary = useSummary(dataset.id);
  const nodes = scorecard.nodes ?? [];
  const leaves = useMemo(() => leafMetricNames(nodes), [nodes]);
  const means = useMemo(
    () => leaves.map((name) => ({ name, value: nodes.find((n) => n.metric_name === name)?.mean ?? null })),
    [leaves, nodes],
  );
  const barOption = useMemo(() => metricMeansOption(means, colors), [means, colors]);
  const radarOpt = useMemo(
    () => (radar.data?.metrics && radar.data.traces ? radarOption(radar.data.metrics, radar.data.traces, colors) : null),
    [radar.data, colors],
  );
  const passRate = overallPassRate(summary.data?.summary);

  return (
    <div className="space-y-6">
      <KpiGrid testId="overview-kpis">
        <KpiCard icon={Gauge} label="Average (weighted overall)" value={formatScore(scorecard.overall_score)} tone={TONE_TEXT[scoreTone(scorecard.overall_score)]} />
        <KpiCard icon={Percent} label="Pass Rate (score ≥ 0.5)" value={summary.isPending ? '…' : formatPercent(passRate)} hint={summary.isError ? 'not available' : undefined} />
        <KpiCard icon={ClipboardCheck} label="Cases" value={formatCount(scorecard.total_cases)} />
        <KpiCard icon={Sigma} label="Variance" value={formatScore(scorecard.score_variance, 4)} />
      </KpiGrid>
      <div className="grid gap-6 xl:grid-cols-2">
        <ChartCard title="Mean score per metric" subtitle="Dashed lines: pass 0.5 and good 0.7." testId="overview-bar">
          {means.length === 0 ? (
            <p className="py-10 text-center text-sm text-ink-muted">No metric scores to chart.</p>
          ) : (
            <EChart option={barOption} height={Math.max(340, means.length * 36 + 60)} ariaLabel="Mean score per metric" />
          )}
        </ChartCard>
        <ChartCard title="Metric profile" subtitle="Radar of mean scores from the server." testId="overview-radar">
          {radar.isPending ? <LoadingBlock label="Loading radar…" /> : null}
          {radar.isError ? (
            <p className="py-10 text-center text-sm text-ink-muted">{analyticsError(radar.error, 'The radar chart could not be loaded.')}</p>
          ) : null}
          {radarOpt ? <EChart option={radarOpt} height={340} ariaLabel="Radar of mean metric scores" /> : null}
        </ChartCard>
      </div>
    </div>
  );
}

function MetricChips({ metrics, selected, onChange }: { metrics: string[]; selected: string[]; onChange: (next: string[]) => void }) {
  return (
    <div className="flex flex-wrap gap-1.5" role="group" aria-label="Metrics">
      {metrics.map((m) => {
        const on = selected.includes(m);
        return (
          <button
            key={m}
            type="button"
            aria-pressed={on}
            onClick={() => onChange(on ? selected.filter((x) => x !== m) : metrics.filter((x) => x === m || selected.includes(x)))}
            className={cn(
              'rounded-full px-3 py-1 text-xs font-medium transition',
              on ? 'bg-primary text-white' : 'bg-white text-ink-secondary ring-1 ring-line hover:text-primary',
            )}
          >
            {m}
          </button>
        );
      })}
    </div>
  );
}

function Distribution({ dataset, metrics }: { dataset: Dataset; metrics: string[] }) {
  const [params] = useSearchParams();
  const write = useSearchWriter();
  const view = params.get('view') === 'box' ? 'box' : 'histogram';
  const [selected, setSelected] = useState<string[]>(() => metrics.slice(0, 4));
  const setView = (v: 'histogram' | 'box') =>
    write((next) => {
      next.set('tab', 'distribution');
      next.set('view', v);
    });
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3 rounded-xl border bg-white px-4 py-3 shadow-card">
        <MetricChips metrics={metrics} selected={selected} onChange={setSelected} />
        <div className="flex rounded-lg bg-canvas p-0.5 ring-1 ring-line" role="group" aria-label="Chart type">
          {(['histogram', 'box'] as const).map((v) => (
            <button
              key={v}
              type="button"
              aria-pressed={view === v}
              onClick={() => setView(v)}
              data-testid={`distribution-${v}`}
              className={cn('rounded-md px-3 py-1 text-xs font-medium', view === v ? 'bg-white text-primary shadow-card' : 'text-ink-muted')}
            >
              {v === 'box' ? 'Box' : 'Histogram'}
            </button>
          ))}
        </div>
      </div>
      {selected.length === 0 ? (
        <p className="rounded-xl border bg-white px-5 py-10 text-center text-sm text-ink-muted">Pick at least one metric above.</p>
      ) : view === 'box' ? (
        <BoxPlotCard datasetId={dataset.id} metrics={selected} />
      ) : (
        <HistogramGrid datasetId={dataset.id} metrics={selected} />
      )}
    </div>
  );
}

function MetricSelect({ label, value, metrics, onChange, testId }: { label: string; value: string; metrics: string[]; onChange: (v: string) => void; testId: string }) {
  return (
    <label className="flex items-center gap-2 text-xs font-medium text-ink-muted">
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId} className="rounded-lg border bg-white px-2.5 py-1.5 text-sm text-ink focus:border-primary-soft focus:outline-none">
        {metrics.map((m) => (
          <option key={m} value={m}>
            {m}
          </option>
        ))}
      </select>
    </label>
  );
}

function Tradeoffs({ dataset, metrics }: { dataset: Dataset; metrics: string[] }) {
  const colors = useChartColors();
  const [x, setX] = useState(metrics[0] ?? '');
  const [y, setY] = useState(metrics[1] ?? metrics[0] ?? '');
  const scatter = useScatter(dataset.id, x || null, y || null);
  const correlation = useCorrelation(dataset.id);
  const matrix = useMemo(() => correlationMatrix(correlation.data), [correlation.data]);
  const r = correlation.data?.correlation?.[x]?.[y];
  const scatterOpt = useMemo(
    () => (scatter.data ? scatterOption(scatter.data.x ?? [], scatter.data.y ?? [], x, y, colors, scatter.data.ids) : null),
    [scatter.data, x, y, colors],
  );
  const heatOpt = useMemo(
    () =>
      matrix.labels.length > 0
        ? heatmapOption(matrix.labels, matrix.values, { min: -1, max: 1, colors: ['#E74C3C', '#FFFFFF', colors[0]!], valueLabel: 'Pearson r' })
        : null,
    [matrix, colors],
  );
  return (
    <div className="grid gap-6 xl:grid-cols-2">
      <ChartCard
        title="Metric vs metric"
        subtitle={typeof r === 'number' ? `Pearson r = ${r.toFixed(2)} across cases` : 'One point per case'}
        actions={
          <div className="flex flex-wrap gap-3">
            <MetricSelect label="X" value={x} metrics={metrics} onChange={setX} testId="scatter-x" />
            <MetricSelect label="Y" value={y} metrics={metrics} onChange={setY} testId="scatter-y" />
          </div>
        }
        testId="tradeoffs-scatter"
      >
        {scatter.isPending ? <LoadingBlock label="Loading points…" /> : null}
        {scatter.isError ? <p className="py-10 text-center text-sm text-ink-muted">{analyticsError(scatter.error, 'The scatter plot could not be loaded.')}</p> : null}
        {scatterOpt ? <EChart option={scatterOpt} height={380} ariaLabel={`${x} against ${y}`} /> : null}
      </ChartCard>
      <ChartCard title="Correlation" subtitle="Pearson correlation between metrics, from the server." testId="tradeoffs-heatmap">
        {correlation.isPending ? <LoadingBlock label="Loading correlations…" /> : null}
        {correlation.isError ? <p className="py-10 text-center text-sm text-ink-muted">{analyticsError(correlation.error, 'The correlation matrix could not be loaded.')}</p> : null}
        {heatOpt ? <EChart option={heatOpt} height={Math.max(320, matrix.labels.length * 44 + 120)} ariaLabel="Correlation heatmap" /> : null}
      </ChartCard>
    </div>
  );
}

function DeepDiveBody({ dataset }: { dataset: Dataset }) {
  const [params] = useSearchParams();
  const write = useSearchWriter();
  const storedTab = useEvalStore((s) => s.deepDiveTab);
  const setStoredTab = useEvalStore((s) => s.setDeepDiveTab);
  const urlTab = params.get('tab');
  const tab: DeepDiveTab = isTab(urlTab) ? urlTab : storedTab;
  const scorecard = useScorecard({ datasetId: dataset.id, evaluationName: null });
  const nodes = scorecard.data?.nodes;
  const metrics = useMemo(() => leafMetricNames(nodes ?? []), [nodes]);
  const hierarchy = useMemo(() => buildHierarchy(nodes ?? []), [nodes]);
  const experiments = scorecard.data?.experiments ?? [];
  const [experiment, setExperiment] = useExperiment(dataset.id, experiments);

  useEffect(() => {
    if (urlTab !== tab) {
      write((next) => {
        next.set('tab', tab);
      });
    }
    if (storedTab !== tab) setStoredTab(tab);
  }, [tab, urlTab, storedTab, write, setStoredTab]);

  const select = (id: DeepDiveTab) =>
    write((next) => {
      next.set('tab', id);
      for (const [owner, keys] of Object.entries(TAB_PARAMS)) if (owner !== id) for (const k of keys) next.delete(k);
    }, { replace: false });

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap gap-1 rounded-xl border bg-white p-1 shadow-card" role="tablist" aria-label="Deep dive views">
        {TABS.map(({ id, label, icon: Icon }) => (
          <button
            key={id}
            type="button"
            role="tab"
            aria-selected={tab === id}
            data-testid={`deep-dive-tab-${id}`}
            onClick={() => select(id)}
            className={cn(
              'flex items-center gap-2 rounded-lg px-4 py-2 text-sm font-medium transition',
              tab === id ? 'bg-primary text-white' : 'text-ink-muted hover:bg-canvas hover:text-ink',
            )}
          >
            <Icon className="h-4 w-4" aria-hidden="true" />
            {label}
          </button>
        ))}
      </div>
      {scorecard.isPending ? <LoadingBlock label="Loading metrics…" /> : null}
      {scorecard.isError ? (
        scorecard.error instanceof ApiError && scorecard.error.status === 400 ? (
          <FormatNotice dataset={dataset} feature="Deep Dive" detail={scorecard.error.message} />
        ) : (
          <ErrorBlock error={scorecard.error} onRetry={() => void scorecard.refetch()} />
        )
      ) : null}
      {scorecard.data ? (
        <div role="tabpanel" aria-label={TABS.find((t) => t.id === tab)?.label} data-testid={`deep-dive-panel-${tab}`}>
          {tab === 'overview' ? <Overview dataset={dataset} scorecard={scorecard.data} /> : null}
          {tab === 'distribution' ? <Distribution dataset={dataset} metrics={metrics} /> : null}
          {tab === 'tradeoffs' ? (
            metrics.length < 2 ? (
              <p className="rounded-xl border bg-white px-5 py-10 text-center text-sm text-ink-muted">Tradeoffs need at least two metrics.</p>
            ) : (
              <Tradeoffs dataset={dataset} metrics={metrics} />
            )
          ) : null}
          {tab === 'tree' ? (
            <DeepDiveTree
              dataset={dataset}
              experiments={experiments}
              experiment={experiment}
              onExperiment={setExperiment}
              leafMetric={metrics[0] ?? hierarchy[0]?.node.metric_name ?? null}
            />
          ) : null}
          {tab === 'response' ? <DeepDiveResponse datasetId={dataset.id} /> : null}
          {tab === 'conversation' ? <DeepDiveConversation datasetId={dataset.id} /> : null}
          {tab === 'metadata' ? <DeepDiveMetadata datasetId={dataset.id} /> : null}
        </div>
      ) : null}
    </div>
  );
}

export default function DeepDivePage() {
  const { current } = useEvaluateContext();
  if (current.isLoading) return <LoadingBlock label="Loading datasets…" />;
  if (current.error) return <ErrorBlock error={current.error} title="Could not list the stored datasets" />;
  if (!current.dataset) return current.datasetId ? <LoadingBlock /> : <NoDataset what="deep dive" />;
  if (!isHierarchicalFormat(current.dataset.format)) return <FormatNotice dataset={current.dataset} feature="Deep Dive" />;
  return <DeepDiveBody key={current.dataset.id} dataset={current.dataset} />;
}
