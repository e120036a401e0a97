import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { MemoryRouter, useLocation } from 'react-router-dom';
import { AppRoutes } from '../app/AppRoutes';
import { Providers } from '../app/Providers';
import { AuthGate } from '../components/auth/AuthGate';
import { AUTH_STATUS_KEY, type AuthStatus } from '../lib/auth/status';
import { AUTH_OPEN } from './mockApi';

let currentPath = '';
let currentSearch = '';

function LocationProbe() {
  const location = useLocation();
  currentPath = location.pathname;
  currentSearch = location.search;
  return null;
}

export function locationPath(): string {
  return currentPath;
}

export function locationSearch(): string {
  return currentSearch;
}

/** Renders the app behind its sign-in gate; the gate starts from `authStatus` (open by default) so pages render at once. */
export function renderApp(path = '/', { authStatus = AUTH_OPEN }: { authStatus?: AuthStatus } = {}) {
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: Infinity, gcTime: Infinity } },
  });
  client.setQueryData(AUTH_STATUS_KEY, authStatus);
  const result = render(
    <Providers client={client}>
      <AuthGate>
        <MemoryRouter initialEntries={[path]} future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
          <AppRoutes />
          <LocationProbe />
        </MemoryRouter>
      </AuthGate>
    </Providers>,
  );
  return { ...result, client };
}
