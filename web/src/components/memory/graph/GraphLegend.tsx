import { nodeColor } from '../../../lib/memory/graph';

/** Colour key by node type with the number of nodes of each type in view, and the dashed OVERRIDES edge. */
export function GraphLegend({ counts }: { counts: Array<[string, number]> }) {
  return (
    <ul className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-ink-secondary" data-testid="graph-legend">
      {counts.map(([type, n]) => (
        <li key={type} className="flex items-center gap-1.5" data-testid={`graph-legend-${type}`}>
          <span className="h-3 w-3 rounded-full" style={{ backgroundColor: nodeColor(type) }} aria-hidden="true" />
          {type} <span className="tabular-nums text-ink-muted">{n}</span>
        </li>
      ))}
      <li className="flex items-center gap-1.5">
        <span className="w-6 border-t-2 border-dashed border-ink-muted" aria-hidden="true" />
        OVERRIDES
      </li>
    </ul>
  );
}
