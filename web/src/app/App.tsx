import { useState } from 'react';
import { BrowserRouter } from 'react-router-dom';
import { AuthGate } from '../components/auth/AuthGate';
import { AppRoutes } from './AppRoutes';
import { Providers } from './Providers';
import { createQueryClient } from './queryClient';

export function App() {
  const [client] = useState(createQueryClient);
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
