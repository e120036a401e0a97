import { GraduationCap } from 'lucide-react';
import { useState } from 'react';
import { PageHeader } from '../components/PageHeader';
import { cn } from '../lib/cn';
import { LEARN_TABS } from '../lib/learnContent';

export function LearnPage() {
  const [tabId, setTabId] = useState(LEARN_TABS[0]!.id);
  const tab = LEARN_TABS.find((t) => t.id === tabId) ?? LEARN_TABS[0]!;
  return (
    <div>
      <PageHeader
        icon={GraduationCap}
        title="Learn"
        subtitle="Guides to the ideas behind AI evaluation and how to apply them."
      />
      <div role="tablist" aria-label="Learn sections" className="mb-6 flex gap-1 border-b">
        {LEARN_TABS.map((t) => (
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
        <p className="mb-5 max-w-3xl text-sm leading-relaxed text-ink-secondary">{tab.intro}</p>
        <div className="grid gap-4 md:grid-cols-2">
          {tab.topics.map((topic) => (
            <article key={topic.title} className="rounded-xl border bg-white p-5 shadow-card">
              <h2 className="text-sm font-semibold text-ink">{topic.title}</h2>
              <p className="mt-2 text-sm leading-relaxed text-ink-muted">{topic.body}</p>
            </article>
          ))}
        </div>
      </section>
    </div>
  );
}
