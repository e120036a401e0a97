import { ErrorBlock, LoadingBlock } from '../evaluate/StateViews';
import { useQuality, useSoftThresholds } from '../../lib/memory/queries';
import { rulesOfAgent } from '../../lib/memory/rules';
import type { MemoryRule } from '../../lib/memory/types';
import { ActionChip } from './ActionChip';

interface QualityTabProps {
  agent: string;
  actionColors: Record<string, string>;
}

function RuleLine({ rule, actionColors }: { rule: MemoryRule; actionColors: Record<string, string> }) {
  return (
    <li className="rounded-lg border bg-white px-3 py-2">
      <div className="flex items-center justify-between gap-2">
        <p className="text-sm font-medium text-ink">{rule.name}</p>
        <ActionChip action={rule.action} color={actionColors[rule.action]} />
      </div>
      {rule.group_by ? <p className="mt-0.5 text-xs text-ink-muted">{rule.group_by}</p> : null}
    </li>
  );
}

const COLUMNS = [
  { key: 'aligned', label: 'Aligned', tone: 'border-t-success' },
  { key: 'divergent', label: 'Divergent', tone: 'border-t-error' },
  { key: 'partial', label: 'Partial', tone: 'border-t-warning' },
] as const;

/** The rules by decision quality in three scrolling columns, then the soft-threshold rules. */
export function QualityTab({ agent, actionColors }: QualityTabProps) {
  const quality = useQuality();
  const soft = useSoftThresholds();
  if (quality.isPending) return <LoadingBlock />;
  if (quality.isError) return <ErrorBlock error={quality.error} onRetry={() => void quality.refetch()} />;
  const softRules = rulesOfAgent(soft.data?.data ?? [], agent);
  return (
    <div className="space-y-6" data-testid="quality-tab">
      <div className="grid gap-4 lg:grid-cols-3">
        {COLUMNS.map(({ key, label, tone }) => {
          const rules = rulesOfAgent(quality.data[key], agent);
          return (
            <section key={key} className={`rounded-xl border border-t-4 bg-canvas ${tone}`} data-testid={`quality-${key}`}>
              <h3 className="flex items-center justify-between px-4 py-3 text-sm font-semibold text-ink">
                {label}
                <span className="rounded-full bg-white px-2 text-xs text-ink-secondary" data-testid={`quality-${key}-count`}>
                  {rules.length}
                </span>
              </h3>
              <ul className="max-h-96 space-y-2 overflow-y-auto px-4 pb-4">
                {rules.length === 0 ? <li className="text-xs text-ink-muted">No rules.</li> : null}
                {rules.map((r) => (
                  <RuleLine key={r.id} rule={r} actionColors={actionColors} />
                ))}
              </ul>
            </section>
          );
        })}
      </div>
      <section className="rounded-xl border bg-white" data-testid="soft-thresholds">
        <h3 className="border-b px-5 py-3 text-sm font-semibold text-ink">
          Soft thresholds <span className="ml-1 text-xs font-normal text-ink-muted">({softRules.length})</span>
        </h3>
        <ul className="divide-y">
          {softRules.length === 0 ? <li className="px-5 py-4 text-sm text-ink-muted">No rules with a soft threshold.</li> : null}
          {softRules.map((r) => (
            <li key={r.id} className="flex flex-wrap items-center justify-between gap-2 px-5 py-2.5 text-sm">
              <span className="font-medium text-ink">{r.name}</span>
              <span className="text-ink-secondary" data-testid="soft-threshold-value">
                {r.group_by ? `${r.group_by}: ` : ''}
                {r.threshold_value || '—'}
              </span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
