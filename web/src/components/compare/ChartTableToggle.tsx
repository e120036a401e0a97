import { cn } from '../../lib/cn';

/** Chart / Table switch of a chart card: the table is the chart's text alternative. */
export function ChartTableToggle({ table, onChange, testId }: { table: boolean; onChange: (table: boolean) => void; testId: string }) {
  return (
    <div className="flex rounded-lg bg-canvas p-0.5 ring-1 ring-line" role="group" aria-label="Chart or table view">
      {[false, true].map((asTable) => (
        <button
          key={String(asTable)}
          type="button"
          aria-pressed={table === asTable}
          onClick={() => onChange(asTable)}
          data-testid={`${testId}-${asTable ? 'table' : 'chart'}`}
          className={cn('rounded-md px-2.5 py-1 text-xs font-medium', table === asTable ? 'bg-white text-primary shadow-card' : 'text-ink-muted hover:text-ink')}
        >
          {asTable ? 'Table' : 'Chart'}
        </button>
      ))}
    </div>
  );
}
