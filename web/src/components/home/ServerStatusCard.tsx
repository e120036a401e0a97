import { Server } from 'lucide-react';
import { Link } from 'react-router-dom';
import { useHealth } from '../../lib/queries';
import { Card } from '../Card';
import { StatusBadge, toneForStatus } from '../StatusBadge';

export function ServerStatusCard() {
  const { data, isPending, isError } = useHealth();
  const components = Object.entries(data?.components ?? {});
  const sources = Object.entries(data?.sources ?? {});

  let badge = <StatusBadge tone="neutral" label="Checking…" testId="home-server-status" />;
  if (isError) badge = <StatusBadge tone="error" label="Unreachable" testId="home-server-status" />;
  else if (data) {
    const healthy = (data.status ?? '').toLowerCase() === 'healthy';
    badge = (
      <StatusBadge tone={healthy ? 'success' : 'warning'} label={healthy ? 'Connected' : 'Degraded'} testId="home-server-status" />
    );
  }

  return (
    <Card
      title="Server status"
      icon={<Server className="h-4 w-4 text-primary" aria-hidden="true" />}
      actions={badge}
      testId="server-status-card"
      className="h-full"
    >
      {isPending ? <p className="text-sm text-ink-muted">Contacting the AXIS server…</p> : null}
      {isError ? (
        <p className="text-sm text-ink-muted">
          The AXIS server did not answer. See <Link to="/settings" className="text-primary underline">Settings</Link>{' '}
          to retry.
        </p>
      ) : null}
      {data ? (
        <div className="space-y-3 text-sm">
          {data.version ? (
            <p className="text-ink-muted">
              Version <span className="font-mono text-ink">{data.version}</span>
            </p>
          ) : null}
          <ul className="space-y-1.5">
            {components.map(([name, status]) => (
              <li key={name} className="flex items-center justify-between">
                <span className="text-ink-secondary">{name.replace(/_/g, ' ')}</span>
                <StatusBadge tone={toneForStatus(status)} label={String(status)} />
              </li>
            ))}
          </ul>
          {sources.length > 0 ? (
            <p className="text-xs text-ink-muted">
              {sources.filter(([, s]) => s?.status === 'up').length} of {sources.length} data sources up
            </p>
          ) : null}
        </div>
      ) : null}
    </Card>
  );
}
