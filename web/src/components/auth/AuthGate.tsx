import { useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { AUTH_STATUS_KEY, isAdmitted, useAuthStatus, type AuthStatus } from '../../lib/auth/status';
import { useAuthStore } from '../../stores/authStore';
import { LoadingBlock } from '../evaluate/StateViews';
import { ProxyNotice } from './ProxyNotice';
import { TokenSignIn } from './TokenSignIn';

/**
 * Shows the app once the server lets this browser in (or has no authentication), and the sign-in
 * card otherwise. After the app has been shown it stays mounted under the card, so a 401 or a
 * sign-out keeps the page where it is.
 */
export function AuthGate({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const status = useAuthStatus();
  const needsSignIn = useAuthStore((s) => s.needsSignIn);
  const signIn = useAuthStore((s) => s.signIn);
  const locked = needsSignIn || !isAdmitted(status.data);
  const open = !status.isPending && !locked;
  const [shown, setShown] = useState(false);
  if (open && !shown) setShown(true);

  if (status.isPending && !shown) return <LoadingBlock label="Checking access…" className="min-h-screen" />;

  const onSignedIn = (token: string, accepted: AuthStatus) => {
    signIn(token);
    client.setQueryData(AUTH_STATUS_KEY, accepted);
    void client.invalidateQueries();
  };

  const signInCard = status.data?.token_login === false ? <ProxyNotice /> : <TokenSignIn onSignedIn={onSignedIn} />;
  return (
    <>
      {open || shown ? children : null}
      {locked ? signInCard : null}
    </>
  );
}
