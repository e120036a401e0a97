import { KeyRound, LogOut } from 'lucide-react';
import { getToken } from '../../lib/auth/token';
import { useAuthStatus } from '../../lib/auth/status';
import { useAuthStore } from '../../stores/authStore';
import { Button } from '../Button';
import { Card } from '../Card';

/** How this browser reaches a server that requires authentication, with a way to sign out of a token. */
export function ApiAccessCard() {
  const { data: status } = useAuthStatus();
  const needsSignIn = useAuthStore((s) => s.needsSignIn);
  const signOut = useAuthStore((s) => s.signOut);
  const hasToken = !needsSignIn && getToken() !== null;
  if (!hasToken && !status?.required) return null;

  const proxyUser = status?.method === 'proxy' ? status.user ?? 'an unnamed user' : null;

  return (
    <Card title="API access" icon={<KeyRound className="h-4 w-4 text-primary" aria-hidden="true" />} testId="api-access-card">
      {hasToken ? (
        <div className="flex flex-wrap items-center justify-between gap-3">
          <p className="text-sm text-ink-secondary" data-testid="auth-summary">
            Signed in with an API token, kept until this browser session ends.
          </p>
          <Button onClick={signOut} data-testid="auth-sign-out">
            <LogOut className="h-4 w-4" aria-hidden="true" />
            Sign out
          </Button>
        </div>
      ) : (
        <p className="text-sm text-ink-secondary" data-testid="auth-summary">
          {proxyUser
            ? `Signed in as ${proxyUser} through the proxy. Sign out through your organisation's sign-in page.`
            : 'This server requires authentication.'}
        </p>
      )}
    </Card>
  );
}
