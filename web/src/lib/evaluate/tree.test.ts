import { describe, expect, it } from 'vitest';
import { buildHierarchy, parentNames, scorecardToTree, sortHierarchy, treeStats, typeLabel, visibleRows } from './tree';
import type { ScorecardNode } from './types';

// A scorecard node as the server sends it; NaN stands for a figure a chart cannot use.
const node = (metric_name: string, parent: string | null, mean: number, weight = 1, type: ScorecardNode['type'] = 'metric'): ScorecardNode => ({
  metric_name,
  parent,
  level: parent === null ? 1 : 2,
  type,
  weight,
  normalized_weight: weight,
  mean,
  min: mean,
  max: mean,
  std: 0,
  count: 1,
  histogram: [0, 0, 0, 0, 1],
  children: [],
});

const NODES: ScorecardNode[] = [
  node('Quality', null, 0.72, 0.6, 'component'),
  node('faithfulness', 'Quality', 0.77, 0.5),
  node('relevance', 'Quality', 0.7, 0.3),
  node('completeness', 'Quality', 0.56, 0.2),
  node('Safety', null, 0.87, 0.4, 'component'),
  node('toxicity', 'Safety', 0.89),
  node('pii', 'Safety', Number.NaN),
];

const names = (rows: Array<{ node: ScorecardNode }>) => rows.map((r) => r.node.metric_name);

describe('buildHierarchy', () => {
  it('nests nodes under their parent and keeps the server order among siblings', () => {
    const roots = buildHierarchy(NODES);
    expect(roots.map((r) => r.node.metric_name)).toEqual(['Quality', 'Safety']);
    expect(roots[0]!.children.map((c) => c.node.metric_name)).toEqual(['faithfulness', 'relevance', 'completeness']);
    expect(roots[1]!.children.map((c) => c.node.metric_name)).toEqual(['toxicity', 'pii']);
  });

  it('treats unknown parents, self-parents, blank parents and cycles as roots, and drops duplicates', () => {
    const roots = buildHierarchy([
      node('orphan', 'missing', 0.5),
      node('self', 'self', 0.5),
      node('blank', '', 0.5),
      node('a', 'b', 0.5),
      node('b', 'a', 0.5),
      node('orphan', null, 0.9),
    ]);
    expect(roots.map((r) => r.node.metric_name)).toEqual(['orphan', 'self', 'blank', 'a', 'b']);
    expect(roots[0]!.node.mean).toBe(0.5);
  });
});

describe('visibleRows and sorting', () => {
  it('shows only roots until a node is expanded, with depth', () => {
    const roots = buildHierarchy(NODES);
    expect(names(visibleRows(roots, new Set()))).toEqual(['Quality', 'Safety']);
    const open = visibleRows(roots, new Set(['Safety']));
    expect(names(open)).toEqual(['Quality', 'Safety', 'toxicity', 'pii']);
    expect(open.map((r) => r.depth)).toEqual([0, 0, 1, 1]);
    expect(open[0]).toMatchObject({ hasChildren: true, expanded: false });
    expect(open[2]).toMatchObject({ hasChildren: false });
    expect(parentNames(roots)).toEqual(['Quality', 'Safety']);
  });

  it('sorts siblings at every level by score or weight, missing values last in both directions', () => {
    const roots = buildHierarchy(NODES);
    const all = new Set(parentNames(roots));
    expect(names(visibleRows(sortHierarchy(roots, 'score', 'asc'), all))).toEqual([
      'Quality',
      'completeness',
      'relevance',
      'faithfulness',
      'Safety',
      'toxicity',
      'pii',
    ]);
    expect(names(visibleRows(sortHierarchy(roots, 'score', 'desc'), all))).toEqual([
      'Safety',
      'toxicity',
      'pii',
      'Quality',
      'faithfulness',
      'relevance',
      'completeness',
    ]);
    expect(names(visibleRows(sortHierarchy(roots, 'weight', 'desc'), new Set()))).toEqual(['Quality', 'Safety']);
    expect(names(visibleRows(sortHierarchy(roots, 'name', 'asc'), new Set(['Quality'])))).toEqual([
      'Quality',
      'completeness',
      'faithfulness',
      'relevance',
      'Safety',
    ]);
    expect(names(visibleRows(sortHierarchy(roots, 'default', 'asc'), new Set()))).toEqual(['Quality', 'Safety']);
  });
});

describe('scorecardToTree', () => {
  it('puts several roots under a synthetic node carrying the given overall score', () => {
    const tree = scorecardToTree(buildHierarchy(NODES), 'Overall', 0.777);
    expect(tree).toMatchObject({ name: 'Overall', score: 0.777, type: 'root' });
    expect(tree!.children!.map((c) => c.name)).toEqual(['Quality', 'Safety']);
    expect(tree!.children![0]!.children![2]).toMatchObject({ name: 'completeness', score: 0.56, weight: 0.2 });
    expect(treeStats(tree)).toEqual({ nodes: 8, leaves: 5, depth: 3 });
  });

  it('uses a single root as the tree root and returns null for no nodes', () => {
    const tree = scorecardToTree(buildHierarchy(NODES.slice(0, 4)), 'Overall', 0.5);
    expect(tree?.name).toBe('Quality');
    expect(scorecardToTree([], 'Overall', 1)).toBeNull();
    expect(treeStats(null)).toEqual({ nodes: 0, leaves: 0, depth: 0 });
  });
});

describe('typeLabel', () => {
  it('upper-cases the given type and falls back on whether the node has children', () => {
    expect(typeLabel('component', true)).toBe('COMPONENT');
    expect(typeLabel('sub_component', true)).toBe('SUB COMPONENT');
    expect(typeLabel('', true)).toBe('COMPONENT');
    expect(typeLabel(null, false)).toBe('METRIC');
  });
});
