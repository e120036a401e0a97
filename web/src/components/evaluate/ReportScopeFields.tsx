import { Filter } from 'lucide-react';
import { cn } from '../../lib/cn';
import { NumberField } from '../NumberField';
import type { ReportScope } from './scorecardReport';

interface ReportScopeFieldsProps {
  scope: ReportScope;
  metrics: string[];
  contextFields: string[];
  onChange: (patch: Partial<ReportScope>) => void;
  disabled?: boolean;
}

function Chip({ on, label, onToggle, disabled, testId }: { on: boolean; label: string; onToggle: () => void; disabled?: boolean; testId: string }) {
  return (
    <button
      type="button"
      aria-pressed={on}
      disabled={disabled}
      onClick={onToggle}
      data-testid={testId}
      className={cn(
        'rounded-full px-3 py-1 text-xs font-medium transition disabled:opacity-50',
        on ? 'bg-primary text-white' : 'bg-white text-ink-secondary ring-1 ring-line hover:text-primary',
      )}
    >
      {label}
    </button>
  );
}

const toggled = (list: string[], item: string, order: string[]) =>
  list.includes(item) ? list.filter((x) => x !== item) : order.filter((x) => x === item || list.includes(x));

/** Sample rate, the metrics whose issues are analysed, and the case fields handed to the model. */
export function ReportScopeFields({ scope, metrics, contextFields, onChange, disabled }: ReportScopeFieldsProps) {
  return (
    <div className="space-y-4 rounded-xl border bg-canvas/40 px-4 py-3" data-testid="report-scope">
      <p className="flex items-center gap-2 text-xs font-semibold uppercase tracking-wide text-ink-muted">
        <Filter className="h-3.5 w-3.5" aria-hidden="true" />
        Scope
      </p>
      <NumberField label="Sample rate (share of cases, 0.01–1)" value={scope.sampleRate} min={0.01} max={1} step={0.05} disabled={disabled} onChange={(sampleRate) => onChange({ sampleRate })} testId="report-sample-rate" />
      <div>
        <p className="mb-1.5 text-xs font-medium text-ink-muted" id="report-metric-filter-label">
          Metrics {scope.metrics.length === 0 ? '(all)' : `(${scope.metrics.length} of ${metrics.length})`}
        </p>
        <div className="flex flex-wrap gap-1.5" role="group" aria-labelledby="report-metric-filter-label" data-testid="report-metric-filter">
          {metrics.map((m) => (
            <Chip key={m} on={scope.metrics.includes(m)} label={m} disabled={disabled} onToggle={() => onChange({ metrics: toggled(scope.metrics, m, metrics) })} testId={`report-metric-${m}`} />
          ))}
          {scope.metrics.length > 0 ? (
            <button type="button" disabled={disabled} onClick={() => onChange({ metrics: [] })} className="px-2 text-xs font-medium text-primary underline-offset-2 hover:underline" data-testid="report-metric-all">
              All metrics
            </button>
          ) : null}
        </div>
      </div>
      <div>
        <p className="mb-1.5 text-xs font-medium text-ink-muted" id="report-context-label">
          Context given to the model
        </p>
        <div className="flex flex-wrap gap-1.5" role="group" aria-labelledby="report-context-label" data-testid="report-context-fields">
          {contextFields.map((f) => (
            <Chip key={f} on={scope.contextFields.includes(f)} label={f} disabled={disabled} onToggle={() => onChange({ contextFields: toggled(scope.contextFields, f, contextFields) })} testId={`report-context-${f}`} />
          ))}
        </div>
      </div>
    </div>
  );
}
