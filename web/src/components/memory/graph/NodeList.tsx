import { nodeColor } from '../../../lib/memory/graph';
import type { GraphNode } from '../../../lib/memory/types';

const SHOWN = 200;

/** The nodes in view as a list of buttons: the keyboard and screen-reader way to open a node. */
export function NodeList({ nodes, selected, onSelect }: { nodes: GraphNode[]; selected: string | null; onSelect: (id: string) => void }) {
  const sorted = [...nodes].sort((a, b) => a.type.localeCompare(b.type) || a.label.localeCompare(b.label));
  return (
    <details className="mt-2 text-xs" data-testid="graph-node-list">
      <summary className="cursor-pointer text-ink-muted hover:text-ink">List the nodes in view</summary>
      <ul className="mt-2 flex max-h-48 flex-wrap gap-1.5 overflow-y-auto">
        {sorted.slice(0, SHOWN).map((n) => (
          <li key={n.id}>
            <button
              type="button"
              onClick={() => onSelect(n.id)}
              aria-pressed={selected === n.id}
              className="flex items-center gap-1 rounded-full border bg-white px-2 py-0.5 text-ink-secondary hover:border-primary-soft aria-pressed:border-primary aria-pressed:text-ink"
              data-testid={`graph-list-${n.id}`}
            >
              <span className="h-2 w-2 rounded-full" style={{ backgroundColor: nodeColor(n.type) }} aria-hidden="true" />
              {n.label}
            </button>
          </li>
        ))}
        {sorted.length > SHOWN ? <li className="text-ink-muted">and {sorted.length - SHOWN} more; filter or search to narrow the view.</li> : null}
      </ul>
    </details>
  );
}
