import { MessagesSquare } from 'lucide-react';
import { useMemo } from 'react';
import { ChartCard } from '../charts/ChartCard';
import { EChart } from '../charts/EChart';
import { metricMeansOption } from '../charts/options';
import { countBarsOption } from '../charts/seriesOptions';
import { useChartColors } from '../charts/useChartColors';
import { CaseData, BinTable } from './CaseBinsView';
import { binCases, TURN_BINS, type CaseRecord } from './caseStats';

const turnsOf = (c: CaseRecord) => c.turns;

function ConversationCharts({ cases }: { cases: CaseRecord[] }) {
  const colors = useChartColors();
  const bins = useMemo(() => binCases(cases, TURN_BINS, turnsOf), [cases]);
  const countOpt = useMemo(() => countBarsOption(bins.map((b) => ({ name: `${b.label} turns`, value: b.count })), colors, 'Cases'), [bins, colors]);
  const meanOpt = useMemo(() => metricMeansOption(bins.map((b) => ({ name: `${b.label} turns`, value: b.mean })), colors), [bins, colors]);
  return (
    <>
      <div className="grid gap-6 xl:grid-cols-2">
        <ChartCard title="Cases by conversation length" subtitle="A turn is one user message." testId="conversation-count">
          <EChart option={countOpt} height={280} ariaLabel="Number of cases per turn bin; the table below lists the values" />
        </ChartCard>
        <ChartCard title="Mean score by conversation length" subtitle="Dashed lines: pass 0.5 and good 0.7." testId="conversation-mean">
          <EChart option={meanOpt} height={280} ariaLabel="Mean case score per turn bin; the table below lists the values" />
        </ChartCard>
      </div>
      <BinTable caption="Conversation statistics" groupLabel="Turns" bins={bins} valueLabel="Mean turns" formatValue={(v) => (v === null ? '—' : v.toFixed(1))} testId="conversation-table" />
    </>
  );
}

/** Deep Dive → Conversation: how scores change with the number of turns. */
export function DeepDiveConversation({ datasetId }: { datasetId: string }) {
  return (
    <CaseData
      datasetId={datasetId}
      has={(c) => c.turns !== null && c.turns > 0}
      testId="deep-dive-conversation"
      empty={{
        icon: MessagesSquare,
        title: 'No conversations',
        message: 'No case has a readable conversation column (a list of messages with roles, or lines starting "User:"). Upload a dataset with a conversation column.',
      }}
    >
      {({ cases }) => <ConversationCharts cases={cases} />}
    </CaseData>
  );
}
