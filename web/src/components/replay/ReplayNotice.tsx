import { KeyRound, PowerOff } from 'lucide-react';
import { EmptyState } from '../evaluate/StateViews';

const ENV_VARS: Array<[string, string]> = [
  ['AGENT_REPLAY_ENABLED', 'true, to turn the trace routes on'],
  ['LANGFUSE_PUBLIC_KEY', 'the Langfuse project public key (pk-…)'],
  ['LANGFUSE_SECRET_KEY', 'the matching secret key (sk-…)'],
  ['LANGFUSE_HOST', 'optional; https://cloud.langfuse.com by default'],
  ['LANGFUSE_<AGENT>_PUBLIC_KEY / _SECRET_KEY / _HOST', 'optional; one credential set per agent, listed as its own tab'],
  ['AGENT_REPLAY_DB_URL', 'optional; a PostgreSQL table that maps business keys to trace ids, for search by key'],
];

/** Replay is off: the routes answer 403 until the server is started with the switch set. */
export function ReplayDisabled() {
  return (
    <EmptyState
      icon={PowerOff}
      title="Agent Replay is disabled"
      message={
        <>
          Set <code className="font-mono text-xs">AGENT_REPLAY_ENABLED=true</code> in the server's environment and restart it to browse traces.
        </>
      }
      testId="replay-disabled"
    />
  );
}

/** No Langfuse credentials: the environment variables to set. */
export function ReplayUnconfigured({ host }: { host: string }) {
  return (
    <section className="rounded-xl border bg-white px-6 py-5" data-testid="replay-unconfigured">
      <div className="flex items-center gap-3">
        <div className="flex h-10 w-10 items-center justify-center rounded-full bg-primary-pale/50 text-primary">
          <KeyRound className="h-5 w-5" aria-hidden="true" />
        </div>
        <div>
          <h2 className="text-base font-semibold text-ink">Connect Langfuse</h2>
          <p className="text-sm text-ink-muted">No Langfuse credentials are set on the server (host {host}). Set these environment variables and restart it:</p>
        </div>
      </div>
      <dl className="mt-4 divide-y rounded-lg border">
        {ENV_VARS.map(([name, what]) => (
          <div key={name} className="grid gap-1 px-4 py-2 sm:grid-cols-[minmax(0,22rem),1fr]">
            <dt className="font-mono text-xs text-ink" data-testid="replay-env-var">
              {name}
            </dt>
            <dd className="text-xs text-ink-secondary">{what}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
