import { useState } from 'react';
import { BrowserRouter } from 'react-router-dom';
import { AuthGate } from '../components/auth/AuthGate';
import { AppRoutes } from './AppRoutes';
import { Providers } from './Providers';
import { createQueryClient } from './queryClient';
import { prefetchRoute } from './routePrefetch';

export function App() {
  const [client] = useState(() => {
    const created = createQueryClient();
    prefetchRoute(created, window.location);
    return created;
  });
  return (
    <Providers client={client}>
      <AuthGate>
        <BrowserRouter future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
          <AppRoutes />
        </BrowserRouter>
      </AuthGate>
    </Providers>
  );
}
