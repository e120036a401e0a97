import { Users } from 'lucide-react';
import { useMemo, useState } from 'react';
import { DatasetWorkspace, type EmptyCopy } from '../../components/DatasetWorkspace';
import type { ExampleChoice, UploadTarget } from '../../components/evaluate/FileUpload';
import { LoadingBlock } from '../../components/evaluate/StateViews';
import { QueryView } from '../../components/QueryView';
import { CaseDetail } from '../../components/signals/CaseDetail';
import { CasesTable } from '../../components/signals/CasesTable';
import { ChartSectionBlock } from '../../components/signals/ChartSectionBlock';
import { SignalsFilters } from '../../components/signals/SignalsFilters';
import { SignalsKpiStrip } from '../../components/signals/SignalsKpiStrip';
import { SignalsTimeRange } from '../../components/signals/SignalsTimeRange';
import { SignalTrendsCard } from '../../components/signals/SignalTrendsCard';
import { SourceSelector } from '../../components/sources/SourceSelector';
import { useCopilotContext } from '../../lib/copilot/useCopilotContext';
import type { Dataset } from '../../lib/evaluate/types';
import { PAGES } from '../../lib/pages';
import { loadSignalsExample, uploadSignals } from '../../lib/signals/api';
import { filterKey } from '../../lib/signals/cases';
import { useStoreMetadata } from '../../lib/monitoring/queries';
import { casesPageQuery, useCaseFigures, useFilterOptions, useMetricSchema, useSignalsTrends } from '../../lib/signals/queries';
import { usePrefetch } from '../../lib/usePrefetch';
import { parseRange, rangeWindow, type SignalsRange, type TimeWindow } from '../../lib/signals/timeRange';
import type { CaseFigures, FilterConfig, SignalsCase } from '../../lib/signals/types';
import type { SourceEntry } from '../../lib/sources/types';
import { useSourceSelection, type SourceSelection } from '../../lib/sources/useSourceSelection';
import { useSearchParam } from '../../lib/useSearchParam';
import { useSignalsStore } from '../../stores/signalsStore';

const EXAMPLES: ExampleChoice[] = [{ name: 'hitl', label: 'Human Signals Sample' }];
const TARGET: UploadTarget = { upload: uploadSignals, example: loadSignalsExample };

/** The case field the SourceSelector filters on; the collapsible filters leave it to the selector. */
const SOURCE_FIELD = 'source_name';
const isSelectorField = (f: FilterConfig) => f.type === 'source' && filterKey(f) === SOURCE_FIELD;

const count = (n: number) => n.toLocaleString('en-US');

/** What the figures below the KPIs cover. */
function scopeText(figures: CaseFigures, filtered: boolean, source: SourceEntry | null, windowed: boolean): string {
  const where = windowed ? ' in the time range' : '';
  const kpis = source ? `The KPIs above cover the cases of ${source.label}${where}` : windowed ? 'The KPIs above cover the cases in the time range' : `The KPIs above cover all ${count(figures.all_cases)} cases`;
  const all = `${kpis} and come from the server. The charts and the table below are computed on the server too`;
  return filtered ? `${all}, over the ${count(figures.total)} of them matching the filters.` : `${all}, over every case${where}.`;
}

/** The time range in the URL (`?range=`, and `from`/`to` for custom) and the window it makes from the newest case's Timestamp. */
function useTimeRange(newest: string | null) {
  const [rangeParam, setRange] = useSearchParam('range');
  const [from, setFrom] = useSearchParam('from');
  const [to, setTo] = useSearchParam('to');
  const range = parseRange(rangeParam);
  const window: TimeWindow = useMemo(() => rangeWindow(range, newest, from ?? '', to ?? ''), [range, newest, from, to]);
  return {
    range,
    from: from ?? '',
    to: to ?? '',
    window,
    setRange: (r: SignalsRange) => setRange(r === '30d' ? null : r),
    setCustom: (bound: 'from' | 'to', value: string) => (bound === 'from' ? setFrom(value || null) : setTo(value || null)),
  };
}

/** Waits for the source list and the newest case's Timestamp so the first figures already cover the chosen source and range. */
function Dashboard({ dataset }: { dataset: Dataset }) {
  const selection = useSourceSelection({ kind: 'human_signals', allowAll: true });
  const metadata = useStoreMetadata('human_signals', dataset.id);
  if (selection.pending || metadata.isPending) return <LoadingBlock label="Loading sources…" />;
  // Without the metadata the page still works, over every case.
  return <DashboardBody dataset={dataset} selection={selection} newest={metadata.data?.metadata?.time_range?.max ?? null} />;
}

const NO_WINDOW: TimeWindow = {};

function DashboardBody({ dataset, selection, newest }: { dataset: Dataset; selection: SourceSelection; newest: string | null }) {
  const { sources, selected, select } = selection;
  const sourceId = selected?.id ?? null;
  const time = useTimeRange(newest);
  const window = newest ? time.window : NO_WINDOW;
  const schema = useMetricSchema(dataset.id, sourceId ?? undefined, window);
  const dated = newest !== null && schema.data?.metric_schema?.has_timestamp !== false;
  const { filters, setFilter, clearFilters, pageSize, setPageSize } = useSignalsStore();
  const [open, setOpen] = useState<SignalsCase | null>(null);
  const config = schema.data?.display_config;
  const filterConfigs = useMemo(() => (config?.filters ?? []).filter((f) => !isSelectorField(f)), [config]);
  const chosen = useMemo(() => {
    const keys = new Set(filterConfigs.map(filterKey));
    return Object.fromEntries(Object.entries(filters).filter(([k, v]) => keys.has(k) && v.length > 0));
  }, [filters, filterConfigs]);
  const applicable = useMemo(() => (sourceId ? { ...chosen, [SOURCE_FIELD]: [sourceId] } : chosen), [chosen, sourceId]);
  const filtered = Object.keys(applicable).length > 0;
  const options = useFilterOptions(dataset.id);
  const figures = useCaseFigures(dataset.id, applicable, window);
  const trends = useSignalsTrends(dataset.id, applicable, window, dated);
  // The cases table shows under the layout (the metric schema): its first page goes out with it.
  usePrefetch(casesPageQuery({ datasetId: dataset.id, filters: applicable, sort: null, page: 1, pageSize, window }));
  const colorMaps = config?.color_maps ?? {};
  const columns = config?.table_columns ?? [];

  return (
    <div className="space-y-6">
      {dated ? <SignalsTimeRange range={time.range} from={time.from} to={time.to} window={window} onRange={time.setRange} onCustom={time.setCustom} /> : null}
      <SourceSelector sources={sources} selected={sourceId} onSelect={select} allowAll />
      <QueryView query={schema} loadingLabel="Loading the signals layout…">
        <SignalsKpiStrip kpis={schema.data?.kpis ?? []} config={config?.kpi_strip} trends={dated ? trends.data : undefined} />
        <QueryView query={figures} loadingLabel="Loading cases…">
          {figures.data ? (
            <p className="text-xs text-ink-muted" data-testid="signals-scope">
              {scopeText(figures.data, filtered, selected, !!(window.time_start || window.time_end))}
            </p>
          ) : null}
          <SignalsFilters filters={filterConfigs} options={options.data?.options ?? {}} chosen={chosen} onChange={setFilter} onClear={clearFilters} />
          {dated ? <SignalTrendsCard query={trends} /> : null}
          {(config?.chart_sections ?? []).map((section) => (
            <ChartSectionBlock key={section.title} section={section} figures={figures.data} colorMaps={colorMaps} />
          ))}
          <CasesTable datasetId={dataset.id} filters={applicable} timeWindow={window} columns={columns} colorMaps={colorMaps} pageSize={pageSize} onPageSize={setPageSize} onOpen={setOpen} />
        </QueryView>
        <CaseDetail c={open} schema={schema.data?.metric_schema} onClose={() => setOpen(null)} />
      </QueryView>
    </div>
  );
}

const EMPTY: EmptyCopy = {
  icon: Users,
  title: 'No human signals yet',
  message:
    'Upload a human-signals CSV (one row per case and metric, with dataset_id, metric_name, signals and source_name), or load the Human Signals Sample. Cases, KPIs and the dashboard layout are built on the server.',
};

export default function HumanSignalsPage() {
  const storedId = useSignalsStore((s) => s.datasetId);
  const setStoredId = useSignalsStore((s) => s.setDatasetId);
  const clearFilters = useSignalsStore((s) => s.clearFilters);
  useCopilotContext(storedId, 'Human signals dataset');
  return (
    <DatasetWorkspace
      page={PAGES.humanSignals}
      kind="human_signals"
      storedId={storedId}
      onStoredId={setStoredId}
      target={TARGET}
      dbStore="human_signals"
      examples={EXAMPLES}
      uploadTitle="Load human signals"
      testId="signals"
      onLoaded={clearFilters}
      empty={EMPTY}
    >
      {(dataset) => <Dashboard key={dataset.id} dataset={dataset} />}
    </DatasetWorkspace>
  );
}
