import { BarChart3, ClipboardList, FileText, GitCompareArrows, Lock, Play, Upload, type LucideIcon } from 'lucide-react';
import { Link } from 'react-router-dom';
import { cn } from '../../lib/cn';
import { EVALUATE_TABS } from '../../lib/pages';

const ICONS: Record<string, LucideIcon> = {
  runner: Play,
  upload: Upload,
  scorecard: ClipboardList,
  'deep-dive': BarChart3,
  compare: GitCompareArrows,
  report: FileText,
};

const SHORT: Record<string, string> = {
  runner: 'Run evals in the browser',
  upload: 'Load results',
  scorecard: 'Scores and metric tree',
  'deep-dive': 'Charts and distributions',
  compare: 'Experiments side by side',
  report: 'Written findings',
};

interface StepBarProps {
  active: string;
  runnerEnabled: boolean;
  search: string;
}

/** One step per Evaluate stage: active filled, earlier pale, later grey; the runner locks when disabled. */
export function StepBar({ active, runnerEnabled, search }: StepBarProps) {
  const activeIndex = EVALUATE_TABS.findIndex((t) => t.slug === active);
  return (
    <nav className="grid grid-cols-2 gap-2 sm:grid-cols-3 xl:grid-cols-6" aria-label="Evaluate sections" data-testid="evaluate-steps">
      {EVALUATE_TABS.map((tab, i) => {
        const Icon = ICONS[tab.slug] ?? ClipboardList;
        const isActive = i === activeIndex;
        const isEarlier = activeIndex >= 0 && i < activeIndex;
        const locked = tab.slug === 'runner' && !runnerEnabled;
        return (
          <Link
            key={tab.slug}
            to={{ pathname: `/evaluate/${tab.slug}`, search: tab.slug === 'runner' ? '' : search }}
            data-testid={`evaluate-tab-${tab.slug}`}
            aria-current={isActive ? 'page' : undefined}
            title={tab.description}
            className={cn(
              'group flex items-center gap-3 rounded-xl border px-3 py-2.5 transition',
              isActive && 'border-primary bg-primary text-white shadow-card',
              !isActive && isEarlier && 'border-primary-pale bg-primary-pale/40 text-primary-dark hover:border-primary-soft',
              !isActive && !isEarlier && 'bg-white text-ink-muted hover:border-primary-soft hover:text-ink',
              locked && !isActive && 'opacity-60',
            )}
          >
            <span
              className={cn(
                'flex h-8 w-8 shrink-0 items-center justify-center rounded-lg',
                isActive ? 'bg-white/20 text-white' : isEarlier ? 'bg-white text-primary' : 'bg-canvas text-ink-muted',
              )}
            >
              {locked ? <Lock className="h-4 w-4" aria-hidden="true" /> : <Icon className="h-4 w-4" aria-hidden="true" />}
            </span>
            <span className="min-w-0">
              <span className="block text-sm font-semibold leading-tight">{tab.label}</span>
              <span className={cn('block truncate text-[11px] leading-tight', isActive ? 'text-white/80' : 'text-ink-muted')}>
                {locked ? 'Disabled by Admin' : SHORT[tab.slug]}
              </span>
            </span>
          </Link>
        );
      })}
    </nav>
  );
}
