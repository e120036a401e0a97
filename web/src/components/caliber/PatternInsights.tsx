import { useMutation } from '@tanstack/react-query';
import { Lightbulb, Loader2 } from 'lucide-react';
import { useState } from 'react';
import { clusterPatterns } from '../../lib/align/api';
import type { ClusterMethod, JudgeConfig, Labels } from '../../lib/align/types';
import { Button } from '../Button';
import { Card } from '../Card';
import { ErrorLine } from '../database/Field';
import { errorMessage } from '../evaluate/StateViews';
import { Segmented } from '../Segmented';

const UNAVAILABLE = 'not available on this server';
const METHODS: Array<{ value: ClusterMethod; label: string; disabled?: boolean; title?: string }> = [
  { value: 'llm', label: 'LLM' },
  { value: 'bertopic', label: 'BERTopic', disabled: true, title: UNAVAILABLE },
  { value: 'hybrid', label: 'Hybrid', disabled: true, title: UNAVAILABLE },
];

interface PatternInsightsProps {
  labels: Labels;
  config: JudgeConfig;
  /** Adds a line to the judge's evaluation criteria. */
  onUseAsCriteria: (text: string) => void;
}

/** Groups the labellers' notes into named patterns (LLM clustering) that can become criteria. */
export function PatternInsights({ labels, config, onUseAsCriteria }: PatternInsightsProps) {
  const [method, setMethod] = useState<ClusterMethod>('llm');
  const cluster = useMutation({ mutationFn: () => clusterPatterns(labels, config, method) });
  const noted = Object.values(labels).filter((l) => l.notes && l.notes.trim() !== '').length;
  const reply = cluster.data;
  return (
    <Card title="Pattern insights" icon={<Lightbulb className="h-4 w-4 text-primary" aria-hidden="true" />} testId="caliber-patterns">
      <div className="flex flex-wrap items-center gap-3">
        <Segmented label="Clustering method" options={METHODS} value={method} onChange={setMethod} testIdPrefix="cluster-method" />
        <Button variant="primary" disabled={cluster.isPending || noted === 0} onClick={() => cluster.mutate()} data-testid="caliber-find-patterns">
          {cluster.isPending ? <Loader2 className="h-4 w-4 animate-spin" aria-hidden="true" /> : null}
          Find patterns
        </Button>
      </div>
      <p className="mt-2 text-xs text-ink-muted">{noted} labelled record{noted === 1 ? '' : 's'} with notes.</p>
      {cluster.isError ? <div className="mt-3"><ErrorLine text={errorMessage(cluster.error)} testId="caliber-patterns-error" /></div> : null}
      {reply ? (
        <div className="mt-4 space-y-3">
          <p className="text-xs text-ink-secondary" data-testid="caliber-patterns-message">{reply.message}</p>
          {reply.patterns.map((p) => (
            <section key={p.category} className="rounded-lg border px-4 py-3" data-testid={`pattern-${p.category}`}>
              <div className="flex items-start justify-between gap-2">
                <h3 className="text-sm font-semibold text-ink">{p.category}</h3>
                <span className="rounded-full bg-primary-pale/50 px-2 text-xs font-semibold text-primary-dark">{p.count}</span>
              </div>
              <ul className="mt-2 space-y-1">
                {p.examples.slice(0, 3).map((q, i) => (
                  <li key={i} className="border-l-2 border-line pl-2 text-xs italic text-ink-secondary">
                    “{q}”
                  </li>
                ))}
              </ul>
              <Button className="mt-2 px-2 py-1 text-xs" onClick={() => onUseAsCriteria(p.category)} aria-label={`Use ${p.category} as criteria`} data-testid={`pattern-use-${p.category}`}>
                Use as criteria
              </Button>
            </section>
          ))}
          {reply.learnings.map((l) => (
            <section key={l.title} className="rounded-lg border border-accent-gold/40 bg-accent-gold/5 px-4 py-3" data-testid="learning">
              <h3 className="text-sm font-semibold text-ink">{l.title}</h3>
              <p className="mt-1 text-xs text-ink-secondary">{l.content}</p>
              <p className="mt-1 text-[11px] text-ink-muted">confidence {Math.round(l.confidence * 100)} %</p>
              <Button className="mt-2 px-2 py-1 text-xs" onClick={() => onUseAsCriteria(l.content)} aria-label={`Use ${l.title} as criteria`}>
                Use as criteria
              </Button>
            </section>
          ))}
        </div>
      ) : null}
    </Card>
  );
}
