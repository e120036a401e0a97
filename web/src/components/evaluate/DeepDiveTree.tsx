import { useEffect, useMemo, useState } from 'react';
import { ApiError } from '../../lib/api';
import { cn } from '../../lib/cn';
import { useMetricCases, useTree } from '../../lib/evaluate/queries';
import type { ChartTreeNode, Dataset } from '../../lib/evaluate/types';
import { useDebounced } from '../../lib/evaluate/useDebounced';
import { useSearchParam, useSearchWriter } from '../../lib/useSearchParam';
import { ChartCard } from '../charts/ChartCard';
import { MetricTreeChart } from '../charts/MetricTreeChart';
import { ExperimentSelect } from './ExperimentSelect';
import { FormatNotice } from './FormatNotice';
import { ErrorBlock, LoadingBlock } from './StateViews';
import { TreeNodePopup } from './TreeNodePopup';

interface DeepDiveTreeProps {
  dataset: Dataset;
  experiments: string[];
  experiment: string | null;
  onExperiment: (value: string | null) => void;
  leafMetric: string | null;
}

type TreeMode = 'aggregated' | 'individual';

/**
 * Deep Dive → Tree: the metric tree over all cases, or for one case (Individual mode). The mode
 * (`mode`) and the case (`case`) live in the URL, so a reload or a shared link shows the same case.
 */
export function DeepDiveTree({ dataset, experiments, experiment, onExperiment: setExperiment, leafMetric }: DeepDiveTreeProps) {
  const write = useSearchWriter();
  const [caseId, setCaseId] = useSearchParam('case');
  const [modeParam] = useSearchParam('mode');
  const mode: TreeMode = caseId !== null || modeParam === 'individual' ? 'individual' : 'aggregated';
  const setMode = (m: TreeMode) =>
    write((next) => {
      next.delete('case');
      if (m === 'individual') next.set('mode', m);
      else next.delete('mode');
    });
  const [caseSearch, setCaseSearch] = useState('');
  const search = useDebounced(caseSearch, 300);
  const [popup, setPopup] = useState<ChartTreeNode | null>(null);
  const scope = { datasetId: dataset.id, evaluationName: experiment };
  const cases = useMetricCases(
    mode === 'individual' && leafMetric
      ? { ...scope, metric: leafMetric, page: 1, pageSize: 100, sortBy: 'dataset_id', sortDir: 'asc', search }
      : null,
  );
  const caseOptions = useMemo(() => {
    const seen = new Set<string>();
    return (cases.data?.cases ?? []).filter((c) => {
      const id = String(c.dataset_id);
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    });
  }, [cases.data]);
  useEffect(() => {
    if (mode === 'individual' && !caseId && caseOptions[0]) setCaseId(String(caseOptions[0].dataset_id));
  }, [mode, caseId, caseOptions]);
  const activeCase = mode === 'individual' ? caseId : null;
  const tree = useTree(scope, activeCase);
  const root = tree.data?.root ?? null;
  const selectedCase = caseOptions.find((c) => String(c.dataset_id) === caseId);

  return (
    <div className="space-y-4">
      <TreeNodePopup node={popup} individual={mode === 'individual'} onClose={() => setPopup(null)} />
      <div className="flex flex-wrap items-center gap-3 rounded-xl border bg-white px-4 py-3 shadow-card">
        <div className="flex rounded-lg bg-canvas p-0.5 ring-1 ring-line" role="group" aria-label="Tree mode">
          {(['aggregated', 'individual'] as const).map((m) => (
            <button
              key={m}
              type="button"
              aria-pressed={mode === m}
              onClick={() => setMode(m)}
              data-testid={`tree-mode-${m}`}
              className={cn('rounded-md px-3 py-1 text-xs font-medium capitalize', mode === m ? 'bg-white text-primary shadow-card' : 'text-ink-muted')}
            >
              {m}
            </button>
          ))}
        </div>
        {mode === 'individual' ? (
          <>
            <input
              aria-label="Filter cases"
              value={caseSearch}
              onChange={(e) => setCaseSearch(e.target.value)}
              placeholder="Filter cases"
              className="w-40 rounded-lg border bg-white px-2.5 py-1.5 text-xs focus:border-primary-soft focus:outline-none"
            />
            <select
              value={caseId ?? ''}
              onChange={(e) => setCaseId(e.target.value || null)}
              aria-label="Case"
              className="max-w-xs rounded-lg border bg-white px-2.5 py-1.5 text-sm text-ink focus:border-primary-soft focus:outline-none"
              data-testid="tree-case-select"
            >
              {caseOptions.length === 0 ? <option value="">{cases.isPending ? 'Loading cases…' : 'No cases'}</option> : null}
              {caseId && !caseOptions.some((c) => String(c.dataset_id) === caseId) ? <option value={caseId}>{caseId}</option> : null}
              {caseOptions.map((c) => (
                <option key={String(c.dataset_id)} value={String(c.dataset_id)}>
                  {c.dataset_id}
                </option>
              ))}
            </select>
            {cases.data && (cases.data.total ?? 0) > caseOptions.length ? (
              <span className="text-[11px] text-ink-muted">first {caseOptions.length} of {cases.data.total}; filter to narrow</span>
            ) : null}
          </>
        ) : null}
        <div className="ml-auto">
          <ExperimentSelect experiments={experiments} value={experiment} onChange={setExperiment} />
        </div>
      </div>
      {mode === 'individual' && selectedCase ? (
        <div className="rounded-xl border bg-white px-5 py-3 text-sm shadow-card" data-testid="tree-case-context">
          <p className="text-[11px] font-semibold uppercase tracking-wide text-ink-muted">Query</p>
          <p className="mt-0.5 text-ink">{selectedCase.query || '—'}</p>
          {selectedCase.actual_output ? (
            <>
              <p className="mt-2 text-[11px] font-semibold uppercase tracking-wide text-ink-muted">Output</p>
              <p className="mt-0.5 line-clamp-3 text-ink-secondary">{selectedCase.actual_output}</p>
            </>
          ) : null}
        </div>
      ) : null}
      <ChartCard title={mode === 'individual' && caseId ? `Metric tree · ${caseId}` : 'Metric tree · all cases'} subtitle="Click a leaf for its score, weight and explanation." testId="deep-dive-tree">
        {tree.isPending ? <LoadingBlock label="Building the tree…" /> : null}
        {tree.isError ? (
          tree.error instanceof ApiError && tree.error.status === 400 ? (
            <FormatNotice dataset={dataset} feature="The tree view" detail={tree.error.message} />
          ) : (
            <ErrorBlock error={tree.error} onRetry={() => void tree.refetch()} />
          )
        ) : null}
        {root ? (
          <MetricTreeChart
            root={root}
            onNodeClick={(node, isLeaf) => {
              if (isLeaf) setPopup(node);
            }}
          />
        ) : tree.data ? (
          <p className="py-10 text-center text-sm text-ink-muted">The server returned an empty tree.</p>
        ) : null}
      </ChartCard>
    </div>
  );
}
