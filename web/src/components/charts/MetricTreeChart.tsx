import { useMemo } from 'react';
import { TONE_HEX } from '../../lib/evaluate/format';
import { treeStats } from '../../lib/evaluate/tree';
import type { ChartTreeNode } from '../../lib/evaluate/types';
import { EChart } from './EChart';
import { treeOption } from './options';
import { useChartColors } from './useChartColors';

interface MetricTreeChartProps {
  root: ChartTreeNode;
  onNodeClick?: (node: ChartTreeNode, isLeaf: boolean) => void;
  testId?: string;
}

/** The metric hierarchy left to right; nodes coloured ≥0.7 green, ≤0.3 red, amber between, grey unscored. */
export function MetricTreeChart({ root, onNodeClick, testId = 'metric-tree-chart' }: MetricTreeChartProps) {
  const colors = useChartColors();
  const option = useMemo(() => treeOption(root, colors), [root, colors]);
  const { leaves } = treeStats(root);
  const height = Math.max(260, Math.min(900, leaves * 34 + 40));
  return (
    <div>
      <EChart
        option={option}
        height={height}
        ariaLabel="Metric tree"
        testId={testId}
        onClick={(e) => {
          const datum = e.data as { node?: ChartTreeNode; children?: unknown[] } | undefined;
          if (datum?.node) onNodeClick?.(datum.node, !datum.children || datum.children.length === 0);
        }}
      />
      <div className="mt-2 flex flex-wrap items-center gap-4 text-[11px] text-ink-muted">
        {[
          ['≥ 0.7', TONE_HEX.success],
          ['0.3–0.7', TONE_HEX.warning],
          ['≤ 0.3', TONE_HEX.error],
          ['not scored', TONE_HEX.neutral],
        ].map(([label, color]) => (
          <span key={label} className="flex items-center gap-1.5">
            <span className="h-2.5 w-2.5 rounded-full" style={{ background: color }} />
            {label}
          </span>
        ))}
        <span className="ml-auto">Click a parent to fold it.</span>
      </div>
    </div>
  );
}
