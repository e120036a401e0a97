import { ArrowDown, ArrowUp, ChevronRight, ChevronsDownUp, ChevronsUpDown, FileText, ListTree, Search } from 'lucide-react';
import { useEffect, useMemo, useState } from 'react';
import { cn } from '../../lib/cn';
import { formatPercent, formatScore, formatWeight } from '../../lib/evaluate/format';
import {
  buildHierarchy,
  type HierarchyNode,
  parentNames,
  sortHierarchy,
  typeLabel,
  visibleRows,
  type SortDir,
  type SortKey,
} from '../../lib/evaluate/tree';
import type { ScorecardNode } from '../../lib/evaluate/types';
import { ScoreBar, ScoreText, Sparkline, TypeBadge } from './Score';

interface ScorecardTableProps {
  nodes: ScorecardNode[];
  onOpenMetric: (metric: string) => void;
  /** Opens an AI report scoped to the node and everything below it. */
  onReport?: (metric: string) => void;
}

/** A lone root starts open so its components show; several roots start closed. */
function initialExpanded(roots: HierarchyNode[]): Set<string> {
  return roots.length === 1 && roots[0]!.children.length > 0 ? new Set([roots[0]!.node.metric_name]) : new Set();
}

const SORTS: Array<{ key: SortKey; label: string }> = [
  { key: 'default', label: 'Hierarchy order' },
  { key: 'name', label: 'Name' },
  { key: 'score', label: 'Score' },
  { key: 'weight', label: 'Weight' },
];

/** The metric hierarchy as an expandable table; a row opens its cases, the chevron opens its children. */
export function ScorecardTable({ nodes, onOpenMetric, onReport }: ScorecardTableProps) {
  const hierarchy = useMemo(() => buildHierarchy(nodes), [nodes]);
  const [expanded, setExpanded] = useState<Set<string>>(() => initialExpanded(hierarchy));
  const [sortKey, setSortKey] = useState<SortKey>('default');
  const [sortDir, setSortDir] = useState<SortDir>('desc');

  useEffect(() => setExpanded(initialExpanded(hierarchy)), [hierarchy]);

  const sorted = useMemo(() => sortHierarchy(hierarchy, sortKey, sortDir), [hierarchy, sortKey, sortDir]);
  const rows = useMemo(() => visibleRows(sorted, expanded), [sorted, expanded]);
  const allParents = useMemo(() => parentNames(hierarchy), [hierarchy]);

  const toggle = (name: string) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (next.has(name)) next.delete(name);
      else next.add(name);
      return next;
    });

  return (
    <section className="rounded-xl border bg-white shadow-card" data-testid="scorecard-table">
      <div className="flex flex-wrap items-center justify-between gap-3 border-b px-5 py-3">
        <h2 className="flex items-center gap-2 text-sm font-semibold text-ink">
          <ListTree className="h-4 w-4 text-primary" aria-hidden="true" />
          Metric hierarchy
          <span className="text-xs font-normal text-ink-muted">{nodes.length} nodes</span>
        </h2>
        <div className="flex flex-wrap items-center gap-2">
          <button
            type="button"
            onClick={() => setExpanded(new Set(allParents))}
            className="flex items-center gap-1.5 rounded-lg border px-2.5 py-1.5 text-xs font-medium text-ink-secondary hover:border-primary-soft hover:text-primary"
            data-testid="expand-all"
          >
            <ChevronsUpDown className="h-3.5 w-3.5" aria-hidden="true" />
            Expand all
          </button>
          <button
            type="button"
            onClick={() => setExpanded(new Set())}
            className="flex items-center gap-1.5 rounded-lg border px-2.5 py-1.5 text-xs font-medium text-ink-secondary hover:border-primary-soft hover:text-primary"
            data-testid="collapse-all"
          >
            <ChevronsDownUp className="h-3.5 w-3.5" aria-hidden="true" />
            Collapse all
          </button>
          <label className="flex items-center gap-1.5 text-xs text-ink-muted">
            Sort
            <select
              value={sortKey}
              onChange={(e) => setSortKey(e.target.value as SortKey)}
              className="rounded-lg border bg-white px-2 py-1.5 text-xs text-ink focus:border-primary-soft focus:outline-none"
              data-testid="scorecard-sort"
            >
              {SORTS.map((s) => (
                <option key={s.key} value={s.key}>
                  {s.label}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            disabled={sortKey === 'default'}
            onClick={() => setSortDir((d) => (d === 'asc' ? 'desc' : 'asc'))}
            aria-label={sortDir === 'asc' ? 'Ascending' : 'Descending'}
            title={sortDir === 'asc' ? 'Ascending' : 'Descending'}
            className="rounded-lg border p-1.5 text-ink-secondary hover:border-primary-soft hover:text-primary disabled:opacity-40"
          >
            {sortDir === 'asc' ? <ArrowUp className="h-3.5 w-3.5" aria-hidden="true" /> : <ArrowDown className="h-3.5 w-3.5" aria-hidden="true" />}
          </button>
        </div>
      </div>
      <div className="overflow-x-auto">
        <table className="min-w-full text-left text-sm">
          <thead className="bg-canvas text-[11px] uppercase tracking-wide text-ink-muted">
            <tr>
              <th className="px-5 py-2.5 font-semibold">Hierarchy</th>
              <th className="px-3 py-2.5 font-semibold">Type</th>
              <th className="w-48 px-3 py-2.5 font-semibold">Score</th>
              <th className="px-3 py-2.5 text-right font-semibold">Weight</th>
              <th className="px-3 py-2.5 text-right font-semibold">Norm. Weight</th>
              <th className="px-3 py-2.5 font-semibold">Distribution</th>
              <th className="px-3 py-2.5 text-right font-semibold">
                <span className="sr-only">Report and cases</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y">
            {rows.map(({ node, depth, hasChildren, expanded: isOpen }) => (
              <tr
                key={node.metric_name}
                className="group cursor-pointer hover:bg-primary-pale/15"
                onClick={() => onOpenMetric(node.metric_name)}
                data-testid={`scorecard-row-${node.metric_name}`}
                data-depth={depth}
              >
                <td className="px-5 py-2.5">
                  <div className="flex items-center gap-1.5" style={{ paddingLeft: depth * 22 }}>
                    {hasChildren ? (
                      <button
                        type="button"
                        onClick={(e) => {
                          e.stopPropagation();
                          toggle(node.metric_name);
                        }}
                        aria-expanded={isOpen}
                        aria-label={`${isOpen ? 'Collapse' : 'Expand'} ${node.metric_name}`}
                        data-testid={`scorecard-toggle-${node.metric_name}`}
                        className="rounded p-0.5 text-ink-muted hover:bg-white hover:text-primary"
                      >
                        <ChevronRight className={cn('h-4 w-4 transition-transform', isOpen && 'rotate-90')} aria-hidden="true" />
                      </button>
                    ) : (
                      <span className="inline-block w-5" aria-hidden="true" />
                    )}
                    <span className={cn('whitespace-nowrap text-ink', hasChildren ? 'font-semibold' : 'font-medium')}>{node.metric_name}</span>
                  </div>
                </td>
                <td className="px-3 py-2.5">
                  <TypeBadge label={typeLabel(node.type, hasChildren)} />
                </td>
                <td className="px-3 py-2.5">
                  <div className="flex items-baseline gap-2">
                    <ScoreText value={node.mean} />
                    <span className="text-[11px] tabular-nums text-ink-muted">
                      {formatScore(node.min, 2)}–{formatScore(node.max, 2)}
                    </span>
                  </div>
                  <div className="mt-1 w-32">
                    <ScoreBar value={node.mean} />
                  </div>
                </td>
                <td className="px-3 py-2.5 text-right tabular-nums text-ink-secondary">{formatWeight(node.weight)}</td>
                <td className="px-3 py-2.5 text-right tabular-nums text-ink-secondary">{formatPercent(node.normalized_weight)}</td>
                <td className="px-3 py-2.5">
                  <Sparkline bins={node.histogram} />
                </td>
                <td className="whitespace-nowrap px-3 py-2.5 text-right">
                  {onReport ? (
                    <button
                      type="button"
                      onClick={(e) => {
                        e.stopPropagation();
                        onReport(node.metric_name);
                      }}
                      aria-label={`AI report on ${node.metric_name}${hasChildren ? ' and below' : ''}`}
                      title={`AI report on ${node.metric_name}${hasChildren ? ' and below' : ''}`}
                      data-testid={`scorecard-report-${node.metric_name}`}
                      className="mr-1 inline-flex rounded p-1 text-ink-muted hover:bg-white hover:text-primary focus:text-primary"
                    >
                      <FileText className="h-4 w-4" aria-hidden="true" />
                    </button>
                  ) : null}
                  <button
                    type="button"
                    onClick={(e) => {
                      e.stopPropagation();
                      onOpenMetric(node.metric_name);
                    }}
                    aria-label={`View ${node.metric_name} cases`}
                    className="inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs font-medium text-primary opacity-0 transition focus:opacity-100 group-hover:opacity-100"
                  >
                    <Search className="h-3.5 w-3.5" aria-hidden="true" />
                    Cases
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
