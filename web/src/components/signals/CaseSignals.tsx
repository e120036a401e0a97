import { valuesOf } from '../../lib/signals/cases';
import type { MetricSchema, SignalsCase } from '../../lib/signals/types';

/** The case's signals grouped by metric, in the schema's order; signals without a value are left out. */
export function CaseSignals({ c, schema }: { c: SignalsCase; schema: MetricSchema | undefined }) {
  const metrics = Object.entries(schema?.metrics ?? {});
  const groups = metrics
    .map(([metric, info]) => ({
      metric,
      signals: (info.signals ?? []).map((s) => ({ name: s, values: valuesOf(c, `${metric}__${s}`) })).filter((s) => s.values.length > 0),
    }))
    .filter((g) => g.signals.length > 0);
  if (groups.length === 0) return <p className="text-sm text-ink-muted">No signals recorded.</p>;
  return (
    <div className="grid gap-3 md:grid-cols-2" data-testid="case-signals">
      {groups.map((g) => (
        <section key={g.metric} className="rounded-lg border px-3 py-2" data-testid={`case-signals-${g.metric}`}>
          <h4 className="mb-1.5 text-xs font-semibold uppercase tracking-wide text-primary-dark">{g.metric}</h4>
          <dl className="space-y-1 text-xs">
            {g.signals.map((s) => (
              <div key={s.name} className="grid grid-cols-[9rem_1fr] gap-2">
                <dt className="truncate text-ink-muted">{s.name}</dt>
                <dd className="break-words text-ink">
                  {s.values.length === 1 ? s.values[0] : (
                    <ul className="list-disc pl-4">
                      {s.values.map((v) => (
                        <li key={v}>{v}</li>
                      ))}
                    </ul>
                  )}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </div>
  );
}
