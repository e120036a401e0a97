import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { ThemeApplier } from '../components/ThemeApplier';
import { fetchPlugins, queryKeys } from '../lib/queries';

interface ProvidersProps {
  client: QueryClient;
  children: ReactNode;
}

export function Providers({ client, children }: ProvidersProps) {
  useEffect(() => {
    void client.prefetchQuery({ queryKey: queryKeys.plugins, queryFn: ({ signal }) => fetchPlugins(signal) });
  }, [client]);

  return (
    <QueryClientProvider client={client}>
      <ThemeApplier />
      {children}
    </QueryClientProvider>
  );
}
