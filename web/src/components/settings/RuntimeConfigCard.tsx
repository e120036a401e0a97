import { SlidersHorizontal } from 'lucide-react';
import { formatDuration } from '../../lib/format';
import { useRuntimeConfig } from '../../lib/queries';
import type { RuntimeResponse } from '../../lib/types';
import { Card } from '../Card';
import { ConfigGroup } from './ConfigGroup';

const SHOWN_ELSEWHERE = new Set(['version', 'uptime_seconds', 'store', 'config']);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Groups: each top-level runtime section, then each section of `config`; loose scalars gather under "general". */
export function runtimeGroups(runtime: RuntimeResponse): Array<[string, unknown]> {
  const groups: Array<[string, unknown]> = [];
  const general: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(runtime)) {
    if (SHOWN_ELSEWHERE.has(key)) continue;
    if (isPlainObject(value)) groups.push([key, value]);
    else general[key] = value;
  }
  const config = runtime.config;
  if (isPlainObject(config)) {
    for (const [key, value] of Object.entries(config)) {
      if (isPlainObject(value)) groups.push([key, value]);
      else general[key] = value;
    }
  }
  if (Object.keys(general).length > 0) groups.unshift(['general', general]);
  return groups;
}

export function RuntimeConfigCard() {
  const { data, isPending, isError, error } = useRuntimeConfig();
  return (
    <Card
      title="Resolved configuration"
      icon={<SlidersHorizontal className="h-4 w-4 text-primary" aria-hidden="true" />}
      testId="runtime-card"
      actions={
        data ? (
          <span className="text-xs text-ink-muted">
            v<span className="font-mono">{data.version ?? '—'}</span> · up {formatDuration(data.uptime_seconds)}
          </span>
        ) : null
      }
    >
      {isPending ? <p className="text-sm text-ink-muted">Loading configuration…</p> : null}
      {isError ? (
        <p className="text-sm text-ink-muted">
          The configuration could not be loaded{error instanceof Error ? `: ${error.message}` : ''}.
        </p>
      ) : null}
      {data ? (
        <div className="space-y-3">
          <p className="text-xs text-ink-muted">
            Values as the server resolved them from defaults, YAML and environment. Secrets are masked by the server.
          </p>
          {runtimeGroups(data).map(([name, value]) => (
            <ConfigGroup key={name} name={name} value={value} />
          ))}
        </div>
      ) : null}
    </Card>
  );
}
