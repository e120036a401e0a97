import { FileText } from 'lucide-react';
import { useMemo } from 'react';
import { ChartCard } from '../charts/ChartCard';
import { EChart } from '../charts/EChart';
import { metricMeansOption, scatterOption, valueAxis } from '../charts/options';
import { useChartColors } from '../charts/useChartColors';
import { CaseData, BinTable } from './CaseBinsView';
import { binCases, LENGTH_BINS, type CaseRecord } from './caseStats';

const lengthOf = (c: CaseRecord) => c.outputLength;

function ResponseCharts({ cases }: { cases: CaseRecord[] }) {
  const colors = useChartColors();
  const bins = useMemo(() => binCases(cases, LENGTH_BINS, lengthOf), [cases]);
  const barOpt = useMemo(() => metricMeansOption(bins.map((b) => ({ name: b.label, value: b.mean })), colors), [bins, colors]);
  const points = useMemo(() => cases.filter((c) => c.outputLength !== null && c.score !== null), [cases]);
  const scatterOpt = useMemo(() => {
    const option = scatterOption(
      points.map((c) => c.outputLength),
      points.map((c) => c.score),
      'Output length (characters)',
      'Score',
      colors,
      points.map((c) => c.id),
    );
    return { ...option, xAxis: valueAxis('Output length (characters)', { min: 0 }) };
  }, [points, colors]);
  return (
    <>
      <div className="grid gap-6 xl:grid-cols-2">
        <ChartCard title="Mean score by output length" subtitle="Cases binned by the characters of their output." testId="response-bar">
          <EChart option={barOpt} height={300} ariaLabel="Mean case score per output-length bin; the table below lists the values" />
        </ChartCard>
        <ChartCard title="Length vs score" subtitle={`${points.length} cases with an output and a score`} testId="response-scatter">
          <EChart option={scatterOpt} height={300} ariaLabel="Output length against case score, one point per case" />
        </ChartCard>
      </div>
      <BinTable caption="Output length statistics" groupLabel="Length (characters)" bins={bins} valueLabel="Mean length" formatValue={(v) => (v === null ? '—' : v.toFixed(0))} testId="response-table" />
    </>
  );
}

/** Deep Dive → Response: does the length of the output go with its score? */
export function DeepDiveResponse({ datasetId }: { datasetId: string }) {
  return (
    <CaseData
      datasetId={datasetId}
      has={(c) => c.outputLength !== null}
      testId="deep-dive-response"
      empty={{ icon: FileText, title: 'No outputs to measure', message: 'No case in this dataset has an actual_output. Upload a dataset with an actual_output column.' }}
    >
      {({ cases }) => <ResponseCharts cases={cases} />}
    </CaseData>
  );
}
