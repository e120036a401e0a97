import { FlaskConical, Gauge, ListChecks, Trophy } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { exportTestCases, type TestCasesFilter, type TestCasesView } from '../../lib/evaluate/api';
import { formatScore } from '../../lib/evaluate/format';
import { useTestCases } from '../../lib/evaluate/queries';
import { useDebounced } from '../../lib/evaluate/useDebounced';
import { useSearchParam } from '../../lib/useSearchParam';
import { Pagination } from '../evaluate/Pagination';
import { KpiCard, KpiGrid } from '../evaluate/KpiCard';
import { ErrorBlock, LoadingBlock } from '../evaluate/StateViews';
import { ChartTabs } from './ChartTabs';
import { CompareCaseModal } from './CompareCaseModal';
import { AgreementCard, WinLossCard } from './ExperimentsCharts';
import { ExportButtons } from './ExportButtons';
import { MetadataFilters } from './MetadataFilters';
import { MetricMeansChart } from './MetricMeansChart';
import { PairScatter } from './PairScatter';
import { SpreadChart } from './SpreadChart';
import { TestCasesTable } from './TestCasesTable';
import { MAX_FIELDS, PAGE_SIZES, QUICK_FILTERS, TestCasesToolbar, type ToolbarState } from './TestCasesToolbar';
import { useMetadataParams } from './useMetadataParams';

const needsTwo = <p className="rounded-xl border border-dashed bg-white px-5 py-10 text-center text-sm text-ink-muted">This chart needs two experiments.</p>;

/** Test Cases mode: KPIs, metadata filters, chart tabs, and every case across experiments with server-side quick filters, metric and field pickers, paging and CSV export. Every choice is kept in the URL. */
export function TestCasesMode({ datasetId }: { datasetId: string }) {
  const { selected, setValue, clear } = useMetadataParams();
  const [urlSearch, setUrlSearch] = useSearchParam('q');
  const [viewParam, setView] = useSearchParam('view');
  const [layoutParam, setLayout] = useSearchParam('layout');
  const [metric, setMetric] = useSearchParam('metric');
  const [fieldsParam, setFields] = useSearchParam('fields');
  const [rowsParam, setRows] = useSearchParam('rows');
  const [caseId, setCaseId] = useSearchParam('case');
  const [, setParams] = useSearchParams();
  const [searchText, setSearchText] = useState(urlSearch ?? '');
  const search = useDebounced(searchText, 300);
  const [page, setPage] = useState(1);
  const view: TestCasesView = QUICK_FILTERS.some((f) => f.value === viewParam) ? (viewParam as TestCasesView) : 'all';
  const pageSize = PAGE_SIZES.includes(Number(rowsParam)) ? Number(rowsParam) : PAGE_SIZES[0]!;
  const fields = (fieldsParam ?? '').split(',').filter(Boolean).slice(0, MAX_FIELDS);
  const filter: TestCasesFilter = { datasetId, metadata: selected, search, view, metric, fields };
  const filterKey = JSON.stringify([filter, pageSize]);

  useEffect(() => setUrlSearch(search.trim() ? search : null), [search, setUrlSearch]);
  useEffect(() => setPage(1), [filterKey]);

  const { data, isPending, isError, error, refetch, isFetching } = useTestCases({ ...filter, page, pageSize });

  if (isPending) return <LoadingBlock label="Loading test cases…" />;
  if (isError) {
    const reset = metric || fields.length > 0 || view !== 'all';
    return (
      <div className="space-y-3">
        <ErrorBlock error={error} onRetry={() => void refetch()} title="Could not load the test cases" />
        {reset ? (
          <button
            type="button"
            className="text-sm font-medium text-primary underline"
            onClick={() =>
              setParams(
                (prev) => {
                  const next = new URLSearchParams(prev);
                  for (const name of ['metric', 'fields', 'view']) next.delete(name);
                  return next;
                },
                { replace: true },
              )
            }
            data-testid="test-cases-reset"
          >
            Reset the score, fields and quick filter
          </button>
        ) : null}
      </div>
    );
  }
  const { kpis } = data;
  const scoreLabel = data.metric ?? 'overall';
  const state: ToolbarState = { view, layout: layoutParam === 'classic' ? 'classic' : 'side', metric, fields, pageSize, search: searchText };
  const onChange = (c: Partial<ToolbarState>) => {
    if (c.view !== undefined) setView(c.view === 'all' ? null : c.view);
    if (c.layout !== undefined) setLayout(c.layout === 'side' ? null : c.layout);
    if (c.metric !== undefined) setMetric(c.metric);
    if (c.fields !== undefined) setFields(c.fields.length ? c.fields.join(',') : null);
    if (c.pageSize !== undefined) setRows(c.pageSize === PAGE_SIZES[0] ? null : String(c.pageSize));
    if (c.search !== undefined) setSearchText(c.search);
  };
  const two = data.experiments.length >= 2;
  // The modal shows the experiments that scored the opened case when it is on this page.
  const openRow = data.cases.find((c) => c.dataset_id === caseId);
  const caseExperiments = openRow ? data.experiments.filter((_, i) => typeof openRow.scores[i] === 'number') : data.experiments;

  return (
    <div className="space-y-6" data-testid="test-cases-mode">
      <KpiGrid testId="test-cases-kpis">
        <KpiCard icon={ListChecks} label="Test Cases" value={kpis.test_cases} testId="kpi-test-cases" />
        <KpiCard icon={FlaskConical} label="Experiments" value={kpis.experiments} testId="kpi-experiments" />
        <KpiCard icon={Gauge} label="Average Score" value={formatScore(kpis.average_score)} hint={`Mean ${scoreLabel} score, every listed case in every experiment`} testId="kpi-average" />
        <KpiCard
          icon={Trophy}
          label="Leading Experiment"
          value={<span title={kpis.leading_experiment ?? undefined}>{kpis.leading_experiment ?? '—'}</span>}
          hint={kpis.leading_score != null ? `mean ${formatScore(kpis.leading_score)}` : undefined}
          testId="kpi-leading"
        />
      </KpiGrid>
      <section className="rounded-xl border bg-white p-4 shadow-card" aria-label="Filters">
        <MetadataFilters keys={data.metadata} selected={selected} onChange={setValue} onClear={clear} />
      </section>
      <ChartTabs
        label="Charts"
        tabs={[
          { id: 'distribution', label: 'Distribution', render: () => <SpreadChart spreads={data.distribution} scoreLabel={scoreLabel} /> },
          { id: 'radar', label: 'Radar', render: () => <MetricMeansChart kind="radar" experiments={data.experiments} metricMeans={data.metric_means} /> },
          { id: 'bar', label: 'Bar', render: () => <MetricMeansChart kind="bar" experiments={data.experiments} metricMeans={data.metric_means} /> },
          { id: 'scatter', label: 'Scatter', render: () => (two ? <PairScatter datasetId={datasetId} experiments={data.experiments} /> : needsTwo) },
          { id: 'winloss', label: 'Win/Loss', render: () => (two ? <WinLossCard datasetId={datasetId} experiments={data.experiments} /> : needsTwo) },
          { id: 'agreement', label: 'Agreement', render: () => (two ? <AgreementCard datasetId={datasetId} experiments={data.experiments} /> : needsTwo) },
        ]}
      />
      <section className="rounded-xl border bg-white shadow-card" aria-label="Test cases">
        <TestCasesToolbar
          state={state}
          metrics={data.metric_means.map((m) => m.metric)}
          fieldOptions={data.field_options}
          onChange={onChange}
          exportButton={<ExportButtons nameParts={['test-cases', view]} formats={['csv']} testIdPrefix="export-test-cases" fetchFile={() => exportTestCases(filter)} />}
        />
        <div className="p-5">
          {data.kpis.experiments > data.experiments.length ? (
            <p className="mb-3 text-xs text-ink-muted">Showing the first {data.experiments.length} of {data.kpis.experiments} experiments.</p>
          ) : null}
          <TestCasesTable
            experiments={data.experiments}
            cases={data.cases}
            fields={data.fields}
            layout={state.layout}
            scoreLabel={scoreLabel}
            fetching={isFetching}
            onOpen={(id) => setCaseId(id)}
          />
          <div className="mt-3">
            <Pagination page={page} pageSize={pageSize} total={data.total} onPage={setPage} testId="test-cases-pagination" />
          </div>
        </div>
      </section>
      <CompareCaseModal datasetId={datasetId} caseId={caseId} experiments={caseExperiments.length ? caseExperiments : data.experiments} onClose={() => setCaseId(null)} />
    </div>
  );
}
