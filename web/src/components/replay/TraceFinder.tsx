import { Search, X } from 'lucide-react';
import { useState } from 'react';
import { Button } from '../Button';
import { errorMessage } from '../evaluate/StateViews';
import { cn } from '../../lib/cn';
import { formatDateTime } from '../../lib/evaluate/format';
import { useRecentTraces, useTraceSearch } from '../../lib/replay/queries';
import type { SearchField, TraceSummary } from '../../lib/replay/types';

interface TraceFinderProps {
  agent: string;
  fields: SearchField[];
  limit: number;
  daysBack: number;
  selected: string | null;
  onSelect: (id: string) => void;
}

function TraceItem({ trace, active, onSelect }: { trace: TraceSummary; active: boolean; onSelect: () => void }) {
  return (
    <li>
      <button
        type="button"
        onClick={onSelect}
        aria-current={active ? 'true' : undefined}
        className={cn('w-full rounded-lg border px-3 py-2 text-left transition', active ? 'border-primary bg-primary-pale/30' : 'bg-white hover:border-primary-soft')}
        data-testid={`trace-item-${trace.id}`}
      >
        <span className="block truncate text-sm font-medium text-ink">{trace.name ?? 'Unnamed trace'}</span>
        <span className="mt-1 flex flex-wrap gap-1.5 text-[11px] text-ink-muted">
          <span className="rounded-full bg-canvas px-1.5">{trace.step_count} {trace.step_count === 1 ? 'step' : 'steps'}</span>
          <span className="rounded-full bg-canvas px-1.5 font-mono">{trace.id.slice(0, 8)}</span>
          <span>{formatDateTime(trace.timestamp)}</span>
        </span>
      </button>
    </li>
  );
}

/** Search by trace id or a business key, and the recent traces of the agent. */
export function TraceFinder({ agent, fields, limit, daysBack, selected, onSelect }: TraceFinderProps) {
  const [text, setText] = useState('');
  const [searchBy, setSearchBy] = useState(fields[0]?.value ?? 'trace_id');
  const [query, setQuery] = useState('');
  const recent = useRecentTraces(agent, limit, daysBack, query === '');
  const search = useTraceSearch(agent, query, searchBy);
  const list = query === '' ? recent : search;
  const fieldValue = fields.some((f) => f.value === searchBy) ? searchBy : (fields[0]?.value ?? 'trace_id');

  return (
    <div className="space-y-3" data-testid="trace-finder">
      <form
        role="search"
        className="space-y-2 rounded-xl border bg-white p-3"
        onSubmit={(e) => {
          e.preventDefault();
          setQuery(text.trim());
        }}
      >
        <label className="block text-xs font-medium text-ink-muted">
          Search by
          <select className="mt-1 w-full rounded-lg border bg-white px-2.5 py-1.5 text-sm text-ink" value={fieldValue} onChange={(e) => setSearchBy(e.target.value)} data-testid="trace-search-by">
            {fields.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </select>
        </label>
        <div className="flex gap-2">
          <input
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={fields.find((f) => f.value === fieldValue)?.label ?? 'Trace ID'}
            aria-label="Search text"
            className="min-w-0 flex-1 rounded-lg border px-2.5 py-1.5 text-sm text-ink focus:border-primary-soft focus:outline-none"
            data-testid="trace-search"
          />
          <Button type="submit" variant="primary" className="px-2.5" aria-label="Search traces" data-testid="trace-search-submit">
            <Search className="h-4 w-4" aria-hidden="true" />
          </Button>
        </div>
      </form>
      <div className="flex items-center justify-between">
        <h3 className="text-xs font-semibold uppercase tracking-wide text-ink-muted" data-testid="trace-list-title">
          {query === '' ? `Recent traces (last ${daysBack} days)` : `Results for “${query}”`}
          {list.data ? ` · ${list.data.total}` : ''}
        </h3>
        {query !== '' ? (
          <button
            type="button"
            className="flex items-center gap-1 text-xs text-ink-muted hover:text-ink"
            onClick={() => {
              setQuery('');
              setText('');
            }}
            data-testid="trace-search-clear"
          >
            <X className="h-3 w-3" aria-hidden="true" />
            Clear
          </button>
        ) : null}
      </div>
      {list.isFetching && !list.data ? <p className="text-sm text-ink-muted">Loading traces…</p> : null}
      {list.isError ? (
        <p className="text-sm text-error" role="alert" data-testid="trace-list-error">
          {errorMessage(list.error)}
        </p>
      ) : null}
      {list.data && list.data.traces.length === 0 ? <p className="text-sm text-ink-muted">No traces found.</p> : null}
      <ul className="max-h-[70vh] space-y-2 overflow-y-auto" data-testid="trace-list">
        {list.data?.traces.map((t) => (
          <TraceItem key={t.id} trace={t} active={selected === t.id} onSelect={() => onSelect(t.id)} />
        ))}
      </ul>
    </div>
  );
}
