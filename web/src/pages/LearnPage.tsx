import { GraduationCap } from 'lucide-react';
import { Walkthrough } from '../components/learn/Walkthrough';
import { PageHeader } from '../components/PageHeader';
import { cn } from '../lib/cn';
import { LEARN_TABS } from '../lib/learnContent';
import { useSearchParam } from '../lib/useSearchParam';

const WALKTHROUGH = { id: 'walkthrough', label: 'Interactive Walkthrough' };
/** Overview, Interactive Walkthrough, Methods, Best Practices. */
const TABS = [LEARN_TABS[0]!, WALKTHROUGH, ...LEARN_TABS.slice(1)];

export function LearnPage() {
  const [tabParam, setTabParam] = useSearchParam('tab');
  const tab = TABS.find((t) => t.id === tabParam) ?? TABS[0]!;
  const topics = LEARN_TABS.find((t) => t.id === tab.id);
  const setTabId = (id: string) => setTabParam(id === TABS[0]!.id ? null : id, { push: true });
  return (
    <div>
      <PageHeader
        icon={GraduationCap}
        title="Learn"
        subtitle="Guides to the ideas behind AI evaluation and how to apply them."
      />
      <div role="tablist" aria-label="Learn sections" className="mb-6 flex gap-1 border-b">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            aria-selected={t.id === tab.id}
            data-testid={`learn-tab-${t.id}`}
            onClick={() => setTabId(t.id)}
            className={cn(
              '-mb-px border-b-2 px-4 py-2.5 text-sm font-medium transition',
              t.id === tab.id
                ? 'border-primary text-primary'
                : 'border-transparent text-ink-muted hover:text-ink',
            )}
          >
            {t.label}
          </button>
        ))}
      </div>
      <section role="tabpanel" aria-label={tab.label}>
        {topics ? (
          <>
            <p className="mb-5 max-w-3xl text-sm leading-relaxed text-ink-secondary">{topics.intro}</p>
            <div className="grid gap-4 md:grid-cols-2">
              {topics.topics.map((topic) => (
                <article key={topic.title} className="rounded-xl border bg-white p-5 shadow-card">
                  <h2 className="text-sm font-semibold text-ink">{topic.title}</h2>
                  <p className="mt-2 text-sm leading-relaxed text-ink-muted">{topic.body}</p>
                </article>
              ))}
            </div>
          </>
        ) : (
          <Walkthrough />
        )}
      </section>
    </div>
  );
}
