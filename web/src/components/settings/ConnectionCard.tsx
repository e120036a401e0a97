import { PlugZap, RefreshCw } from 'lucide-react';
import { useHealth } from '../../lib/queries';
import { Button } from '../Button';
import { Card } from '../Card';
import { StatusBadge, toneForStatus } from '../StatusBadge';

export function ConnectionCard() {
  const { data, error, isPending, isError, isFetching, refetch } = useHealth();
  const connected = !isError && data !== undefined;
  const components = Object.entries(data?.components ?? {});
  const sources = Object.entries(data?.sources ?? {});

  return (
    <Card
      title="Backend connection"
      icon={<PlugZap className="h-4 w-4 text-primary" aria-hidden="true" />}
      testId="connection-card"
      actions={
        <Button onClick={() => void refetch()} disabled={isFetching} data-testid="health-retry">
          <RefreshCw className={isFetching ? 'h-4 w-4 animate-spin' : 'h-4 w-4'} aria-hidden="true" />
          Retry
        </Button>
      }
    >
      <div className="flex flex-wrap items-center gap-x-8 gap-y-3">
        <div>
          <p className="text-xs text-ink-muted">Status</p>
          <p
            data-testid="connection-status"
            className={`text-lg font-semibold ${isPending ? 'text-ink-muted' : connected ? 'text-success' : 'text-error'}`}
          >
            {isPending ? 'Checking…' : connected ? 'Connected' : 'Unreachable'}
          </p>
        </div>
        <div>
          <p className="text-xs text-ink-muted">Server version</p>
          <p className="font-mono text-lg text-ink" data-testid="server-version">
            {data?.version ?? '—'}
          </p>
        </div>
        {data?.status ? (
          <div>
            <p className="text-xs text-ink-muted">Health</p>
            <div className="mt-1">
              <StatusBadge tone={toneForStatus(data.status)} label={data.status} testId="health-status" />
            </div>
          </div>
        ) : null}
      </div>
      {isError ? (
        <p className="mt-4 rounded-lg bg-error/5 px-3 py-2 text-sm text-error">
          {error instanceof Error ? error.message : 'The server did not answer.'}
        </p>
      ) : null}
      {components.length > 0 ? (
        <div className="mt-5">
          <h3 className="mb-2 text-xs font-semibold uppercase tracking-wide text-ink-muted">Components</h3>
          <div className="flex flex-wrap gap-2">
            {components.map(([name, status]) => (
              <span key={name} className="flex items-center gap-2 rounded-lg border px-3 py-1.5 text-sm">
                <span className="text-ink-secondary">{name.replace(/_/g, ' ')}</span>
                <StatusBadge tone={toneForStatus(status)} label={String(status)} />
              </span>
            ))}
          </div>
        </div>
      ) : null}
      {sources.length > 0 ? (
        <div className="mt-5">
          <h3 className="mb-2 text-xs font-semibold uppercase tracking-wide text-ink-muted">Data sources</h3>
          <ul className="divide-y divide-line rounded-lg border">
            {sources.map(([name, source]) => (
              <li key={name} className="flex items-center justify-between gap-4 px-3 py-2 text-sm">
                <span className="font-mono text-xs text-ink">{name}</span>
                <span className="flex min-w-0 items-center gap-3">
                  {source?.detail ? (
                    <span className="truncate text-xs text-ink-muted" title={String(source.detail)}>
                      {String(source.detail)}
                    </span>
                  ) : null}
                  <StatusBadge tone={toneForStatus(source?.status)} label={String(source?.status ?? 'unknown')} />
                </span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </Card>
  );
}
