import { FlaskConical, Gauge, ListChecks, Search, Trophy } from 'lucide-react';
import { useEffect, useState } from 'react';
import { formatScore } from '../../lib/evaluate/format';
import { useTestCases } from '../../lib/evaluate/queries';
import { useDebounced } from '../../lib/evaluate/useDebounced';
import { useSearchParam } from '../../lib/useSearchParam';
import { Pagination } from '../evaluate/Pagination';
import { KpiCard, KpiGrid } from '../evaluate/KpiCard';
import { SelectField } from '../SelectField';
import { ErrorBlock, LoadingBlock } from '../evaluate/StateViews';
import { MetadataFilters } from './MetadataFilters';
import { PairScatter } from './PairScatter';
import { SpreadChart } from './SpreadChart';
import { TestCasesTable } from './TestCasesTable';
import { useMetadataParams } from './useMetadataParams';

const PAGE_SIZES = [10, 25, 50];

/** Test Cases mode: KPIs, metadata filters, Distribution and Scatter charts, and every case side by side across experiments (paged by the server). */
export function TestCasesMode({ datasetId }: { datasetId: string }) {
  const { selected, setValue, clear } = useMetadataParams();
  const [urlSearch, setUrlSearch] = useSearchParam('q');
  const [searchText, setSearchText] = useState(urlSearch ?? '');
  const search = useDebounced(searchText, 300);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(PAGE_SIZES[0]!);
  const filterKey = JSON.stringify(selected);

  useEffect(() => setUrlSearch(search.trim() ? search : null), [search, setUrlSearch]);
  useEffect(() => setPage(1), [filterKey, search, pageSize]);

  const { data, isPending, isError, error, refetch, isFetching } = useTestCases({ datasetId, metadata: selected, search, page, pageSize });

  if (isPending) return <LoadingBlock label="Loading test cases…" />;
  if (isError) return <ErrorBlock error={error} onRetry={() => void refetch()} title="Could not load the test cases" />;
  const { kpis } = data;

  return (
    <div className="space-y-6" data-testid="test-cases-mode">
      <KpiGrid testId="test-cases-kpis">
        <KpiCard icon={ListChecks} label="Test Cases" value={kpis.test_cases} testId="kpi-test-cases" />
        <KpiCard icon={FlaskConical} label="Experiments" value={kpis.experiments} testId="kpi-experiments" />
        <KpiCard icon={Gauge} label="Average Score" value={formatScore(kpis.average_score)} hint="Mean overall score, every case in every experiment" testId="kpi-average" />
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
      <div className="grid gap-6 xl:grid-cols-2">
        <SpreadChart spreads={data.distribution} />
        {data.experiments.length >= 2 ? (
          <PairScatter datasetId={datasetId} experiments={data.experiments} />
        ) : (
          <p className="rounded-xl border border-dashed bg-white px-5 py-10 text-center text-sm text-ink-muted">The scatter needs two experiments.</p>
        )}
      </div>
      <section className="rounded-xl border bg-white shadow-card">
        <div className="flex flex-wrap items-center justify-between gap-3 border-b px-5 py-3">
          <h3 className="text-sm font-semibold text-ink">Cases side by side</h3>
          <div className="flex flex-wrap items-center gap-3">
            <SelectField label="Rows" value={String(pageSize)} options={PAGE_SIZES.map(String)} onChange={(v) => setPageSize(Number(v))} testId="test-cases-page-size" />
            <label className="relative">
              <span className="sr-only">Search test cases</span>
              <Search className="pointer-events-none absolute left-2.5 top-1/2 h-3.5 w-3.5 -translate-y-1/2 text-ink-muted" aria-hidden="true" />
              <input
                value={searchText}
                onChange={(e) => setSearchText(e.target.value)}
                placeholder="Search query or ID"
                data-testid="test-cases-search"
                className="w-56 rounded-lg border bg-white py-1.5 pl-8 pr-2 text-xs focus:border-primary-soft focus:outline-none"
              />
            </label>
          </div>
        </div>
        <div className="p-5">
          {data.kpis.experiments > data.experiments.length ? (
            <p className="mb-3 text-xs text-ink-muted">Showing the first {data.experiments.length} of {data.kpis.experiments} experiments.</p>
          ) : null}
          <TestCasesTable experiments={data.experiments} cases={data.cases} fetching={isFetching} />
          <div className="mt-3">
            <Pagination page={page} pageSize={pageSize} total={data.total} onPage={setPage} testId="test-cases-pagination" />
          </div>
        </div>
      </section>
    </div>
  );
}
