import { Boxes, ClipboardCheck, Gauge, Hash, Network, Sigma } from 'lucide-react';
import { useMemo, useState } from 'react';
import { ChartCard } from '../../components/charts/ChartCard';
import { MetricTreeChart } from '../../components/charts/MetricTreeChart';
import { ExperimentSelect } from '../../components/evaluate/ExperimentSelect';
import { FormatNotice } from '../../components/evaluate/FormatNotice';
import { KpiCard, KpiGrid } from '../../components/evaluate/KpiCard';
import { MetricDrilldownModal } from '../../components/evaluate/MetricDrilldownModal';
import { NoDataset } from '../../components/evaluate/NoDataset';
import { AiReportPanel } from '../../components/evaluate/AiReportPanel';
import { ScorecardReportModal, type ReportTarget } from '../../components/evaluate/ScorecardReportModal';
import { ScorecardTable } from '../../components/evaluate/ScorecardTable';
import { subtreeMetrics } from '../../components/evaluate/scorecardReport';
import { ErrorBlock, LoadingBlock } from '../../components/evaluate/StateViews';
import { ApiError } from '../../lib/api';
import { formatCount, formatScore, isHierarchicalFormat, scoreTone, TONE_TEXT } from '../../lib/evaluate/format';
import { useScorecard } from '../../lib/evaluate/queries';
import { leafMetricNames } from '../../lib/evaluate/deepDive';
import { buildHierarchy, scorecardToTree } from '../../lib/evaluate/tree';
import type { Dataset } from '../../lib/evaluate/types';
import { useSearchParam } from '../../lib/useSearchParam';
import { useEvalStore } from '../../stores/evalStore';
import { useEvaluateContext } from './context';

/**
 * The experiment the Scorecard and Deep Dive narrow to: `?experiment=` (so a link shows the same
 * one), else the one last chosen for this dataset. A name the dataset does not have counts as none.
 */
export function useExperiment(datasetId: string, experiments: string[] | undefined): [string | null, (v: string | null) => void] {
  const stored = useEvalStore((s) => s.experimentByDataset[datasetId]);
  const setExperiment = useEvalStore((s) => s.setExperiment);
  const [inUrl, setUrl] = useSearchParam('experiment');
  const wanted = inUrl ?? stored;
  const value = wanted && (!experiments || experiments.includes(wanted)) ? wanted : null;
  return [
    value,
    (v) => {
      setExperiment(datasetId, v);
      setUrl(v, { push: true });
    },
  ];
}

function ScorecardBody({ dataset }: { dataset: Dataset }) {
  const all = useScorecard({ datasetId: dataset.id, evaluationName: null });
  const experiments = all.data?.experiments ?? [];
  const [experiment, setExperiment] = useExperiment(dataset.id, all.data ? experiments : undefined);
  const scoped = useScorecard({ datasetId: dataset.id, evaluationName: experiment });
  const query = experiment ? scoped : all;
  const [metric, setMetric] = useState<string | null>(null);
  const [report, setReport] = useState<ReportTarget | null>(null);
  const data = query.data;
  const nodes = useMemo(() => data?.nodes ?? [], [data]);
  const names = useMemo(() => nodes.map((n) => n.metric_name), [nodes]);
  const leaves = useMemo(() => leafMetricNames(nodes), [nodes]);
  const tree = useMemo(() => scorecardToTree(buildHierarchy(nodes), 'Overall', data?.overall_score), [nodes, data?.overall_score]);

  if (query.isPending) return <LoadingBlock label="Computing the scorecard…" />;
  if (query.isError) {
    if (query.error instanceof ApiError && query.error.status === 400) {
      return <FormatNotice dataset={dataset} feature="The scorecard" detail={query.error.message} />;
    }
    return <ErrorBlock error={query.error} onRetry={() => void query.refetch()} title="Could not compute the scorecard" />;
  }

  const scope = { datasetId: dataset.id, evaluationName: experiment };
  const overall = data?.overall_score;

  return (
    <>
      <div className="space-y-6">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 className="text-lg font-semibold text-ink">Scorecard</h2>
          <ExperimentSelect experiments={experiments} value={experiment} onChange={setExperiment} />
        </div>
        <KpiGrid className="md:grid-cols-3 lg:grid-cols-3 xl:grid-cols-5" testId="scorecard-kpis">
          <KpiCard icon={Gauge} label="Overall Weighted Score" value={formatScore(overall)} tone={TONE_TEXT[scoreTone(overall)]} testId="kpi-overall" />
          <KpiCard icon={Sigma} label="Score Variance" value={formatScore(data?.score_variance, 4)} testId="kpi-variance" />
          <KpiCard icon={ClipboardCheck} label="Test Cases" value={formatCount(data?.total_cases)} testId="kpi-cases" />
          <KpiCard icon={Hash} label="Metrics" value={formatCount(data?.metrics_count)} testId="kpi-metrics" />
          <KpiCard icon={Boxes} label="Components" value={formatCount(data?.components_count)} testId="kpi-components" />
        </KpiGrid>
        {nodes.length === 0 ? (
          <p className="rounded-xl border bg-white px-5 py-8 text-center text-sm text-ink-muted">
            The server found no scored metrics in this dataset{experiment ? ` for ${experiment}` : ''}.
          </p>
        ) : (
          <>
            <AiReportPanel nodes={nodes} leafMetrics={leaves} totalCases={data?.total_cases} onGenerate={() => setReport({ node: null, metrics: [] })} />
            <ScorecardTable nodes={nodes} onOpenMetric={setMetric} onReport={(name) => setReport({ node: name, metrics: subtreeMetrics(nodes, name) })} />
            {tree ? (
              <ChartCard
                title={
                  <span className="flex items-center gap-2">
                    <Network className="h-4 w-4 text-primary" aria-hidden="true" />
                    Metric tree
                  </span>
                }
                subtitle="Mean score per node. Click a node to see its cases."
                testId="scorecard-tree"
              >
                <MetricTreeChart
                  root={tree}
                  onNodeClick={(node) => {
                    if (nodes.some((n) => n.metric_name === node.name)) setMetric(node.name);
                  }}
                />
              </ChartCard>
            ) : null}
          </>
        )}
      </div>
      <MetricDrilldownModal scope={scope} metric={metric} onClose={() => setMetric(null)} />
      <ScorecardReportModal datasetId={dataset.id} datasetName={dataset.name ?? dataset.id} metrics={names} target={report} onClose={() => setReport(null)} />
    </>
  );
}

export default function ScorecardPage() {
  const { current } = useEvaluateContext();
  if (current.isLoading) return <LoadingBlock label="Loading datasets…" />;
  if (current.error) return <ErrorBlock error={current.error} title="Could not list the stored datasets" />;
  if (!current.datasetId || !current.dataset) return current.datasetId ? <LoadingBlock /> : <NoDataset what="scorecard" />;
  if (!isHierarchicalFormat(current.dataset.format)) return <FormatNotice dataset={current.dataset} feature="The scorecard" />;
  return <ScorecardBody key={current.dataset.id} dataset={current.dataset} />;
}
