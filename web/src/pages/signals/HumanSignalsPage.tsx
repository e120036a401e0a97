import { Users } from 'lucide-react';
import { useCallback, useMemo, useState } from 'react';
import { DatasetWorkspace, type EmptyCopy } from '../../components/DatasetWorkspace';
import type { ExampleChoice, UploadTarget } from '../../components/evaluate/FileUpload';
import { QueryView } from '../../components/QueryView';
import { CaseDetail } from '../../components/signals/CaseDetail';
import { CasesTable } from '../../components/signals/CasesTable';
import { ChartSectionBlock } from '../../components/signals/ChartSectionBlock';
import { SignalsFilters } from '../../components/signals/SignalsFilters';
import { SignalsKpiStrip } from '../../components/signals/SignalsKpiStrip';
import { useCopilotContext } from '../../lib/copilot/useCopilotContext';
import type { Dataset } from '../../lib/evaluate/types';
import { PAGES } from '../../lib/pages';
import { useUrlPreset } from '../../lib/useSearchParam';
import { loadSignalsExample, uploadSignals } from '../../lib/signals/api';
import { filterKey } from '../../lib/signals/cases';
import { useCaseFigures, useFilterOptions, useMetricSchema } from '../../lib/signals/queries';
import type { CaseFigures, SignalsCase } from '../../lib/signals/types';
import { useSignalsStore } from '../../stores/signalsStore';

const EXAMPLES: ExampleChoice[] = [{ name: 'hitl', label: 'Human Signals Sample' }];
const TARGET: UploadTarget = { upload: uploadSignals, example: loadSignalsExample };

const PRESET_FIELDS = ['source_name'];

/** A source given in the URL (links from Production) becomes the source filter once. */
function useSourcePreset() {
  const setFilter = useSignalsStore((s) => s.setFilter);
  const apply = useCallback((values: Record<string, string>) => setFilter('source_name', values.source_name ? [values.source_name] : []), [setFilter]);
  useUrlPreset(PRESET_FIELDS, apply);
}

const count = (n: number) => n.toLocaleString('en-US');

/** What the figures below the KPIs cover. */
function scopeText(figures: CaseFigures, filtered: boolean): string {
  const all = `The KPIs above cover all ${count(figures.all_cases)} cases and come from the server. The charts and the table below are computed on the server too`;
  return filtered ? `${all}, over the ${count(figures.total)} of them matching the filters.` : `${all}, over every case.`;
}

function Dashboard({ dataset }: { dataset: Dataset }) {
  const schema = useMetricSchema(dataset.id);
  const { filters, setFilter, clearFilters, pageSize, setPageSize } = useSignalsStore();
  const [open, setOpen] = useState<SignalsCase | null>(null);
  const config = schema.data?.display_config;
  const filterConfigs = useMemo(() => config?.filters ?? [], [config]);
  const applicable = useMemo(() => {
    const keys = new Set(filterConfigs.map(filterKey));
    return Object.fromEntries(Object.entries(filters).filter(([k, v]) => keys.has(k) && v.length > 0));
  }, [filters, filterConfigs]);
  const filtered = Object.keys(applicable).length > 0;
  const options = useFilterOptions(dataset.id);
  const figures = useCaseFigures(dataset.id, applicable);
  const colorMaps = config?.color_maps ?? {};
  const columns = config?.table_columns ?? [];

  return (
    <QueryView query={schema} loadingLabel="Loading the signals layout…">
      <div className="space-y-6">
        <SignalsKpiStrip kpis={schema.data?.kpis ?? []} config={config?.kpi_strip} />
        <QueryView query={figures} loadingLabel="Loading cases…">
          {figures.data ? (
            <p className="text-xs text-ink-muted" data-testid="signals-scope">
              {scopeText(figures.data, filtered)}
            </p>
          ) : null}
          <SignalsFilters filters={filterConfigs} options={options.data?.options ?? {}} chosen={applicable} onChange={setFilter} onClear={clearFilters} />
          {(config?.chart_sections ?? []).map((section) => (
            <ChartSectionBlock key={section.title} section={section} figures={figures.data} colorMaps={colorMaps} />
          ))}
          <CasesTable datasetId={dataset.id} filters={applicable} columns={columns} colorMaps={colorMaps} pageSize={pageSize} onPageSize={setPageSize} onOpen={setOpen} />
        </QueryView>
        <CaseDetail c={open} schema={schema.data?.metric_schema} onClose={() => setOpen(null)} />
      </div>
    </QueryView>
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
  useSourcePreset();
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
