import type { ReactNode } from 'react';
import { ErrorBlock, LoadingBlock } from './evaluate/StateViews';

export interface QueryLike {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
}

interface QueryViewProps {
  query: QueryLike;
  loadingLabel?: string;
  /** True when the answer holds nothing to show. */
  empty?: boolean;
  emptyText?: ReactNode;
  children: ReactNode;
}

/** Loading, error (with Retry), empty, or the children, for one query. */
export function QueryView({ query, loadingLabel, empty = false, emptyText = 'Nothing to show for these filters.', children }: QueryViewProps) {
  if (query.isPending) return <LoadingBlock label={loadingLabel} />;
  if (query.isError) return <ErrorBlock error={query.error} onRetry={() => void query.refetch()} />;
  if (empty) return <p className="py-10 text-center text-sm text-ink-muted" data-testid="query-empty">{emptyText}</p>;
  return <>{children}</>;
}
