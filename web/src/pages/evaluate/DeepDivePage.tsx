import { BarChart3, ClipboardCheck, Gauge, GitFork, Percent, ScatterChart, Sigma, SquareStack } from 'lucide-react';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { ChartCard } from '../../components/charts/ChartCard';
import { BoxPlotCard, HistogramGrid } from '../../components/charts/DistributionCharts';
import { EChart } from '../../components/charts/EChart';
import { MetricTreeChart } from '../../components/charts/MetricTreeChart';
import { heatmapOption, metricMeansOption, radarOption, scatterOption } from '../../components/charts/options';
import { useChartColors } from '../../components/charts/useChartColors';
import { ExperimentSelect } from '../../components/evaluate/ExperimentSelect';
import { FormatNotice } from '../../components/evaluate/FormatNotice';
import { KpiCard, KpiGrid } from '../../components/evaluate/KpiCard';
import { NoDataset } from '../../components/evaluate/NoDataset';
import { ErrorBlock, LoadingBlock } from '../../components/evaluate/StateViews';
import { TreeNodePopup } from '../../components/evaluate/TreeNodePopup';
import { ApiError } from '../../lib/api';
import { cn } from '../../lib/cn';
import { formatCount, formatPercent, formatScore, isHierarchicalFormat, scoreTone, TONE_TEXT } from '../../lib/evaluate/format';
import { useCorrelation, useMetricCases, useRadar, useScatter, useScorecard, useSummary, useTree } from '../../lib/evaluate/queries';
import { buildHierarchy } from '../../lib/evaluate/tree';
import { correlationMatrix, leafMetricNames, overallPassRate } from '../../lib/evaluate/deepDive';
import type { ChartTreeNode, Dataset, ScorecardResponse } from '../../lib/evaluate/types';
import { useDebounced } from '../../lib/evaluate/useDebounced';
import { useEvalStore, type DeepDiveTab } from '../../stores/evalStore';
import { useEvaluateContext } from './context';
import { useExperiment } from './ScorecardPage';

const TABS: Array<{ id: DeepDiveTab; label: string; icon: typeof BarChart3 }> = [
  { id: 'overview', label: 'Overview', icon: BarChart3 },
  { id: 'distribution', label: 'Distribution', icon: SquareStack },
  { id: 'tradeoffs', label: 'Tradeoffs', icon: ScatterChart },
  { id: 'tree', label: 'Tree', icon: GitFork },
];

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
  const [params, setParams] = useSearchParams();
  const view = params.get('view') === 'box' ? 'box' : 'histogram';
  const [selected, setSelected] = useState<string[]>(() => metrics.slice(0, 4));
  const setView = (v: 'histogram' | 'box') =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set('tab', 'distribution');
        next.set('view', v);
        return next;
      },
      { replace: true },
    );
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

function TreeTab({ dataset, experiments, leafMetric }: { dataset: Dataset; experiments: string[]; leafMetric: string | null }) {
  const [experiment, setExperiment] = useExperiment(dataset.id, experiments);
  const [mode, setMode] = useState<'aggregated' | 'individual'>('aggregated');
  const [caseId, setCaseId] = useState<string | null>(null);
  const [caseSearch, setCaseSearch] = useState('');
  const search = useDebounced(caseSearch, 300);
  const [popup, setPopup] = useState<ChartTreeNode | null>(null);
  const scope = { datasetId: dataset.id, evaluationName: experiment };
  const cases = useMetricCases(
    mode === 'individual' && leafMetric
      ? { ...scope, metric: leafMetric, page: 1, pageSize: 100, sortBy: 'dataset_id', sortDir: 'asc', search }
      : null,
  );
  const caseOptions = useMemo(() => {
    const seen = new Set<string>();
    return (cases.data?.cases ?? []).filter((c) => {
      const id = String(c.dataset_id);
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    });
  }, [cases.data]);
  useEffect(() => {
    if (mode === 'individual' && !caseId && caseOptions[0]) setCaseId(String(caseOptions[0].dataset_id));
  }, [mode, caseId, caseOptions]);
  const activeCase = mode === 'individual' ? caseId : null;
  const tree = useTree(scope, activeCase);
  const root = tree.data?.root ?? null;
  const selectedCase = caseOptions.find((c) => String(c.dataset_id) === caseId);

  return (
    <div className="space-y-4">
      <TreeNodePopup node={popup} individual={mode === 'individual'} onClose={() => setPopup(null)} />
      <div className="flex flex-wrap items-center gap-3 rounded-xl border bg-white px-4 py-3 shadow-card">
        <div className="flex rounded-lg bg-canvas p-0.5 ring-1 ring-line" role="group" aria-label="Tree mode">
          {(['aggregated', 'individual'] as const).map((m) => (
            <button
              key={m}
              type="button"
              aria-pressed={mode === m}
              onClick={() => setMode(m)}
              data-testid={`tree-mode-${m}`}
              className={cn('rounded-md px-3 py-1 text-xs font-medium capitalize', mode === m ? 'bg-white text-primary shadow-card' : 'text-ink-muted')}
            >
              {m}
            </button>
          ))}
        </div>
        {mode === 'individual' ? (
          <>
            <input
              value={caseSearch}
              onChange={(e) => setCaseSearch(e.target.value)}
              placeholder="Filter cases"
              className="w-40 rounded-lg border bg-white px-2.5 py-1.5 text-xs focus:border-primary-soft focus:outline-none"
            />
            <select
              value={caseId ?? ''}
              onChange={(e) => setCaseId(e.target.value || null)}
              className="max-w-xs rounded-lg border bg-white px-2.5 py-1.5 text-sm text-ink focus:border-primary-soft focus:outline-none"
              data-testid="tree-case-select"
            >
              {caseOptions.length === 0 ? <option value="">{cases.isPending ? 'Loading cases…' : 'No cases'}</option> : null}
              {caseOptions.map((c) => (
                <option key={String(c.dataset_id)} value={String(c.dataset_id)}>
                  {c.dataset_id}
                </option>
              ))}
            </select>
            {cases.data && (cases.data.total ?? 0) > caseOptions.length ? (
              <span className="text-[11px] text-ink-muted">first {caseOptions.length} of {cases.data.total}; filter to narrow</span>
            ) : null}
          </>
        ) : null}
        <div className="ml-auto">
          <ExperimentSelect experiments={experiments} value={experiment} onChange={setExperiment} />
        </div>
      </div>
      {mode === 'individual' && selectedCase ? (
        <div className="rounded-xl border bg-white px-5 py-3 text-sm shadow-card" data-testid="tree-case-context">
          <p className="text-[11px] font-semibold uppercase tracking-wide text-ink-muted">Query</p>
          <p className="mt-0.5 text-ink">{selectedCase.query || '—'}</p>
          {selectedCase.actual_output ? (
            <>
              <p className="mt-2 text-[11px] font-semibold uppercase tracking-wide text-ink-muted">Output</p>
              <p className="mt-0.5 line-clamp-3 text-ink-secondary">{selectedCase.actual_output}</p>
            </>
          ) : null}
        </div>
      ) : null}
      <ChartCard title={mode === 'individual' && caseId ? `Metric tree · ${caseId}` : 'Metric tree · all cases'} subtitle="Click a leaf for its score, weight and explanation." testId="deep-dive-tree">
        {tree.isPending ? <LoadingBlock label="Building the tree…" /> : null}
        {tree.isError ? (
          tree.error instanceof ApiError && tree.error.status === 400 ? (
            <FormatNotice dataset={dataset} feature="The tree view" detail={tree.error.message} />
          ) : (
            <ErrorBlock error={tree.error} onRetry={() => void tree.refetch()} />
          )
        ) : null}
        {root ? (
          <MetricTreeChart
            root={root}
            onNodeClick={(node, isLeaf) => {
              if (isLeaf) setPopup(node);
            }}
          />
        ) : tree.data ? (
          <p className="py-10 text-center text-sm text-ink-muted">The server returned an empty tree.</p>
        ) : null}
      </ChartCard>
    </div>
  );
}

function DeepDiveBody({ dataset }: { dataset: Dataset }) {
  const [params, setParams] = useSearchParams();
  const storedTab = useEvalStore((s) => s.deepDiveTab);
  const setStoredTab = useEvalStore((s) => s.setDeepDiveTab);
  const urlTab = params.get('tab');
  const tab: DeepDiveTab = isTab(urlTab) ? urlTab : storedTab;
  const scorecard = useScorecard({ datasetId: dataset.id, evaluationName: null });
  const nodes = scorecard.data?.nodes;
  const metrics = useMemo(() => leafMetricNames(nodes ?? []), [nodes]);
  const hierarchy = useMemo(() => buildHierarchy(nodes ?? []), [nodes]);

  useEffect(() => {
    if (urlTab !== tab) {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          next.set('tab', tab);
          return next;
        },
        { replace: true },
      );
    }
    if (storedTab !== tab) setStoredTab(tab);
  }, [tab, urlTab, storedTab, setParams, setStoredTab]);

  const select = (id: DeepDiveTab) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      next.set('tab', id);
      if (id !== 'distribution') next.delete('view');
      return next;
    });

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
        <div role="tabpanel" data-testid={`deep-dive-panel-${tab}`}>
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
            <TreeTab dataset={dataset} experiments={scorecard.data.experiments ?? []} leafMetric={metrics[0] ?? hierarchy[0]?.node.metric_name ?? null} />
          ) : null}
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
