import { Plus, X } from 'lucide-react';
import { useId } from 'react';
import { useDistinctValues } from '../../lib/database/queries';
import type { DbFilter, TableRef } from '../../lib/database/types';
import { cellText } from '../../lib/evaluate/format';
import { Button } from '../Button';
import { INPUT_CLASS } from './Field';

interface FilterEditorProps {
  handle: string;
  table: TableRef;
  columns: string[];
  /** Filters configured for the store's source: their columns come first, under their labels. */
  labels: Array<{ column: string; label: string }>;
  filters: DbFilter[];
  onChange: (filters: DbFilter[]) => void;
}

interface FilterRowProps {
  index: number;
  handle: string;
  table: TableRef;
  options: Array<{ value: string; label: string }>;
  filter: DbFilter;
  onChange: (filter: DbFilter) => void;
  onRemove: () => void;
}

function FilterRow({ index, handle, table, options, filter, onChange, onRemove }: FilterRowProps) {
  const listId = useId();
  const values = useDistinctValues(handle, table, filter.column);
  return (
    <li className="flex items-center gap-2" data-testid={`db-filter-${index}`}>
      <select value={filter.column} onChange={(e) => onChange({ column: e.target.value, value: '' })} aria-label="Filter column" className={`${INPUT_CLASS} max-w-[14rem]`} data-testid={`db-filter-column-${index}`}>
        <option value="">Column…</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <span className="text-xs text-ink-muted">=</span>
      <input
        value={filter.value}
        onChange={(e) => onChange({ ...filter, value: e.target.value })}
        list={listId}
        disabled={filter.column === ''}
        placeholder={values.isFetching ? 'Loading values…' : 'Value'}
        aria-label="Filter value"
        className={`${INPUT_CLASS} disabled:opacity-50`}
        data-testid={`db-filter-value-${index}`}
      />
      <datalist id={listId} data-testid={`db-filter-values-${index}`}>
        {[...new Set((values.data?.values ?? []).map(cellText))].filter((v) => v !== '').map((v) => (
          <option key={v} value={v} />
        ))}
      </datalist>
      <button type="button" onClick={onRemove} aria-label="Remove filter" className="rounded-md p-1 text-ink-muted hover:bg-canvas hover:text-error" data-testid={`db-filter-remove-${index}`}>
        <X className="h-4 w-4" aria-hidden="true" />
      </button>
    </li>
  );
}

/** "column = value" rows that narrow the imported rows; values are offered from the column's distinct values. */
export function FilterEditor({ handle, table, columns, labels, filters, onChange }: FilterEditorProps) {
  const labelled = labels.filter((l) => columns.includes(l.column));
  const options = [
    ...labelled.map((l) => ({ value: l.column, label: l.label && l.label !== l.column ? `${l.label} (${l.column})` : l.column })),
    ...columns.filter((c) => !labelled.some((l) => l.column === c)).map((c) => ({ value: c, label: c })),
  ];
  const update = (i: number, next: DbFilter) => onChange(filters.map((f, j) => (j === i ? next : f)));
  return (
    <div className="space-y-2">
      <div className="flex items-center justify-between">
        <h3 className="text-xs font-semibold uppercase tracking-wide text-ink-muted">Filters</h3>
        <Button className="px-2.5 py-1 text-xs" onClick={() => onChange([...filters, { column: labelled[0]?.column ?? '', value: '' }])} data-testid="db-filter-add">
          <Plus className="h-3.5 w-3.5" aria-hidden="true" />
          Add filter
        </Button>
      </div>
      {filters.length === 0 ? <p className="text-xs text-ink-muted">No filters: every row is imported, up to the row limit.</p> : null}
      <ul className="space-y-2">
        {filters.map((f, i) => (
          <FilterRow key={i} index={i} handle={handle} table={table} options={options} filter={f} onChange={(next) => update(i, next)} onRemove={() => onChange(filters.filter((_, j) => j !== i))} />
        ))}
      </ul>
      {filters.some((f) => f.column === '' || f.value === '') ? <p className="text-xs text-ink-muted">Rows without a column or value are left out.</p> : null}
    </div>
  );
}
