import { ChevronsDownUp, ChevronsUpDown, Clock, Coins, Hash, ListTree } from 'lucide-react';
import { useMemo, useState, type ReactNode } from 'react';
import { Button } from '../Button';
import { ErrorBlock, LoadingBlock } from '../evaluate/StateViews';
import { formatDateTime } from '../../lib/evaluate/format';
import { formatLatency } from '../../lib/monitoring/format';
import { useTrace } from '../../lib/replay/queries';
import { useSearchParam } from '../../lib/useSearchParam';
import { findNode, formatTokens, parentIds } from '../../lib/replay/tree';
import type { TraceDetail } from '../../lib/replay/types';
import { NodeDetail, WorkflowDetail } from './NodeDetail';
import { ObservationTree, WORKFLOW_ID } from './ObservationTree';
import { ReviewForm } from './ReviewForm';
import { ReviewList } from './ReviewList';
import { StepTimeline } from './StepTimeline';

function Chip({ icon, children, testId }: { icon: ReactNode; children: ReactNode; testId: string }) {
  return (
    <span className="flex items-center gap-1.5 rounded-full border bg-white px-2.5 py-1 text-xs tabular-nums text-ink-secondary" data-testid={testId}>
      {icon}
      {children}
    </span>
  );
}

function Loaded({ agent, agentLabel, trace }: { agent: string; agentLabel: string; trace: TraceDetail }) {
  const parents = useMemo(() => parentIds(trace.tree), [trace.tree]);
  const [open, setOpen] = useState<Set<string>>(() => new Set(parents));
  // The selected step is in the address (?node=<observation id>) so a link opens the trace on it;
  // an id the trace does not have shows the workflow.
  const [nodeParam, setNodeParam] = useSearchParam('node');
  const node = nodeParam === null ? undefined : findNode(trace.tree, nodeParam);
  const selected = node ? (nodeParam as string) : WORKFLOW_ID;
  const setSelected = (id: string) => setNodeParam(id === WORKFLOW_ID ? null : id);
  const toggle = (id: string) =>
    setOpen((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const icon = 'h-3.5 w-3.5 text-ink-muted';
  return (
    <div className="space-y-4" data-testid="trace-view">
      <div className="rounded-xl border bg-white px-5 py-4">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div>
            <h2 className="text-lg font-semibold text-ink" data-testid="trace-name">
              {trace.name ?? 'Unnamed trace'}
            </h2>
            <p className="text-xs text-ink-muted">{formatDateTime(trace.timestamp)}</p>
          </div>
          <div className="flex flex-wrap gap-2">
            <Chip icon={<ListTree className={icon} aria-hidden="true" />} testId="trace-chip-steps">
              {trace.steps.length} {trace.steps.length === 1 ? 'step' : 'steps'}
            </Chip>
            <Chip icon={<Clock className={icon} aria-hidden="true" />} testId="trace-chip-latency">
              {formatLatency(trace.total_latency_ms)}
            </Chip>
            <Chip icon={<Coins className={icon} aria-hidden="true" />} testId="trace-chip-tokens">
              {formatTokens(trace.total_tokens)} tokens
            </Chip>
            <Chip icon={<Hash className={icon} aria-hidden="true" />} testId="trace-chip-id">
              <span className="font-mono">{trace.id}</span>
            </Chip>
          </div>
        </div>
        {trace.tags.length > 0 ? (
          <div className="mt-2 flex flex-wrap gap-1">
            {trace.tags.map((t) => (
              <span key={t} className="rounded-full bg-primary-pale/40 px-2 py-0.5 text-[11px] text-ink-secondary">
                {t}
              </span>
            ))}
          </div>
        ) : null}
        <div className="mt-3">
          <StepTimeline steps={trace.steps} selected={selected} onSelect={setSelected} />
        </div>
      </div>
      <div className="grid gap-4 xl:grid-cols-[minmax(260px,340px),1fr]">
        <div className="rounded-xl border bg-white p-3">
          <div className="mb-2 flex items-center justify-between">
            <h3 className="text-xs font-semibold uppercase tracking-wide text-ink-muted">Observations</h3>
            <div className="flex gap-1">
              <Button className="px-2 py-1 text-xs" onClick={() => setOpen(new Set(parents))} data-testid="tree-expand-all">
                <ChevronsUpDown className="h-3.5 w-3.5" aria-hidden="true" />
                Expand all
              </Button>
              <Button className="px-2 py-1 text-xs" onClick={() => setOpen(new Set())} data-testid="tree-collapse-all">
                <ChevronsDownUp className="h-3.5 w-3.5" aria-hidden="true" />
                Collapse all
              </Button>
            </div>
          </div>
          <ObservationTree tree={trace.tree} open={open} onToggle={toggle} selected={selected} onSelect={setSelected} />
        </div>
        <div className="min-w-0">{node ? <NodeDetail key={node.id} agent={agent} traceId={trace.id} node={node} /> : <WorkflowDetail trace={trace} />}</div>
      </div>
      <div className="grid gap-4 xl:grid-cols-2">
        <ReviewForm key={trace.id} agent={agent} agentLabel={agentLabel} trace={trace} />
        <ReviewList agent={agent} traceId={trace.id} />
      </div>
    </div>
  );
}

/** A trace loaded from /traces/{id}: totals, steps, observation tree, node detail and the review. */
export function TraceView({ agent, agentLabel, traceId }: { agent: string; agentLabel: string; traceId: string }) {
  const trace = useTrace(agent, traceId);
  if (trace.isPending) return <LoadingBlock label="Loading the trace…" />;
  if (trace.isError) return <ErrorBlock error={trace.error} title="The trace could not be loaded" onRetry={() => void trace.refetch()} />;
  return <Loaded key={trace.data.id} agent={agent} agentLabel={agentLabel} trace={trace.data} />;
}
