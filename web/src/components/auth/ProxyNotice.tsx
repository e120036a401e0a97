import { RefreshCw } from 'lucide-react';
import { Button } from '../Button';
import { AuthScreen } from './AuthScreen';

/** Shown when only the organisation's sign-in proxy can let a user in, so there is nothing to type. */
export function ProxyNotice() {
  return (
    <AuthScreen title="Sign in through your organisation">
      <div className="space-y-4" data-testid="auth-proxy-notice">
        <p className="text-sm text-ink-secondary">
          Access to this AXIS server goes through your organisation&apos;s sign-in proxy, and it has not vouched for this
          browser. Reload the page to sign in again, or open AXIS through the address your organisation provides.
        </p>
        <div className="flex justify-end">
          <Button variant="primary" onClick={() => window.location.reload()}>
            <RefreshCw className="h-4 w-4" aria-hidden="true" />
            Reload page
          </Button>
        </div>
      </div>
    </AuthScreen>
  );
}
