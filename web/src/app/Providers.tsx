import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ThemeApplier } from '../components/ThemeApplier';

interface ProvidersProps {
  client: QueryClient;
  children: ReactNode;
}

export function Providers({ client, children }: ProvidersProps) {
  return (
    <QueryClientProvider client={client}>
      <ThemeApplier />
      {children}
    </QueryClientProvider>
  );
}
