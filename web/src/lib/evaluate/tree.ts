import type { ChartTreeNode, ScorecardNode } from './types';

export interface HierarchyNode {
  node: ScorecardNode;
  children: HierarchyNode[];
}

/**
 * Builds the metric hierarchy from the scorecard's flat node list using each node's parent.
 * A node whose parent is missing from the list, or that would close a cycle, becomes a root.
 * Input order is kept among siblings.
 */
export function buildHierarchy(nodes: readonly ScorecardNode[]): HierarchyNode[] {
  const byName = new Map<string, HierarchyNode>();
  for (const node of nodes) {
    if (!node || typeof node.metric_name !== 'string' || byName.has(node.metric_name)) continue;
    byName.set(node.metric_name, { node, children: [] });
  }
  const parentOf = (name: string): string | null => {
    const parent = byName.get(name)?.node.parent;
    return typeof parent === 'string' && parent !== '' && parent !== name && byName.has(parent) ? parent : null;
  };
  const createsCycle = (name: string): boolean => {
    const seen = new Set<string>([name]);
    let current = parentOf(name);
    while (current !== null) {
      if (seen.has(current)) return true;
      seen.add(current);
      current = parentOf(current);
    }
    return false;
  };
  const roots: HierarchyNode[] = [];
  for (const entry of byName.values()) {
    const parent = parentOf(entry.node.metric_name);
    if (parent === null || createsCycle(entry.node.metric_name)) roots.push(entry);
    else byName.get(parent)!.children.push(entry);
  }
  return roots;
}

export type SortKey = 'default' | 'name' | 'score' | 'weight';
export type SortDir = 'asc' | 'desc';

function finite(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** Sorts siblings at every level; missing values always go last; "default" keeps the server's order. */
export function sortHierarchy(roots: HierarchyNode[], key: SortKey, dir: SortDir): HierarchyNode[] {
  const sign = dir === 'asc' ? 1 : -1;
  const sortLevel = (level: HierarchyNode[]): HierarchyNode[] => {
    const copy = level.map((h) => ({ node: h.node, children: sortLevel(h.children) }));
    if (key === 'default') return copy;
    return copy.sort((a, b) => {
      if (key === 'name') return sign * a.node.metric_name.localeCompare(b.node.metric_name);
      const va = finite(key === 'score' ? a.node.mean : a.node.weight);
      const vb = finite(key === 'score' ? b.node.mean : b.node.weight);
      if (va === null && vb === null) return 0;
      if (va === null) return 1;
      if (vb === null) return -1;
      return sign * (va - vb);
    });
  };
  return sortLevel(roots);
}

export interface VisibleRow {
  node: ScorecardNode;
  depth: number;
  hasChildren: boolean;
  expanded: boolean;
}

/** The rows a tree table shows: depth-first, children only under expanded nodes. */
export function visibleRows(roots: HierarchyNode[], expanded: ReadonlySet<string>): VisibleRow[] {
  const out: VisibleRow[] = [];
  const walk = (level: HierarchyNode[], depth: number) => {
    for (const h of level) {
      const isOpen = expanded.has(h.node.metric_name);
      out.push({ node: h.node, depth, hasChildren: h.children.length > 0, expanded: isOpen });
      if (isOpen && h.children.length > 0) walk(h.children, depth + 1);
    }
  };
  walk(roots, 0);
  return out;
}

/** Names of every node that has children (what "Expand all" opens). */
export function parentNames(roots: HierarchyNode[]): string[] {
  const out: string[] = [];
  const walk = (level: HierarchyNode[]) => {
    for (const h of level) {
      if (h.children.length > 0) {
        out.push(h.node.metric_name);
        walk(h.children);
      }
    }
  };
  walk(roots);
  return out;
}

/**
 * Converts the flat scorecard into the nested shape of GET /api/evaluation/tree, so one chart
 * renders both. Several roots sit under a synthetic node named by rootName whose score is the
 * overall score given (never averaged here).
 */
export function scorecardToTree(roots: HierarchyNode[], rootName: string, overall: number | null | undefined): ChartTreeNode | null {
  const convert = (h: HierarchyNode): ChartTreeNode => ({
    name: h.node.metric_name,
    type: h.node.type,
    weight: h.node.weight,
    normalized_weight: h.node.normalized_weight,
    score: h.node.mean,
    min: h.node.min,
    max: h.node.max,
    std: h.node.std,
    count: h.node.count,
    children: h.children.map(convert),
  });
  if (roots.length === 0) return null;
  if (roots.length === 1) return convert(roots[0]!);
  return { name: rootName, type: 'root', score: overall ?? null, children: roots.map(convert) };
}

/** Counts a tree's nodes and leaves, and its depth (a single node has depth 1). */
export function treeStats(root: ChartTreeNode | null | undefined): { nodes: number; leaves: number; depth: number } {
  if (!root) return { nodes: 0, leaves: 0, depth: 0 };
  let nodes = 0;
  let leaves = 0;
  let depth = 0;
  const walk = (n: ChartTreeNode, d: number) => {
    nodes += 1;
    depth = Math.max(depth, d);
    const kids = n.children ?? [];
    if (kids.length === 0) leaves += 1;
    kids.forEach((k) => walk(k, d + 1));
  };
  walk(root, 1);
  return { nodes, leaves, depth };
}

/** "COMPONENT" or "METRIC" etc. for the type badge; node children decide when the type is blank. */
export function typeLabel(type: string | null | undefined, hasChildren: boolean): string {
  const t = (type ?? '').trim();
  if (t === '') return hasChildren ? 'COMPONENT' : 'METRIC';
  return t.replace(/[_-]+/g, ' ').toUpperCase();
}
