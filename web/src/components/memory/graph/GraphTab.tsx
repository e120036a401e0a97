import { Network, Unplug } from 'lucide-react';
import { useEffect, useMemo, useState } from 'react';
import { Button } from '../../Button';
import { SelectField } from '../../SelectField';
import { EChart, type EChartsModule } from '../../charts/EChart';
import { EmptyState, ErrorBlock, errorMessage, LoadingBlock } from '../../evaluate/StateViews';
import { degrees, EMPTY_VIEW, graphOption, mergeViews, NODE_TYPES, typesIn, type GraphView } from '../../../lib/memory/graph';
import { useGraph, useGraphStatus, useGraphSummary, useNeighborhood } from '../../../lib/memory/queries';
import type { GraphFilters } from '../../../lib/memory/types';
import { GraphLegend } from './GraphLegend';
import { GraphSearch } from './GraphSearch';
import { NodeList } from './NodeList';
import { NodePanel } from './NodePanel';

const LIMIT = 500;
const NO_FILTERS: GraphFilters = { risk_factor: '', product_type: '', action: '', node_type: '' };
const loadGraphECharts = (): Promise<EChartsModule> => import('../../charts/echartsGraph');

/** The knowledge graph: filters, search, a force layout whose clicked nodes open their neighbourhood, and a details panel. */
export function GraphTab() {
  const status = useGraphStatus();
  const connected = status.data?.connected === true;
  const summary = useGraphSummary(connected);
  const [filters, setFilters] = useState<GraphFilters>(NO_FILTERS);
  const [selected, setSelected] = useState<string | null>(null);
  const [depth, setDepth] = useState(1);
  const [expansions, setExpansions] = useState<GraphView[]>([]);
  const graph = useGraph(filters, LIMIT, connected);
  const neighborhood = useNeighborhood(selected, depth);

  useEffect(() => {
    const n = neighborhood.data;
    if (n) setExpansions((list) => [...list, { nodes: n.nodes, edges: n.edges }]);
  }, [neighborhood.data]);

  const view = useMemo(() => mergeViews(graph.data?.data ?? EMPTY_VIEW, ...expansions), [graph.data, expansions]);
  const option = useMemo(() => graphOption(view, selected), [view, selected]);
  const counts = useMemo(() => typesIn(view).map((t): [string, number] => [t, view.nodes.filter((n) => n.type === t).length]), [view]);
  const node = view.nodes.find((n) => n.id === selected) ?? (neighborhood.data?.focal_node.id === selected ? neighborhood.data?.focal_node : undefined);
  const riskFactors = useMemo(() => view.nodes.filter((n) => n.type === 'RiskFactor').map((n) => n.label).sort(), [view]);

  const setFilter = (key: keyof GraphFilters, value: string) => {
    setFilters((f) => ({ ...f, [key]: value }));
    setExpansions([]);
    setSelected(null);
  };

  if (status.isPending) return <LoadingBlock label="Connecting to the knowledge graph…" />;
  if (status.isError) return <ErrorBlock error={status.error} title="The graph status could not be read" onRetry={() => void status.refetch()} />;
  if (!connected) {
    return <EmptyState icon={Unplug} title="No knowledge graph" message={status.data.message} testId="graph-disconnected" action={<Button onClick={() => void status.refetch()}>Retry</Button>} />;
  }

  const s = summary.data;
  return (
    <div className="space-y-4" data-testid="graph-tab">
      <div className="flex flex-wrap items-center gap-3 rounded-xl border bg-white p-3">
        <span className="flex items-center gap-1.5 rounded-full bg-success/10 px-2.5 py-1 text-xs font-medium text-success" data-testid="graph-status">
          <span className="h-2 w-2 rounded-full bg-success" aria-hidden="true" />
          {status.data.graph_name}
        </span>
        {s ? (
          <span className="text-xs text-ink-muted" data-testid="graph-totals">
            {s.total_nodes.toLocaleString('en-US')} nodes · {s.total_edges.toLocaleString('en-US')} edges
          </span>
        ) : null}
        <SelectField label="Risk factor" value={filters.risk_factor} options={riskFactors} onChange={(v) => setFilter('risk_factor', v)} emptyLabel="All" testId="graph-filter-risk_factor" />
        <SelectField label="Product" value={filters.product_type} options={Object.keys(s?.rules_by_product ?? {}).sort()} onChange={(v) => setFilter('product_type', v)} emptyLabel="All" testId="graph-filter-product_type" />
        <SelectField label="Action" value={filters.action} options={Object.keys(s?.rules_by_action ?? {}).sort()} onChange={(v) => setFilter('action', v)} emptyLabel="All" testId="graph-filter-action" />
        <SelectField label="Node type" value={filters.node_type} options={NODE_TYPES} onChange={(v) => setFilter('node_type', v)} emptyLabel="All" testId="graph-filter-node_type" />
        <div className="ml-auto">
          <GraphSearch onPick={setSelected} />
        </div>
      </div>
      {graph.isError ? <ErrorBlock error={graph.error} title="The graph could not be loaded" onRetry={() => void graph.refetch()} /> : null}
      <div className="flex flex-col gap-4 lg:flex-row">
        <div className="min-w-0 flex-1 rounded-xl border bg-white p-3">
          <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
            <GraphLegend counts={counts} />
            <span className="text-xs text-ink-muted" data-testid="graph-view-size">
              {view.nodes.length} nodes · {view.edges.length} edges in view
            </span>
          </div>
          {graph.isPending ? (
            <LoadingBlock />
          ) : view.nodes.length === 0 ? (
            <EmptyState icon={Network} title="Nothing to draw" message="No connected nodes match these filters." testId="graph-empty" />
          ) : (
            <EChart
              option={option}
              height={560}
              load={loadGraphECharts}
              testId="graph-chart"
              ariaLabel={`Knowledge graph with ${view.nodes.length} nodes and ${view.edges.length} edges`}
              onClick={(e) => {
                const id = (e.data as { nodeId?: unknown } | null)?.nodeId;
                if (typeof id === 'string') setSelected(id);
              }}
            />
          )}
          {view.nodes.length > 0 ? <NodeList nodes={view.nodes} selected={selected} onSelect={setSelected} /> : null}
        </div>
        {selected && node ? (
          <NodePanel
            node={node}
            depth={depth}
            onDepth={setDepth}
            connections={degrees(view).get(node.id) ?? 0}
            loading={neighborhood.isFetching}
            error={neighborhood.isError ? errorMessage(neighborhood.error) : null}
            onClose={() => setSelected(null)}
          />
        ) : null}
      </div>
    </div>
  );
}
