import { Loader2, PlugZap } from 'lucide-react';
import type { FormEvent } from 'react';
import type { ConnectForm } from '../../lib/database/types';
import { sslModeOptions } from '../../lib/database/wizard';
import { Button } from '../Button';
import { errorMessage } from '../evaluate/StateViews';
import { ErrorLine, Field, INPUT_CLASS } from './Field';

interface ConnectStepProps {
  form: ConnectForm;
  onChange: (patch: Partial<ConnectForm>) => void;
  hasPassword: boolean;
  onSubmit: () => void;
  pending: boolean;
  error: unknown;
  /** Set when the configured defaults could not be read; the form is then blank. */
  defaultsError: unknown;
}

type TextKey = 'host' | 'port' | 'database' | 'username';

const TEXT_FIELDS: Array<{ key: TextKey; label: string; type?: string }> = [
  { key: 'host', label: 'Host' },
  { key: 'port', label: 'Port', type: 'number' },
  { key: 'database', label: 'Database' },
  { key: 'username', label: 'Username' },
];

/** Step 1: the PostgreSQL connection, prefilled from the store's configured source. */
export function ConnectStep({ form, onChange, hasPassword, onSubmit, pending, error, defaultsError }: ConnectStepProps) {
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!pending) onSubmit();
  };
  return (
    <form onSubmit={submit} className="space-y-4" data-testid="db-connect-form">
      {defaultsError ? <p className="text-xs text-ink-muted">The configured connection could not be read ({errorMessage(defaultsError)}); fill it in by hand.</p> : null}
      <div className="grid gap-3 sm:grid-cols-2">
        {TEXT_FIELDS.map((f) => (
          <Field key={f.key} label={f.label}>
            <input
              type={f.type ?? 'text'}
              value={form[f.key]}
              onChange={(e) => onChange({ [f.key]: e.target.value })}
              className={INPUT_CLASS}
              autoComplete="off"
              data-testid={`db-connect-${f.key}`}
            />
          </Field>
        ))}
        <Field label="Password" hint={hasPassword ? 'A password is configured on the server; leave this empty to use it.' : undefined}>
          <input
            type="password"
            value={form.password}
            onChange={(e) => onChange({ password: e.target.value })}
            placeholder={hasPassword ? '••••••••' : ''}
            className={INPUT_CLASS}
            autoComplete="new-password"
            data-testid="db-connect-password"
          />
        </Field>
        <Field label="SSL mode">
          <select value={form.ssl_mode} onChange={(e) => onChange({ ssl_mode: e.target.value })} className={INPUT_CLASS} data-testid="db-connect-ssl">
            {sslModeOptions(form.ssl_mode).map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </Field>
      </div>
      {error ? <ErrorLine text={errorMessage(error)} testId="db-connect-error" /> : null}
      <div className="flex justify-end">
        <Button type="submit" variant="primary" disabled={pending} data-testid="db-connect-submit">
          {pending ? <Loader2 className="h-4 w-4 animate-spin" aria-hidden="true" /> : <PlugZap className="h-4 w-4" aria-hidden="true" />}
          Connect
        </Button>
      </div>
    </form>
  );
}
