import { Rocket } from 'lucide-react';
import { PageHeader } from '../components/PageHeader';
import type { PageInfo } from '../lib/pages';

interface ComingSoonPageProps {
  page: PageInfo;
}

export function ComingSoonPage({ page }: ComingSoonPageProps) {
  return (
    <div>
      <PageHeader icon={page.icon} title={page.title} subtitle={page.subtitle} />
      <div
        data-testid="coming-soon"
        className="flex flex-col items-center rounded-xl border border-dashed bg-white px-6 py-16 text-center"
      >
        <div className="flex h-14 w-14 items-center justify-center rounded-full bg-accent-gold/15 text-accent-gold">
          <Rocket className="h-7 w-7" aria-hidden="true" />
        </div>
        <p className="mt-5 text-lg font-semibold text-ink">Coming Soon</p>
        <p className="mt-2 max-w-md text-sm text-ink-muted">
          {page.title} is planned for a future release of AXIS.
        </p>
      </div>
    </div>
  );
}
