import { Tags } from 'lucide-react';
import { useMemo } from 'react';
import { useSearchParam } from '../../lib/useSearchParam';
import { ChartCard } from '../charts/ChartCard';
import { EChart } from '../charts/EChart';
import { metricMeansOption, valueAxis } from '../charts/options';
import { useChartColors } from '../charts/useChartColors';
import { SelectField } from '../SelectField';
import { CaseData, BinTable } from './CaseBinsView';
import { groupByMetadata, metadataKeys, type CaseRecord } from './caseStats';

/** Groups drawn in the charts; the table lists them all. */
const CHART_GROUPS = 15;

function MetadataCharts({ cases }: { cases: CaseRecord[] }) {
  const colors = useChartColors();
  const keys = useMemo(() => metadataKeys(cases), [cases]);
  const [wanted, setKey] = useSearchParam('meta');
  const key = wanted !== null && keys.includes(wanted) ? wanted : (keys[0] ?? '');
  const groups = useMemo(() => groupByMetadata(cases, key), [cases, key]);
  const shown = groups.slice(0, CHART_GROUPS);
  const meanOpt = useMemo(() => metricMeansOption(shown.map((g) => ({ name: g.label, value: g.mean })), colors), [shown, colors]);
  const passOpt = useMemo(
    () => ({ ...metricMeansOption(shown.map((g) => ({ name: g.label, value: g.passRate })), colors), xAxis: valueAxis('Pass rate (share of cases ≥ 0.5)', { min: 0, max: 1 }) }),
    [shown, colors],
  );
  const height = Math.max(220, shown.length * 34 + 60);
  const more = groups.length > shown.length ? ` (first ${shown.length} of ${groups.length} groups)` : '';
  return (
    <>
      <div className="flex flex-wrap items-center gap-3 rounded-xl border bg-white px-4 py-3 shadow-card">
        <SelectField label="Group by" value={key} options={keys} onChange={setKey} testId="metadata-key" />
        <span className="text-xs text-ink-muted" data-testid="metadata-coverage">
          {groups.reduce((s, g) => s + g.count, 0)} of {cases.length} cases have “{key}”
        </span>
      </div>
      <div className="grid gap-6 xl:grid-cols-2">
        <ChartCard title={`Mean score by ${key}`} subtitle={`Dashed lines: pass 0.5 and good 0.7${more}.`} testId="metadata-mean">
          <EChart option={meanOpt} height={height} ariaLabel={`Mean case score per ${key} value; the table below lists the values`} />
        </ChartCard>
        <ChartCard title={`Pass rate by ${key}`} subtitle={`Share of cases scoring at least 0.5${more}.`} testId="metadata-pass">
          <EChart option={passOpt} height={height} ariaLabel={`Pass rate per ${key} value; the table below lists the values`} />
        </ChartCard>
      </div>
      <BinTable caption={`Summary by ${key}`} groupLabel={key} bins={groups} testId="metadata-table" />
    </>
  );
}

/** Deep Dive → Metadata: scores grouped by a key of each case's data_metadata. */
export function DeepDiveMetadata({ datasetId }: { datasetId: string }) {
  return (
    <CaseData
      datasetId={datasetId}
      has={(c) => c.metadata !== null && Object.keys(c.metadata).length > 0}
      testId="deep-dive-metadata"
      empty={{
        icon: Tags,
        title: 'No metadata',
        message: 'No case has a data_metadata object (JSON, or a Python dict literal). Upload a dataset with a data_metadata column.',
      }}
    >
      {({ cases }) => <MetadataCharts cases={cases} />}
    </CaseData>
  );
}
