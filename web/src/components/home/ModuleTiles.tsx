import { ArrowRight } from 'lucide-react';
import { Link } from 'react-router-dom';
import { PAGES, type PageInfo } from '../../lib/pages';

const MODULES: Array<PageInfo & { href: string }> = [
  { ...PAGES.production, href: '/production' },
  { ...PAGES.evaluate, href: '/evaluate' },
  { ...PAGES.monitoring, href: '/monitoring' },
  { ...PAGES.humanSignals, href: '/human-signals' },
  { ...PAGES.annotation, href: '/annotation-studio' },
  { ...PAGES.caliber, href: '/caliber-hq' },
];

export function ModuleTiles() {
  return (
    <section data-testid="module-tiles">
      <h2 className="mb-3 text-sm font-semibold uppercase tracking-wide text-ink-muted">Modules</h2>
      <div className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3">
        {MODULES.map(({ href, title, subtitle, icon: Icon }) => (
          <Link
            key={href}
            to={href}
            className="group flex flex-col rounded-xl border bg-white p-5 shadow-card transition hover:-translate-y-0.5 hover:border-primary-soft hover:shadow-lift"
          >
            <span className="flex h-10 w-10 items-center justify-center rounded-lg bg-primary-pale/60 text-primary-dark transition group-hover:bg-primary group-hover:text-white">
              <Icon className="h-5 w-5" aria-hidden="true" />
            </span>
            <span className="mt-4 flex items-center gap-1.5 text-sm font-semibold text-ink">
              {title}
              <ArrowRight className="h-3.5 w-3.5 opacity-0 transition group-hover:opacity-100" aria-hidden="true" />
            </span>
            <span className="mt-1 text-xs leading-relaxed text-ink-muted">{subtitle}</span>
          </Link>
        ))}
      </div>
    </section>
  );
}
