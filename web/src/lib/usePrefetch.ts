import { hashKey, useQueryClient, type QueryKey, type UseQueryOptions } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';

/**
 * Starts a query a child will ask for once something else it waits for has arrived (its first
 * page under a panel that shows after another reply, say), so both go out together instead of one
 * after the other. Nothing for null; each key is prefetched once.
 */
export function usePrefetch<T, K extends QueryKey>(options: (UseQueryOptions<T, Error, T, K> & { queryKey: K }) | null) {
  const client = useQueryClient();
  const latest = useRef(options);
  latest.current = options;
  const key = options ? hashKey(options.queryKey) : null;
  useEffect(() => {
    const current = latest.current;
    if (key !== null && current) void client.prefetchQuery(current as Parameters<typeof client.prefetchQuery>[0]);
  }, [client, key]);
}
