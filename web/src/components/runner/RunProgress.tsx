import { Loader2, Square } from 'lucide-react';
import type { RunStreamState } from '../../lib/evalrun/runStream';
import type { LogEvent } from '../../lib/evalrun/types';
import { formatScore } from '../../lib/evaluate/format';
import { cn } from '../../lib/cn';
import { Button } from '../Button';
import { Card } from '../Card';
import { ErrorLine } from '../database/Field';

/** The run's log lines, newest last. */
export function RunLog({ logs }: { logs: LogEvent[] }) {
  return (
    <ol className="mt-4 max-h-56 overflow-auto rounded-lg bg-canvas p-3 font-mono text-[11px] leading-relaxed" tabIndex={0} aria-label="Run log" data-testid="runner-log">
      {logs.map((l, i) => (
        <li key={i} className={cn(l.level === 'WARNING' && 'text-warning', l.level === 'ERROR' && 'text-error')}>
          <span className="text-ink-muted">{l.timestamp.slice(11, 19)}</span> {l.level} {l.message}
        </li>
      ))}
    </ol>
  );
}

const STATUS_TEXT: Record<RunStreamState['status'], string> = {
  idle: '',
  running: 'Running',
  complete: 'Finished',
  failed: 'Failed',
  stopped: 'Cancelled',
};

/** The live view of a run: progress bar, per-metric running averages, log lines, Cancel. */
export function RunProgress({ state, onCancel }: { state: RunStreamState; onCancel: () => void }) {
  const running = state.status === 'running';
  const share = state.total > 0 ? Math.min(1, state.current / state.total) : 0;
  return (
    <Card
      title={
        <span className="flex items-center gap-2">
          {running ? <Loader2 className="h-4 w-4 animate-spin text-primary" aria-hidden="true" /> : null}
          {STATUS_TEXT[state.status]}
          {state.runId ? <code className="text-[11px] font-normal text-ink-muted">{state.runId}</code> : null}
        </span>
      }
      actions={
        running ? (
          <Button variant="danger" onClick={onCancel} data-testid="runner-cancel">
            <Square className="h-3.5 w-3.5" aria-hidden="true" />
            Cancel
          </Button>
        ) : null
      }
      testId="runner-progress"
    >
      <div className="flex items-center justify-between text-sm">
        <span className="text-ink-secondary" data-testid="runner-progress-message">{state.message || (running ? 'Starting…' : '')}</span>
        <span className="font-semibold tabular-nums text-ink" data-testid="runner-progress-count">
          {state.current} / {state.total}
        </span>
      </div>
      <div
        className="mt-2 h-2.5 overflow-hidden rounded-full bg-canvas ring-1 ring-line"
        role="progressbar"
        aria-label="Evaluations scored"
        aria-valuemin={0}
        aria-valuemax={state.total}
        aria-valuenow={state.current}
      >
        <div className={cn('h-full rounded-full transition-all', state.status === 'failed' ? 'bg-error' : 'bg-primary')} style={{ width: `${share * 100}%` }} />
      </div>
      {running ? <p className="mt-2 text-[11px] text-ink-muted">Leaving this page cancels the run; it can be resumed from Past runs.</p> : null}
      {state.status === 'stopped' ? <p className="mt-3 text-sm text-warning" data-testid="runner-stopped">The run was cancelled; it can be resumed from Past runs.</p> : null}
      {state.error ? <div className="mt-3"><ErrorLine text={state.error} testId="runner-error" /></div> : null}
      {state.metrics.length > 0 ? (
        <table className="mt-4 w-full text-left text-xs" data-testid="runner-running-averages">
          <caption className="sr-only">Running averages per metric</caption>
          <thead className="text-[11px] uppercase tracking-wide text-ink-muted">
            <tr>
              <th className="py-1 font-semibold">Metric</th>
              <th className="py-1 text-right font-semibold">Scored</th>
              <th className="py-1 text-right font-semibold">Average so far</th>
            </tr>
          </thead>
          <tbody className="divide-y">
            {state.metrics.map((m) => (
              <tr key={m.metric_key} data-testid={`running-${m.metric_key}`}>
                <td className="py-1.5 text-ink">{m.metric_key}</td>
                <td className="py-1.5 text-right tabular-nums">{m.count}</td>
                <td className="py-1.5 text-right font-semibold tabular-nums">{formatScore(m.average_score)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {state.logs.length > 0 ? <RunLog logs={state.logs} /> : null}
    </Card>
  );
}
