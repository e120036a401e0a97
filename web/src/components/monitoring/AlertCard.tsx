import { AlertOctagon, AlertTriangle } from 'lucide-react';
import { cn } from '../../lib/cn';
import { formatDateTime } from '../../lib/evaluate/format';
import { alertFigures, alertTitle, isSevere } from '../../lib/monitoring/alerts';
import type { MonitoringAlert } from '../../lib/monitoring/types';

function figure(v: unknown): string {
  if (typeof v !== 'number' || !Number.isFinite(v)) return '—';
  return Number.isInteger(v) ? String(v) : v.toFixed(3).replace(/0+$/, '').replace(/\.$/, '');
}

/** One alert: white card with a coloured left border, severity, message and the compared figures. */
export function AlertCard({ alert }: { alert: MonitoringAlert }) {
  const error = isSevere(alert);
  const Icon = error ? AlertOctagon : AlertTriangle;
  const [valueName, thresholdName] = alertFigures(alert);
  return (
    <li
      className={cn('rounded-xl border border-l-4 bg-white px-4 py-3 shadow-card', error ? 'border-l-error' : 'border-l-warning')}
      data-testid="alert-card"
      data-severity={alert.severity}
      data-type={alert.type}
    >
      <div className="flex flex-wrap items-center gap-2">
        <Icon className={cn('h-4 w-4', error ? 'text-error' : 'text-warning')} aria-hidden="true" />
        <span className={cn('rounded px-1.5 py-0.5 text-[10px] font-bold tracking-wide', error ? 'bg-error/10 text-error' : 'bg-warning/10 text-warning')} data-testid="alert-severity">
          {alert.severity.toUpperCase()}
        </span>
        <span className="text-sm font-semibold text-ink">{alertTitle(alert)}</span>
        {alert.metric ? <span className="rounded bg-canvas px-1.5 py-0.5 text-[11px] text-ink-secondary ring-1 ring-line">{alert.metric}</span> : null}
        {alert.source_name ? <span className="text-[11px] text-ink-muted">{alert.source_name}</span> : null}
        {alert.timestamp ? <span className="ml-auto text-[11px] text-ink-muted">{formatDateTime(alert.timestamp)}</span> : null}
      </div>
      <p className="mt-1.5 text-sm text-ink-secondary" data-testid="alert-message">{alert.message}</p>
      <div className="mt-2 flex gap-6 text-xs">
        <span>
          <span className="text-ink-muted">{valueName} </span>
          <span className="font-semibold tabular-nums text-ink" data-testid="alert-value">{figure(alert.value)}</span>
        </span>
        <span>
          <span className="text-ink-muted">{thresholdName} </span>
          <span className="font-semibold tabular-nums text-ink">{figure(alert.threshold)}</span>
        </span>
      </div>
    </li>
  );
}
