import { X } from 'lucide-react';
import { SelectField } from '../../SelectField';
import { nodeColor } from '../../../lib/memory/graph';
import type { GraphNode } from '../../../lib/memory/types';

interface NodePanelProps {
  node: GraphNode;
  depth: number;
  onDepth: (depth: number) => void;
  connections: number;
  loading: boolean;
  error: string | null;
  onClose: () => void;
}

/** The clicked node: type, metadata, and the depth of the neighbourhood merged into the view. */
export function NodePanel({ node, depth, onDepth, connections, loading, error, onClose }: NodePanelProps) {
  const entries = Object.entries(node.metadata);
  return (
    <aside className="w-full shrink-0 rounded-xl border bg-white lg:w-72" data-testid="graph-node-panel" aria-label={`Node ${node.label}`}>
      <div className="flex items-start justify-between gap-2 border-b px-4 py-3">
        <div className="min-w-0">
          <span className="rounded-full px-2 py-0.5 text-[11px] font-semibold text-white" style={{ backgroundColor: nodeColor(node.type) }} data-testid="graph-node-type">
            {node.type}
          </span>
          <h3 className="mt-1 break-words text-sm font-semibold text-ink" data-testid="graph-node-label">
            {node.label}
          </h3>
          <p className="font-mono text-[11px] text-ink-muted">{node.id}</p>
        </div>
        <button type="button" onClick={onClose} aria-label="Close node details" className="rounded p-1 text-ink-muted hover:text-ink">
          <X className="h-4 w-4" aria-hidden="true" />
        </button>
      </div>
      <div className="space-y-3 px-4 py-3">
        <SelectField label="Neighbourhood depth" value={String(depth)} options={['1', '2', '3']} onChange={(v) => onDepth(Number(v))} testId="graph-depth" />
        <p className="text-xs text-ink-secondary" data-testid="graph-node-connections">
          {loading ? 'Loading the neighbourhood…' : `${connections} ${connections === 1 ? 'connection' : 'connections'} in view`}
        </p>
        {error ? (
          <p className="text-xs text-error" role="alert">
            {error}
          </p>
        ) : null}
        {entries.length === 0 ? (
          <p className="text-xs text-ink-muted">No other properties.</p>
        ) : (
          <dl className="space-y-1.5 text-xs" data-testid="graph-node-metadata">
            {entries.map(([k, v]) => (
              <div key={k}>
                <dt className="font-medium text-ink-muted">{k}</dt>
                <dd className="break-words text-ink">{v}</dd>
              </div>
            ))}
          </dl>
        )}
      </div>
    </aside>
  );
}
