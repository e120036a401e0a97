import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Reply } from '../../api/replies';
import { fetchJson } from '../api';

/** GET /api/auth/status: open even when the server requires authentication (src/api/replies.ts). */
export type AuthStatus = Reply<'AuthStatusReply'>;

export const AUTH_STATUS_KEY = ['auth', 'status'] as const;

const STATUS_TIMEOUT_MS = 10_000;

/** Asks the server about authentication, with the stored token or the given one. */
export function fetchAuthStatus(options: { signal?: AbortSignal; token?: string } = {}): Promise<AuthStatus> {
  return fetchJson<AuthStatus>('/api/auth/status', { ...options, timeoutMs: STATUS_TIMEOUT_MS });
}

export const authStatusQuery = queryOptions({
  queryKey: AUTH_STATUS_KEY,
  queryFn: ({ signal }) => fetchAuthStatus({ signal }),
  retry: false,
  staleTime: Infinity,
});

/** Fails (and is not retried) on servers without authentication support, which the gate treats as open. */
export function useAuthStatus() {
  return useQuery(authStatusQuery);
}

/** Whether the app may be shown: authentication is off, unknown, or the server accepted this browser. */
export function isAdmitted(status: AuthStatus | undefined): boolean {
  return !status || !status.required || status.authenticated;
}
