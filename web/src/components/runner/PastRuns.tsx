import { FolderOpen, History, Play, Square, Trash2 } from 'lucide-react';
import { useDeleteRun, useRuns } from '../../lib/evalrun/queries';
import type { RunRecord, RunStatus } from '../../lib/evalrun/types';
import { formatDateTime, formatPercent, formatScore } from '../../lib/evaluate/format';
import { Button } from '../Button';
import { Card } from '../Card';
import { EmptyTableRow } from '../EmptyTableRow';
import { ErrorBlock, errorMessage, LoadingBlock } from '../evaluate/StateViews';
import { StatusBadge, type StatusTone } from '../StatusBadge';
import { RunExports } from './RunExports';

const TONES: Record<RunStatus, StatusTone> = {
  running: 'neutral',
  completed: 'success',
  failed: 'error',
  cancelled: 'warning',
  interrupted: 'warning',
};

const RESUMABLE: RunStatus[] = ['interrupted', 'failed', 'cancelled'];

interface PastRunsProps {
  /** A stream is open on this page: no second run can be resumed meanwhile. */
  busy: boolean;
  onOpen: (runId: string) => void;
  onResume: (runId: string) => void;
  opening: string | null;
}

function Actions({ run, busy, onOpen, onResume, opening }: PastRunsProps & { run: RunRecord }) {
  const remove = useDeleteRun();
  const id = run.run_id;
  const running = run.status === 'running';
  return (
    <div className="flex flex-wrap items-center justify-end gap-1.5">
      {run.status === 'completed' ? (
        <Button className="px-2 py-1 text-xs" disabled={opening === id} onClick={() => onOpen(id)} aria-label={`Open results of ${run.evaluation_name}`} data-testid={`run-open-${id}`}>
          <FolderOpen className="h-3.5 w-3.5" aria-hidden="true" />
          Open
        </Button>
      ) : null}
      {RESUMABLE.includes(run.status) ? (
        <Button className="px-2 py-1 text-xs" disabled={busy} onClick={() => onResume(id)} aria-label={`Resume ${run.evaluation_name}`} data-testid={`run-resume-${id}`}>
          <Play className="h-3.5 w-3.5" aria-hidden="true" />
          Resume
        </Button>
      ) : null}
      {run.status === 'completed' ? <RunExports runId={id} compact /> : null}
      <Button
        className="px-2 py-1 text-xs"
        disabled={remove.isPending}
        onClick={() => {
          if (running || window.confirm(`Delete the run "${run.evaluation_name}" and its results?`)) remove.mutate(id);
        }}
        aria-label={`${running ? 'Cancel' : 'Delete'} ${run.evaluation_name}`}
        data-testid={`run-${running ? 'cancel' : 'delete'}-${id}`}
      >
        {running ? <Square className="h-3.5 w-3.5" aria-hidden="true" /> : <Trash2 className="h-3.5 w-3.5" aria-hidden="true" />}
        {running ? 'Cancel' : 'Delete'}
      </Button>
      {remove.isError ? <span className="text-xs text-error" role="alert">{errorMessage(remove.error)}</span> : null}
    </div>
  );
}

/** The runs the server stored, newest first as it lists them, with what can be done to each. */
export function PastRuns(props: PastRunsProps) {
  const runs = useRuns();
  return (
    <Card title="Past runs" icon={<History className="h-4 w-4 text-primary" aria-hidden="true" />} bodyClassName="p-0" testId="runner-past-runs">
      {runs.isPending ? <LoadingBlock label="Loading runs…" /> : null}
      {runs.isError ? <ErrorBlock className="m-4" error={runs.error} title="Could not list the past runs" onRetry={() => void runs.refetch()} /> : null}
      {runs.data ? (
        <div className="overflow-auto">
          <table className="min-w-full text-left text-xs">
            <thead className="bg-canvas text-[11px] uppercase tracking-wide text-ink-muted">
              <tr>
                <th className="px-3 py-2 font-semibold">Evaluation</th>
                <th className="px-3 py-2 font-semibold">Status</th>
                <th className="px-3 py-2 text-right font-semibold">Scored</th>
                <th className="px-3 py-2 text-right font-semibold">Average</th>
                <th className="px-3 py-2 text-right font-semibold">Pass rate</th>
                <th className="px-3 py-2 font-semibold">Started</th>
                <th className="px-3 py-2 text-right font-semibold">Actions</th>
              </tr>
            </thead>
            <tbody className="divide-y">
              {runs.data.length === 0 ? <EmptyTableRow colSpan={7}>No runs yet.</EmptyTableRow> : null}
              {runs.data.map((run) => (
                <tr key={run.run_id} data-testid={`run-row-${run.run_id}`}>
                  <td className="px-3 py-2">
                    <span className="font-medium text-ink">{run.evaluation_name}</span>
                    <span className="block text-[11px] text-ink-muted">{run.metrics.join(', ')}</span>
                    {run.error ? <span className="block text-[11px] text-error">{run.error}</span> : null}
                  </td>
                  <td className="px-3 py-2">
                    <StatusBadge tone={TONES[run.status] ?? 'neutral'} label={run.status} testId={`run-status-${run.run_id}`} />
                  </td>
                  <td className="px-3 py-2 text-right tabular-nums">
                    {run.completed_evaluations} / {run.total_evaluations}
                  </td>
                  <td className="px-3 py-2 text-right tabular-nums">{formatScore(run.average_score)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{formatPercent(run.overall_pass_rate)}</td>
                  <td className="whitespace-nowrap px-3 py-2 text-ink-muted">{formatDateTime(run.created_at)}</td>
                  <td className="px-3 py-2">
                    <Actions run={run} {...props} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </Card>
  );
}
