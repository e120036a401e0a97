import { BookOpen, Boxes, Gauge, Network, OctagonX, RotateCcw } from 'lucide-react';
import { useMemo, useState } from 'react';
import { Button } from '../../components/Button';
import { PageHeader } from '../../components/PageHeader';
import { PluginGate } from '../../components/PluginGate';
import { SelectField } from '../../components/SelectField';
import { TabBar, type TabItem } from '../../components/TabBar';
import { ErrorBlock, LoadingBlock } from '../../components/evaluate/StateViews';
import { BatchesTab } from '../../components/memory/BatchesTab';
import { ConflictBanner } from '../../components/memory/ConflictBanner';
import { GraphTab } from '../../components/memory/graph/GraphTab';
import { HardStopsTab } from '../../components/memory/HardStopsTab';
import { MemorySetup } from '../../components/memory/MemorySetup';
import { MemorySummaryStrip } from '../../components/memory/MemorySummaryStrip';
import { QualityTab } from '../../components/memory/QualityTab';
import { RulesTab } from '../../components/memory/RulesTab';
import { useAgentLabels } from '../../lib/agentLabels';
import { useConflicts, useMemorySummary, useRefreshRules, useRules } from '../../lib/memory/queries';
import { agentsOf, conflictingRules } from '../../lib/memory/rules';
import { PAGES } from '../../lib/pages';
import { useSearchParam } from '../../lib/useSearchParam';

type Tab = 'rules' | 'quality' | 'hard-stops' | 'batches' | 'graph';
const TAB_IDS: Tab[] = ['rules', 'quality', 'hard-stops', 'batches', 'graph'];

const TABS: Array<TabItem<Tab>> = [
  { id: 'rules', label: 'Rules', icon: BookOpen },
  { id: 'quality', label: 'Decision Quality', icon: Gauge },
  { id: 'hard-stops', label: 'Hard Stops', icon: OctagonX },
  { id: 'batches', label: 'Batches', icon: Boxes },
  { id: 'graph', label: 'Knowledge Graph', icon: Network },
];

function MemoryWorkspace() {
  const [tabParam, setTabParam] = useSearchParam('tab');
  const select = (id: string) => setTabParam(id, { push: true });
  const [startOver, setStartOver] = useState(false);
  // The agent filter is in the address (?agent=), like the tab, so a filtered view can be shared.
  const [agentParam, setAgentParam] = useSearchParam('agent');
  const agent = agentParam ?? '';
  const setAgent = (value: string) => setAgentParam(value === '' ? null : value);
  const summary = useMemorySummary();
  const conflicts = useConflicts();
  const allRules = useRules({});
  const refresh = useRefreshRules();
  const agentLabel = useAgentLabels();
  const hasRules = (summary.data?.rules_count ?? 0) > 0 && !startOver;
  const tab: Tab = hasRules ? (TAB_IDS.find((t) => t === tabParam) ?? 'rules') : 'graph';
  const conflictKeys = useMemo(() => conflictingRules(conflicts.data?.data ?? []), [conflicts.data]);
  const actionColors = useMemo(() => Object.fromEntries((summary.data?.rules_by_action ?? []).map((a) => [a.action, a.color])), [summary.data]);
  const agents = useMemo(() => agentsOf(allRules.data?.data ?? []), [allRules.data]);

  const header = (
    <PageHeader
      icon={PAGES.memory.icon}
      title={PAGES.memory.title}
      subtitle={PAGES.memory.subtitle}
      actions={
        hasRules ? (
          <Button onClick={() => setStartOver(true)} data-testid="memory-start-over">
            <RotateCcw className="h-4 w-4" aria-hidden="true" />
            Start Over
          </Button>
        ) : null
      }
    />
  );

  if (summary.isPending) return <div>{header}<LoadingBlock /></div>;
  if (summary.isError) {
    return (
      <div>
        {header}
        <ErrorBlock error={summary.error} title="The memory summary could not be loaded" onRetry={() => void summary.refetch()} />
      </div>
    );
  }

  return (
    <div className="space-y-6">
      {header}
      {hasRules ? (
        <>
          <MemorySummaryStrip summary={summary.data} />
          <ConflictBanner conflicts={conflicts.data?.data ?? []} />
        </>
      ) : (
        <MemorySetup
          onLoaded={() => {
            setStartOver(false);
            setAgent('');
            void refresh();
          }}
        />
      )}
      <div className="flex flex-wrap items-center justify-between gap-3">
        <TabBar tabs={hasRules ? TABS : TABS.filter((t) => t.id === 'graph')} current={tab} onSelect={select} testIdPrefix="memory-tab" />
        {hasRules && agents.length > 0 && tab !== 'graph' && tab !== 'batches' ? (
          <SelectField
            label="Agent"
            value={agent}
            options={agents.map((a) => ({ value: a, label: agentLabel(a) }))}
            onChange={setAgent}
            emptyLabel="All agents"
            testId="memory-agent"
          />
        ) : null}
      </div>
      {tab === 'rules' ? <RulesTab agent={agent} conflicts={conflictKeys} actionColors={actionColors} /> : null}
      {tab === 'quality' ? <QualityTab agent={agent} actionColors={actionColors} /> : null}
      {tab === 'hard-stops' ? <HardStopsTab agent={agent} /> : null}
      {tab === 'batches' ? <BatchesTab /> : null}
      {tab === 'graph' ? <GraphTab /> : null}
    </div>
  );
}

export default function MemoryPage() {
  return (
    <PluginGate plugin="memory" page={PAGES.memory}>
      <MemoryWorkspace />
    </PluginGate>
  );
}
