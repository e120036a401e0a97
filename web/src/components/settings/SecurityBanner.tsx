import { ShieldAlert, X } from 'lucide-react';
import { useState } from 'react';
import { useRuntimeConfig } from '../../lib/queries';

const DISMISSED_KEY = 'axis-security-banner-dismissed';

/**
 * The server's start-up security warning (listening beyond loopback without authentication),
 * until dismissed. A dismissal is remembered for this exact text only, so a new warning shows.
 */
export function SecurityBanner() {
  const runtime = useRuntimeConfig();
  const warning = runtime.data?.security_warning ?? null;
  const [dismissed, setDismissed] = useState(() => readDismissed());
  if (!warning || dismissed === warning) return null;
  const dismiss = () => {
    try {
      localStorage.setItem(DISMISSED_KEY, warning);
    } catch {
      /* storage unavailable: dismissed for this visit only */
    }
    setDismissed(warning);
  };
  return (
    <div role="alert" data-testid="security-banner" className="mb-6 flex items-start gap-3 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
      <ShieldAlert className="mt-0.5 h-5 w-5 flex-none" aria-hidden="true" />
      <div className="flex-1">
        <p className="font-semibold">This server is open to its network without authentication</p>
        <p className="mt-1">{warning}</p>
      </div>
      <button type="button" onClick={dismiss} aria-label="Dismiss the security warning" className="rounded p-1 hover:bg-amber-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-amber-600 dark:hover:bg-amber-900">
        <X className="h-4 w-4" aria-hidden="true" />
      </button>
    </div>
  );
}

function readDismissed(): string | null {
  try {
    return localStorage.getItem(DISMISSED_KEY);
  } catch {
    return null;
  }
}
