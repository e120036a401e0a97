import { ChevronDown, ChevronRight, Workflow } from 'lucide-react';
import { cn } from '../../lib/cn';
import { formatLatency } from '../../lib/monitoring/format';
import { badgeTone, formatTokens, nodeTokens, typeBadge } from '../../lib/replay/tree';
import type { TreeNode } from '../../lib/replay/types';

/** The id the tree uses for the trace's own input and output. */
export const WORKFLOW_ID = '__workflow__';

interface ObservationTreeProps {
  tree: TreeNode[];
  open: Set<string>;
  onToggle: (id: string) => void;
  selected: string;
  onSelect: (id: string) => void;
}

function Row({ node, open, onToggle, selected, onSelect }: { node: TreeNode } & Omit<ObservationTreeProps, 'tree'>) {
  const badge = typeBadge(node.type ?? '');
  const expanded = open.has(node.id);
  const tokens = nodeTokens(node);
  return (
    <li>
      <div
        className={cn('flex items-center gap-1.5 rounded-lg py-1 pr-2 text-sm', selected === node.id ? 'bg-primary-pale/50' : 'hover:bg-canvas')}
        style={{ paddingLeft: `${node.depth * 16 + 8}px` }}
      >
        {node.children.length > 0 ? (
          <button type="button" onClick={() => onToggle(node.id)} aria-expanded={expanded} aria-label={`${expanded ? 'Collapse' : 'Expand'} ${node.name ?? node.id}`} className="rounded p-0.5 text-ink-muted hover:text-primary">
            {expanded ? <ChevronDown className="h-3.5 w-3.5" aria-hidden="true" /> : <ChevronRight className="h-3.5 w-3.5" aria-hidden="true" />}
          </button>
        ) : (
          <span className="w-[18px]" aria-hidden="true" />
        )}
        <button type="button" onClick={() => onSelect(node.id)} className="flex min-w-0 flex-1 items-center gap-2 text-left" data-testid={`tree-node-${node.id}`} aria-current={selected === node.id ? 'true' : undefined}>
          <span className={cn('rounded px-1.5 py-0.5 font-mono text-[10px] font-semibold', badgeTone(badge))} data-testid="tree-badge">
            {badge}
          </span>
          <span className="truncate text-ink">{node.name ?? node.id}</span>
          <span className="ml-auto flex shrink-0 gap-2 text-[11px] tabular-nums text-ink-muted" data-testid="tree-figures">
            {node.latency_ms !== null ? <span>{formatLatency(node.latency_ms)}</span> : null}
            {tokens !== null ? <span>{formatTokens(tokens)} tok</span> : null}
          </span>
        </button>
      </div>
      {expanded && node.children.length > 0 ? (
        <ul>
          {node.children.map((c) => (
            <Row key={c.id} node={c} open={open} onToggle={onToggle} selected={selected} onSelect={onSelect} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/** The observation tree under a "Workflow I/O" root; each node shows its type badge, latency and tokens. */
export function ObservationTree({ tree, open, onToggle, selected, onSelect }: ObservationTreeProps) {
  return (
    <ul className="space-y-0.5" data-testid="observation-tree">
      <li>
        <button
          type="button"
          onClick={() => onSelect(WORKFLOW_ID)}
          className={cn('flex w-full items-center gap-2 rounded-lg px-2 py-1 text-left text-sm font-medium', selected === WORKFLOW_ID ? 'bg-primary-pale/50' : 'hover:bg-canvas')}
          data-testid="tree-workflow"
          aria-current={selected === WORKFLOW_ID ? 'true' : undefined}
        >
          <Workflow className="h-4 w-4 text-primary" aria-hidden="true" />
          Workflow I/O
        </button>
      </li>
      {tree.map((n) => (
        <Row key={n.id} node={n} open={open} onToggle={onToggle} selected={selected} onSelect={onSelect} />
      ))}
    </ul>
  );
}
