import { SearchX } from 'lucide-react';
import { Link, useLocation } from 'react-router-dom';

export function NotFoundPage() {
  const { pathname } = useLocation();
  return (
    <div className="flex flex-col items-center py-24 text-center" data-testid="not-found">
      <div className="flex h-16 w-16 items-center justify-center rounded-full bg-primary-pale/50 text-primary">
        <SearchX className="h-8 w-8" aria-hidden="true" />
      </div>
      <p className="mt-6 font-mono text-sm text-ink-muted">404</p>
      <h1 className="mt-1 text-2xl font-semibold text-ink">Page not found</h1>
      <p className="mt-2 max-w-md text-sm text-ink-muted">
        There is no page at <span className="font-mono text-ink-secondary">{pathname}</span>.
      </p>
      <Link to="/" className="mt-6 rounded-lg bg-primary px-4 py-2 text-sm font-medium text-white hover:bg-primary-dark">
        Go to Home
      </Link>
    </div>
  );
}
