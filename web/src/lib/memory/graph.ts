import type { GraphEdge, GraphNode } from './types';

/** Node colours by type (the spec's); other types are grey. */
export const NODE_COLORS: Record<string, string> = {
  RiskFactor: '#3498DB',
  Rule: '#7F8C8D',
  Outcome: '#E74C3C',
  Mitigant: '#27AE60',
  Source: '#D4AF37',
};

export const NODE_TYPES = Object.keys(NODE_COLORS);

export const OTHER_COLOR = '#95A5A6';

export const nodeColor = (type: string) => NODE_COLORS[type] ?? OTHER_COLOR;

export interface GraphView {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export const EMPTY_VIEW: GraphView = { nodes: [], edges: [] };

const edgeKey = (e: GraphEdge) => `${e.source}->${e.target}:${e.type}`;

/** The union of views: nodes by id and edges by source->target:type, first seen wins, order kept. */
export function mergeViews(...views: GraphView[]): GraphView {
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  for (const view of views) {
    for (const n of view.nodes) if (!nodes.has(n.id)) nodes.set(n.id, n);
    for (const e of view.edges) if (!edges.has(edgeKey(e))) edges.set(edgeKey(e), e);
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

/** How many edges of the view touch each node. */
export function degrees(view: GraphView): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of view.edges) {
    counts.set(e.source, (counts.get(e.source) ?? 0) + 1);
    counts.set(e.target, (counts.get(e.target) ?? 0) + 1);
  }
  return counts;
}

/** The node types present in a view, the known ones first in legend order. */
export function typesIn(view: GraphView): string[] {
  const present = new Set(view.nodes.map((n) => n.type));
  return [...NODE_TYPES.filter((t) => present.has(t)), ...[...present].filter((t) => !(t in NODE_COLORS)).sort()];
}

/** The ECharts option of a force-directed graph: one category per node type, OVERRIDES edges dashed, the selected node enlarged. */
export function graphOption(view: GraphView, selected: string | null): Record<string, unknown> {
  const types = typesIn(view);
  const degree = degrees(view);
  return {
    backgroundColor: 'transparent',
    tooltip: { trigger: 'item', formatter: (p: { dataType?: string; data: { name?: string; type?: string; relation?: string } }) => (p.dataType === 'edge' ? p.data.relation : `${p.data.type}: ${p.data.name}`) },
    legend: { show: false },
    series: [
      {
        type: 'graph',
        layout: 'force',
        roam: true,
        draggable: true,
        force: { repulsion: 180, edgeLength: 90, gravity: 0.08, layoutAnimation: false },
        categories: types.map((t) => ({ name: t, itemStyle: { color: nodeColor(t) } })),
        label: { show: view.nodes.length <= 60, position: 'right', fontSize: 10, color: '#2C3E50' },
        edgeSymbol: ['none', 'arrow'],
        edgeSymbolSize: 6,
        emphasis: { focus: 'adjacency' },
        data: view.nodes.map((n) => ({
          id: n.id,
          name: n.label,
          nodeId: n.id,
          type: n.type,
          category: types.indexOf(n.type),
          symbolSize: (n.id === selected ? 26 : 12) + Math.min(12, (degree.get(n.id) ?? 0) * 2),
          itemStyle: n.id === selected ? { borderColor: '#2C3E50', borderWidth: 3 } : undefined,
        })),
        links: view.edges.map((e) => ({
          source: e.source,
          target: e.target,
          relation: e.label ? `${e.type} (${e.label})` : e.type,
          lineStyle: { type: e.type === 'OVERRIDES' ? 'dashed' : 'solid', color: '#B0BAC5', width: 1.2, curveness: 0.08 },
        })),
      },
    ],
  };
}
