import { useMutation, useQueryClient } from '@tanstack/react-query';
import { GitCompareArrows, Loader2, Sparkles } from 'lucide-react';
import { useMemo } from 'react';
import { ChartCard } from '../../components/charts/ChartCard';
import { EChart } from '../../components/charts/EChart';
import { groupedBarOption, radarOption } from '../../components/charts/options';
import { useChartColors } from '../../components/charts/useChartColors';
import { CaseDiffList, firstCasesPage } from '../../components/compare/CaseDiffList';
import { CompareCaseModal } from '../../components/compare/CompareCaseModal';
import { AgreementCard, WinLossCard } from '../../components/compare/ExperimentsCharts';
import { HeadToHead } from '../../components/compare/HeadToHead';
import { MetricComparisonTable } from '../../components/compare/MetricComparisonTable';
import { PairSelector } from '../../components/compare/PairSelector';
import { TestCasesMode } from '../../components/compare/TestCasesMode';
import { Button } from '../../components/Button';
import { Segmented } from '../../components/Segmented';
import { FormatNotice } from '../../components/evaluate/FormatNotice';
import { NoDataset } from '../../components/evaluate/NoDataset';
import { EmptyState, ErrorBlock, errorMessage, LoadingBlock } from '../../components/evaluate/StateViews';
import { ApiError } from '../../lib/api';
import { loadExample } from '../../lib/evaluate/api';
import { resolvePair } from '../../lib/evaluate/compare';
import { isHierarchicalFormat } from '../../lib/evaluate/format';
import { compareCasesQuery, evalKeys, useAgreement, useComparison, useScorecard, useWinLoss, type CurrentDataset } from '../../lib/evaluate/queries';
import { usePrefetch } from '../../lib/usePrefetch';
import type { Dataset } from '../../lib/evaluate/types';
import { useSearchParam } from '../../lib/useSearchParam';
import { useEvalStore } from '../../stores/evalStore';
import { useEvaluateContext } from './context';

function NeedsExperiments({ current, detail, count }: { current: CurrentDataset; detail?: string; count: number }) {
  const client = useQueryClient();
  const load = useMutation({
    mutationFn: () => loadExample('comparison'),
    onSuccess: (r) => {
      const created = r.dataset ?? (r.dataset_id ? { id: r.dataset_id, format: r.format, row_count: r.row_count } : null);
      if (created) client.setQueryData<Dataset[]>(evalKeys.datasets, (old) => [created, ...(old ?? []).filter((d) => d.id !== created.id)]);
      void client.invalidateQueries({ queryKey: evalKeys.datasets });
      if (created) current.select(created.id);
    },
  });
  return (
    <EmptyState
      icon={GitCompareArrows}
      title="Comparison needs multi-experiment data"
      testId="compare-needs-experiments"
      message={
        <>
          <p>
            Experiments are the distinct values of <code className="font-semibold text-ink">evaluation_name</code>. This dataset has{' '}
            {count === 1 ? 'only one' : count === 0 ? 'none' : count}. Upload results that score the same cases under two or more
            experiments, or load the Model Comparison example.
          </p>
          {detail ? <p className="mt-2 text-xs">Server: {detail}</p> : null}
          {load.isError ? <p className="mt-2 text-sm text-error">{errorMessage(load.error)}</p> : null}
        </>
      }
      action={
        <Button variant="primary" onClick={() => load.mutate()} disabled={load.isPending} data-testid="load-comparison-example">
          {load.isPending ? <Loader2 className="h-4 w-4 animate-spin" aria-hidden="true" /> : <Sparkles className="h-4 w-4" aria-hidden="true" />}
          Load Model Comparison example
        </Button>
      }
    />
  );
}

type CompareMode = 'experiments' | 'cases';

const MODES: Array<{ value: CompareMode; label: string }> = [
  { value: 'cases', label: 'Test Cases' },
  { value: 'experiments', label: 'Experiments' },
];

function CompareBody({ dataset, current }: { dataset: Dataset; current: CurrentDataset }) {
  const [modeParam, setModeParam] = useSearchParam('mode');
  const mode: CompareMode = modeParam === 'cases' ? 'cases' : 'experiments';
  const colors = useChartColors();
  const scorecard = useScorecard({ datasetId: dataset.id, evaluationName: null });
  const experiments = useMemo(() => scorecard.data?.experiments ?? [], [scorecard.data]);
  const stored = useEvalStore((s) => s.pairByDataset[dataset.id]);
  const setPair = useEvalStore((s) => s.setPair);
  const { baseline, challenger } = resolvePair(experiments, stored);
  const multi = experiments.length >= 2;
  const pair = baseline && challenger ? { datasetId: dataset.id, baseline, challenger } : null;
  const comparison = useComparison(pair);
  // The win/loss and agreement cards read these (same keys): they go out with the comparison.
  useWinLoss(dataset.id, multi);
  useAgreement(dataset.id, multi);
  // The case list shows under the comparison: its first page goes out with it.
  usePrefetch(pair ? compareCasesQuery(firstCasesPage(pair)) : null);
  // The case open in the detail dialog is in the address (?case=): a link opens it, Back closes it.
  const [caseId, setCaseParam] = useSearchParam('case');
  const setCaseId = (id: string | null) => setCaseParam(id, { push: id !== null });

  const metrics = comparison.data?.metrics ?? [];
  const barOpt = useMemo(
    () =>
      groupedBarOption(
        metrics.map((m) => m.metric),
        [
          { name: baseline ?? 'Baseline', values: metrics.map((m) => m.baseline?.mean) },
          { name: challenger ?? 'Challenger', values: metrics.map((m) => m.challenger?.mean) },
        ],
        [colors[1]!, colors[0]!],
      ),
    [metrics, baseline, challenger, colors],
  );
  const radarOpt = useMemo(
    () =>
      metrics.length >= 3
        ? radarOption(
            metrics.map((m) => m.metric),
            [
              { name: baseline ?? 'Baseline', values: metrics.map((m) => m.baseline?.mean ?? null) },
              { name: challenger ?? 'Challenger', values: metrics.map((m) => m.challenger?.mean ?? null) },
            ],
            [colors[1]!, colors[0]!],
          )
        : null,
    [metrics, baseline, challenger, colors],
  );
  const roleColor = (name: string) => (name === baseline ? colors[1] : name === challenger ? colors[0] : undefined);

  if (scorecard.isPending) return <LoadingBlock label="Loading experiments…" />;
  if (scorecard.isError) {
    if (scorecard.error instanceof ApiError && scorecard.error.status === 400) return <FormatNotice dataset={dataset} feature="Comparison" detail={scorecard.error.message} />;
    return <ErrorBlock error={scorecard.error} onRetry={() => void scorecard.refetch()} />;
  }
  const switcher = (
    <div className="w-fit">
      <Segmented label="Comparison mode" options={MODES} value={mode} onChange={(m) => setModeParam(m === 'experiments' ? null : m, { push: true })} testIdPrefix="compare-mode" />
    </div>
  );
  if (mode === 'cases') {
    return (
      <div className="space-y-6">
        {switcher}
        <TestCasesMode datasetId={dataset.id} />
      </div>
    );
  }
  if (!multi) {
    return (
      <div className="space-y-6">
        {switcher}
        <NeedsExperiments current={current} count={experiments.length} />
      </div>
    );
  }

  return (
    <div className="space-y-6">
      {switcher}
      <PairSelector
        experiments={experiments}
        baseline={baseline}
        challenger={challenger}
        colors={[colors[1]!, colors[0]!]}
        onChange={(p) => setPair(dataset.id, p)}
      />
      {!pair ? (
        <p className="rounded-xl border border-dashed bg-white px-5 py-10 text-center text-sm text-ink-muted" data-testid="choose-pair">
          This dataset has {experiments.length} experiments. Choose a baseline and a challenger to compare them.
        </p>
      ) : comparison.isPending ? (
        <LoadingBlock label="Running the comparison…" />
      ) : comparison.isError ? (
        comparison.error instanceof ApiError && comparison.error.status === 400 ? (
          <NeedsExperiments current={current} count={experiments.length} detail={comparison.error.message} />
        ) : (
          <ErrorBlock error={comparison.error} onRetry={() => void comparison.refetch()} title="Could not compare the experiments" />
        )
      ) : comparison.data ? (
        <>
          <HeadToHead data={comparison.data} baseline={baseline!} challenger={challenger!} />
          <section className="rounded-xl border bg-white shadow-card">
            <div className="border-b px-5 py-3">
              <h3 className="text-sm font-semibold text-ink">Metric by metric</h3>
            </div>
            {metrics.length === 0 ? (
              <p className="px-5 py-8 text-center text-sm text-ink-muted">No metric is scored by both experiments.</p>
            ) : (
              <MetricComparisonTable metrics={metrics} baseline={baseline!} challenger={challenger!} />
            )}
          </section>
          <div className="grid gap-6 xl:grid-cols-3">
            <ChartCard title="Mean per metric" subtitle={`${baseline} vs ${challenger}`} className={radarOpt ? 'xl:col-span-2' : 'xl:col-span-3'} testId="compare-bar">
              <EChart option={barOpt} height={320} ariaLabel="Mean score per metric for both experiments" />
            </ChartCard>
            {radarOpt ? (
              <ChartCard title="Metric profile" subtitle="Mean per metric, both experiments." testId="compare-radar">
                <EChart option={radarOpt} height={320} ariaLabel="Radar of mean scores for both experiments" />
              </ChartCard>
            ) : null}
            <WinLossCard datasetId={dataset.id} experiments={experiments} colorOf={roleColor} />
            <AgreementCard datasetId={dataset.id} experiments={experiments} className="xl:col-span-2" />
          </div>
          <div>
            <CaseDiffList datasetId={dataset.id} baseline={baseline!} challenger={challenger!} onOpenCase={setCaseId} />
            <CompareCaseModal
              datasetId={dataset.id}
              caseId={caseId}
              experiments={[baseline!, challenger!]}
              labels={[`Baseline · ${baseline}`, `Challenger · ${challenger}`]}
              onClose={() => setCaseId(null)}
            />
          </div>
        </>
      ) : null}
    </div>
  );
}

export default function ComparePage() {
  const { current } = useEvaluateContext();
  if (current.isLoading) return <LoadingBlock label="Loading datasets…" />;
  if (current.error) return <ErrorBlock error={current.error} title="Could not list the stored datasets" />;
  if (!current.dataset) return current.datasetId ? <LoadingBlock /> : <NoDataset what="comparison" />;
  if (!isHierarchicalFormat(current.dataset.format)) return <FormatNotice dataset={current.dataset} feature="Comparison" />;
  return <CompareBody key={current.dataset.id} dataset={current.dataset} current={current} />;
}
