import { useState, type FormEvent } from 'react';
import { fetchAuthStatus, type AuthStatus } from '../../lib/auth/status';
import { Button } from '../Button';
import { errorMessage } from '../evaluate/StateViews';
import { AuthScreen } from './AuthScreen';

interface TokenSignInProps {
  /** Called with a token the server accepted and the status it answered with. */
  onSignedIn: (token: string, status: AuthStatus) => void;
}

export function TokenSignIn({ onSignedIn }: TokenSignInProps) {
  const [token, setToken] = useState('');
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const candidate = token.trim();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!candidate || checking) return;
    setChecking(true);
    setError(null);
    try {
      const status = await fetchAuthStatus({ token: candidate });
      if (status.authenticated) onSignedIn(candidate, status);
      else setError('That token was not accepted.');
    } catch (failure) {
      setError(`Could not check the token: ${errorMessage(failure)}`);
    } finally {
      setChecking(false);
    }
  };

  return (
    <AuthScreen title="This AXIS server needs an API token">
      <form onSubmit={(event) => void submit(event)} className="space-y-4">
        <p className="text-sm text-ink-secondary">
          Enter the API token you were given. It is kept only until this browser session ends.
        </p>
        <label className="block">
          <span className="mb-1 block text-xs font-medium text-ink-muted">API token</span>
          <input
            type="password"
            value={token}
            onChange={(event) => setToken(event.target.value)}
            autoComplete="current-password"
            autoFocus
            data-testid="auth-token-input"
            className="w-full rounded-lg border px-3 py-2 font-mono text-sm text-ink outline-none focus:border-primary focus:ring-2 focus:ring-primary/20"
          />
        </label>
        {error ? (
          <p role="alert" className="rounded-lg bg-error/5 px-3 py-2 text-sm text-error" data-testid="auth-error">
            {error}
          </p>
        ) : null}
        <div className="flex justify-end">
          <Button type="submit" variant="primary" disabled={!candidate || checking} data-testid="auth-sign-in">
            {checking ? 'Checking…' : 'Sign in'}
          </Button>
        </div>
      </form>
    </AuthScreen>
  );
}
