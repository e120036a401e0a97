import { formatPercent, formatScore, formatWeight } from '../../lib/evaluate/format';
import type { ChartTreeNode } from '../../lib/evaluate/types';
import { Modal } from '../Modal';
import { ScorePill } from './Score';

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div className="rounded-lg bg-canvas px-3 py-2">
      <dt className="text-[11px] font-medium uppercase tracking-wide text-ink-muted">{label}</dt>
      <dd className="mt-0.5 text-sm font-semibold tabular-nums text-ink">{value}</dd>
    </div>
  );
}

/** Details of one tree leaf: score, weights, spread and, for a single case, the judge's explanation. */
export function TreeNodePopup({ node, individual, onClose }: { node: ChartTreeNode | null; individual: boolean; onClose: () => void }) {
  return (
    <Modal open={node !== null} title={node?.name ?? ''} onClose={onClose} className="max-h-[92vh] overflow-y-auto" testId="tree-node-popup">
      {node ? (
        <div className="space-y-4">
          <div className="flex items-center gap-3">
            <ScorePill value={node.score} testId="tree-node-score" />
            <span className="text-xs uppercase tracking-wide text-ink-muted">{node.type ?? 'metric'}</span>
          </div>
          <dl className="grid grid-cols-2 gap-2 sm:grid-cols-3">
            <Stat label="Weight" value={formatWeight(node.weight)} />
            <Stat label="Norm. weight" value={formatPercent(node.normalized_weight)} />
            {!individual ? (
              <>
                <Stat label="Median" value={formatScore(node.median)} />
                <Stat label="Min – Max" value={`${formatScore(node.min, 2)} – ${formatScore(node.max, 2)}`} />
                <Stat label="P25 – P75" value={`${formatScore(node.p25, 2)} – ${formatScore(node.p75, 2)}`} />
                <Stat label="Cases" value={typeof node.count === 'number' ? String(node.count) : '—'} />
              </>
            ) : null}
          </dl>
          <div>
            <h4 className="mb-1 text-[11px] font-semibold uppercase tracking-wide text-ink-muted">Explanation</h4>
            <p className="whitespace-pre-wrap rounded-lg border bg-white px-3 py-2 text-sm leading-relaxed text-ink-secondary" data-testid="tree-node-explanation">
              {node.explanation?.trim() || (individual ? 'No explanation was recorded for this metric.' : 'Switch to Individual mode to read the explanation for one case.')}
            </p>
          </div>
        </div>
      ) : null}
    </Modal>
  );
}
