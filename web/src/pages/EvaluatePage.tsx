import { Lock } from 'lucide-react';
import { NavLink, useParams } from 'react-router-dom';
import { PageHeader } from '../components/PageHeader';
import { UnavailableNotice } from '../components/UnavailableNotice';
import { cn } from '../lib/cn';
import { EVALUATE_TABS, PAGES } from '../lib/pages';
import { useFeatures } from '../lib/queries';
import { NotFoundPage } from './NotFoundPage';

export function EvaluatePage() {
  const { tab: slug } = useParams();
  const { eval_runner_enabled: runnerEnabled } = useFeatures();
  const tab = EVALUATE_TABS.find((t) => t.slug === slug);
  if (!tab) return <NotFoundPage />;
  const page = PAGES.evaluate;
  const runnerLocked = tab.slug === 'runner' && !runnerEnabled;

  return (
    <div>
      <PageHeader icon={page.icon} title={page.title} subtitle={page.subtitle} />
      <nav className="mb-6 flex flex-wrap gap-1 rounded-xl border bg-white p-1" aria-label="Evaluate sections">
        {EVALUATE_TABS.map((t) => (
          <NavLink
            key={t.slug}
            to={`/evaluate/${t.slug}`}
            data-testid={`evaluate-tab-${t.slug}`}
            className={({ isActive }) =>
              cn(
                'rounded-lg px-4 py-2 text-sm font-medium transition',
                isActive ? 'bg-primary text-white' : 'text-ink-muted hover:bg-canvas hover:text-ink',
              )
            }
          >
            {t.label}
          </NavLink>
        ))}
      </nav>
      <p className="mb-4 text-sm text-ink-secondary">{tab.description}</p>
      {runnerLocked ? (
        <div
          data-testid="runner-disabled"
          className="flex items-center gap-3 rounded-xl border bg-white px-5 py-4 text-sm text-ink-secondary"
        >
          <Lock className="h-4 w-4 text-ink-muted" aria-hidden="true" />
          The evaluation runner is disabled by the administrator.
        </div>
      ) : (
        <UnavailableNotice title={`Evaluate ${tab.label}`} />
      )}
    </div>
  );
}
