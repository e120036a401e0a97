import { CheckCircle2 } from 'lucide-react';
import { alertGroup, sortAlerts, type AlertGroup } from '../../lib/monitoring/alerts';
import type { AlertsResponse } from '../../lib/monitoring/types';
import { QueryView, type QueryLike } from '../QueryView';
import { AlertCard } from './AlertCard';

const GROUPS: Array<{ id: AlertGroup; title: string; note: string }> = [
  { id: 'threshold', title: 'Threshold', note: 'Average score, pass rate, error rate and P95 latency against their limits.' },
  { id: 'anomaly', title: 'Anomaly', note: 'The newest trend point against the series before it.' },
];

/** The server's alerts for the filters, threshold ones first, errors before warnings. */
export function AlertsPanel({ alerts }: { alerts: QueryLike & { data: AlertsResponse | undefined } }) {
  const list = sortAlerts(alerts.data?.alerts ?? []);
  return (
    <div className="space-y-6" data-testid="alerts-panel">
      <QueryView query={alerts} loadingLabel="Checking alerts…">
        {list.length === 0 ? (
          <div className="flex items-center gap-3 rounded-xl border border-success/30 bg-success/5 px-5 py-4" data-testid="alerts-none">
            <CheckCircle2 className="h-5 w-5 text-success" aria-hidden="true" />
            <p className="text-sm font-semibold text-ink">All systems nominal</p>
          </div>
        ) : (
          GROUPS.map((g) => {
            const items = list.filter((a) => alertGroup(a) === g.id);
            if (items.length === 0) return null;
            return (
              <section key={g.id} data-testid={`alerts-${g.id}`}>
                <h3 className="text-sm font-semibold text-ink">
                  {g.title} <span className="font-normal text-ink-muted">({items.length})</span>
                </h3>
                <p className="mb-2 text-xs text-ink-muted">{g.note}</p>
                <ul className="space-y-2">
                  {items.map((a) => (
                    <AlertCard key={a.id} alert={a} />
                  ))}
                </ul>
              </section>
            );
          })
        )}
      </QueryView>
    </div>
  );
}
