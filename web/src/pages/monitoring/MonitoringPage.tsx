import { Activity, AlertTriangle, Lightbulb, LineChart, Table2, Tags } from 'lucide-react';
import { useEffect, useMemo } from 'react';
import { DatasetWorkspace, type EmptyCopy } from '../../components/DatasetWorkspace';
import type { ExampleChoice, UploadTarget } from '../../components/evaluate/FileUpload';
import { ErrorBlock, LoadingBlock } from '../../components/evaluate/StateViews';
import { AlertsPanel } from '../../components/monitoring/AlertsPanel';
import { BreakdownCard } from '../../components/monitoring/BreakdownCard';
import { FailingOutputsCard } from '../../components/monitoring/FailingOutputsCard';
import { ClassificationCard } from '../../components/monitoring/ClassificationCard';
import { InsightsList } from '../../components/monitoring/InsightsList';
import { LatencyCard } from '../../components/monitoring/LatencyCard';
import { MonitoringFiltersBar } from '../../components/monitoring/MonitoringFiltersBar';
import { MonitoringDbImport } from '../../components/monitoring/MonitoringDbImport';
import { MonitoringKpis } from '../../components/monitoring/MonitoringKpis';
import { RecordsTable } from '../../components/monitoring/RecordsTable';
import { ScoreTrendsCard } from '../../components/monitoring/ScoreTrendsCard';
import { SourceSelector } from '../../components/sources/SourceSelector';
import { TabBar, type TabItem } from '../../components/TabBar';
import { useCopilotContext } from '../../lib/copilot/useCopilotContext';
import type { Dataset } from '../../lib/evaluate/types';
import { loadMonitoringExample, uploadMonitoring } from '../../lib/monitoring/api';
import { filterParams } from '../../lib/monitoring/filters';
import { thresholdsFor } from '../../lib/monitoring/format';
import { useAlerts, useMonitoringDbConfig, useStoreMetadata, useSummary } from '../../lib/monitoring/queries';
import { PAGES } from '../../lib/pages';
import { sourceKeys } from '../../lib/sources/sources';
import { useSourceSelection, type SourceSelection } from '../../lib/sources/useSourceSelection';
import { useSearchParam, useUrlPreset } from '../../lib/useSearchParam';
import { useMonitoringStore } from '../../stores/monitoringStore';

const EXAMPLES: ExampleChoice[] = [{ name: 'monitoring', label: 'Monitoring Sample' }];
const TARGET: UploadTarget = { upload: uploadMonitoring, example: loadMonitoringExample };

type Tab = 'scores' | 'classification' | 'insights' | 'records' | 'alerts';
const TAB_IDS: Tab[] = ['scores', 'classification', 'insights', 'records', 'alerts'];

const PRESET_FIELDS = ['environment'];

/** An environment given in the URL replaces the stored one once (the source stays in the URL: see useSourceSelection). */
function useFilterPreset() {
  const setFilters = useMonitoringStore((s) => s.setFilters);
  useUrlPreset(PRESET_FIELDS, setFilters);
}

/** Waits for the source list so the first figures already cover the chosen source. */
function Dashboard({ dataset }: { dataset: Dataset }) {
  const selection = useSourceSelection({ kind: 'monitoring', allowAll: true });
  if (selection.pending) return <LoadingBlock label="Loading sources…" />;
  return <DashboardBody dataset={dataset} selection={selection} />;
}

function DashboardBody({ dataset, selection }: { dataset: Dataset; selection: SourceSelection }) {
  const [tabParam, setTabParam] = useSearchParam('tab');
  const select = (id: Tab) => setTabParam(id, { push: true });
  const tab: Tab = TAB_IDS.find((t) => t === tabParam) ?? 'scores';
  const { filters, setFilters, resetFilters, granularity, setGranularity } = useMonitoringStore();
  const { sources, selected, select: selectSource } = selection;
  const metadata = useStoreMetadata('monitoring', dataset.id);
  const meta = metadata.data?.metadata;
  const newest = meta?.time_range?.max ?? null;
  const sourceId = selected?.id ?? null;
  const query = useMemo(() => filterParams(dataset.id, filters, newest, sourceId), [dataset.id, filters, newest, sourceId]);
  const config = useMonitoringDbConfig();
  const thresholds = useMemo(() => thresholdsFor(config.data, sourceKeys(selected)), [config.data, selected]);
  const summary = useSummary(query);
  const alerts = useAlerts(query, granularity);
  const columnNames = useMemo(() => (meta?.columns ?? []).map((c) => c.column_name), [meta]);

  useEffect(() => {
    const values = meta?.filter_values;
    if (!values) return;
    if (filters.environment !== '' && !(values.environment ?? []).includes(filters.environment)) setFilters({ environment: '' });
  }, [meta, filters, setFilters]);

  const tabs: Array<TabItem<Tab>> = [
    { id: 'scores', label: 'Score Metrics', icon: LineChart },
    { id: 'classification', label: 'Classification', icon: Tags },
    { id: 'insights', label: 'Analysis Insights', icon: Lightbulb },
    { id: 'records', label: 'Records', icon: Table2 },
    { id: 'alerts', label: 'Alerts', icon: AlertTriangle, badge: alerts.data?.alerts?.length ?? null },
  ];

  return (
    <div className="space-y-6">
      <SourceSelector sources={sources} selected={sourceId} onSelect={selectSource} allowAll />
      <MonitoringFiltersBar filterValues={meta?.filter_values} timeRange={meta?.time_range} filters={filters} onChange={setFilters} onReset={resetFilters} />
      {summary.isError ? <ErrorBlock error={summary.error} title="The monitoring summary could not be computed" onRetry={() => void summary.refetch()} /> : null}
      <MonitoringKpis summary={summary.data} thresholds={thresholds} loading={summary.isPending} />
      <TabBar tabs={tabs} current={tab} onSelect={select} testIdPrefix="monitoring-tab" />
      {tab === 'scores' ? (
        <div className="space-y-6">
          <ScoreTrendsCard params={query} granularity={granularity} onGranularity={setGranularity} thresholds={thresholds} />
          <div className="grid gap-6 xl:grid-cols-2">
            <LatencyCard params={query} />
            <BreakdownCard params={query} passThreshold={thresholds.pass} />
          </div>
          {meta ? <FailingOutputsCard params={query} columns={columnNames} metrics={meta.filter_values?.metric_name ?? []} /> : null}
        </div>
      ) : null}
      {tab === 'classification' ? <ClassificationCard params={query} granularity={granularity} onGranularity={setGranularity} /> : null}
      {tab === 'insights' ? <InsightsList params={query} /> : null}
      {tab === 'records' ? <RecordsTable params={query} /> : null}
      {tab === 'alerts' ? <AlertsPanel alerts={alerts} /> : null}
    </div>
  );
}

const EMPTY_TEXT =
  'Upload a monitoring CSV (one row per traced output, with a dataset_id, a timestamp and *_score columns or metric_name/metric_score), or load the Monitoring Sample. The records are stored on the server.';

export default function MonitoringPage() {
  const storedId = useMonitoringStore((s) => s.datasetId);
  const setStoredId = useMonitoringStore((s) => s.setDatasetId);
  const resetFilters = useMonitoringStore((s) => s.resetFilters);
  useFilterPreset();
  useCopilotContext(storedId, 'Monitoring dataset');
  const empty: EmptyCopy = useMemo(
    () => ({
      icon: Activity,
      title: 'No monitoring data yet',
      message: (
        <>
          {EMPTY_TEXT}
          <MonitoringDbImport
            onImported={(id) => {
              resetFilters();
              setStoredId(id);
            }}
          />
        </>
      ),
    }),
    [resetFilters, setStoredId],
  );
  return (
    <DatasetWorkspace
      page={PAGES.monitoring}
      kind="monitoring"
      storedId={storedId}
      onStoredId={setStoredId}
      target={TARGET}
      dbStore="monitoring"
      examples={EXAMPLES}
      uploadTitle="Load monitoring records"
      testId="monitoring"
      onLoaded={resetFilters}
      empty={empty}
    >
      {(dataset) => <Dashboard key={dataset.id} dataset={dataset} />}
    </DatasetWorkspace>
  );
}
