import { useState } from 'react';
import { Button } from '../Button';
import { errorMessage } from '../evaluate/StateViews';
import { cn } from '../../lib/cn';
import { formatLatency } from '../../lib/monitoring/format';
import { useFullNode } from '../../lib/replay/queries';
import { badgeTone, formatTokens, typeBadge } from '../../lib/replay/tree';
import type { TraceDetail, TreeNode } from '../../lib/replay/types';
import { PayloadViewer } from './PayloadViewer';

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div>
      <dt className="text-[11px] text-ink-muted">{label}</dt>
      <dd className="text-sm font-medium tabular-nums text-ink" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

/** One observation: its figures, input (chat bubbles when a conversation) and output (sections), with the full content on request when truncated. */
export function NodeDetail({ agent, traceId, node }: { agent: string; traceId: string; node: TreeNode }) {
  const truncated = node.input_truncated || node.output_truncated;
  const [wantFull, setWantFull] = useState(false);
  const full = useFullNode(agent, traceId, node.id, wantFull && truncated);
  const shown = full.data ?? node;
  const badge = typeBadge(node.type ?? '');
  return (
    <div className="space-y-4" data-testid="node-detail">
      <div className="flex flex-wrap items-center gap-2">
        <span className={cn('rounded px-1.5 py-0.5 font-mono text-[10px] font-semibold', badgeTone(badge))}>{badge}</span>
        <h3 className="text-base font-semibold text-ink" data-testid="node-detail-name">
          {node.name ?? node.id}
        </h3>
        {node.model ? <span className="rounded-full bg-canvas px-2 py-0.5 font-mono text-[11px] text-ink-secondary">{node.model}</span> : null}
        {truncated && !full.data ? (
          <Button className="ml-auto px-2.5 py-1 text-xs" onClick={() => setWantFull(true)} disabled={full.isFetching} data-testid="node-load-full">
            {full.isFetching ? 'Loading…' : 'Load full content'}
          </Button>
        ) : null}
      </div>
      {full.isError ? <p className="text-xs text-error">{errorMessage(full.error)}</p> : null}
      <dl className="grid grid-cols-2 gap-3 rounded-xl border bg-white p-3 sm:grid-cols-4">
        <Figure label="Latency" value={formatLatency(node.latency_ms)} testId="node-latency" />
        <Figure label="Input tokens" value={formatTokens(node.usage?.input)} testId="node-tokens-in" />
        <Figure label="Output tokens" value={formatTokens(node.usage?.output)} testId="node-tokens-out" />
        <Figure label="Total tokens" value={formatTokens(node.usage?.total)} testId="node-tokens-total" />
      </dl>
      <div className="grid gap-4 xl:grid-cols-2">
        <PayloadViewer title="Input" value={shown.input} truncated={shown.input_truncated} testId="node-input" />
        <PayloadViewer title="Output" value={shown.output} truncated={shown.output_truncated} sections testId="node-output" />
      </div>
      {node.metadata && typeof node.metadata === 'object' && Object.keys(node.metadata).length > 0 ? <PayloadViewer title="Metadata" value={node.metadata} testId="node-metadata" /> : null}
    </div>
  );
}

/** The trace's own input and output (the "Workflow I/O" root). */
export function WorkflowDetail({ trace }: { trace: TraceDetail }) {
  return (
    <div className="space-y-4" data-testid="workflow-detail">
      <h3 className="text-base font-semibold text-ink">Workflow I/O</h3>
      <div className="grid gap-4 xl:grid-cols-2">
        <PayloadViewer title="Trace input" value={trace.trace_input} testId="trace-input" />
        <PayloadViewer title="Trace output" value={trace.trace_output} sections testId="trace-output" />
      </div>
    </div>
  );
}
