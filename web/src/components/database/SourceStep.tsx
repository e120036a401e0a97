import { Eye, Search, Table2 } from 'lucide-react';
import { useState } from 'react';
import { useDbTables } from '../../lib/database/queries';
import type { TableRef } from '../../lib/database/types';
import { matchesTable, tableId, type SourceMode } from '../../lib/database/wizard';
import { Button } from '../Button';
import { QueryView } from '../QueryView';
import { Segmented } from '../Segmented';
import { INPUT_CLASS } from './Field';

interface SourceStepProps {
  handle: string;
  mode: SourceMode;
  onMode: (mode: SourceMode) => void;
  onPickTable: (table: TableRef) => void;
  /** The store's configured table, marked in the list. */
  defaultTable: string | null | undefined;
  sql: string;
  onSql: (sql: string) => void;
  onPreview: () => void;
}

const MODES: Array<{ value: SourceMode; label: string }> = [
  { value: 'table', label: 'Pick a table' },
  { value: 'sql', label: 'SQL query' },
];

function TableList({ handle, onPick, defaultTable }: { handle: string; onPick: (t: TableRef) => void; defaultTable: string | null | undefined }) {
  const tables = useDbTables(handle);
  const [search, setSearch] = useState('');
  const all = tables.data?.tables ?? [];
  const shown = all.filter((t) => matchesTable(t, search));
  return (
    <div className="space-y-3">
      <label className="flex items-center gap-2 rounded-lg border bg-white px-3 py-2">
        <Search className="h-4 w-4 text-ink-muted" aria-hidden="true" />
        <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Search tables" className="w-full bg-transparent text-sm outline-none" data-testid="db-table-search" />
      </label>
      <QueryView query={tables} loadingLabel="Listing tables…" empty={shown.length === 0} emptyText={all.length === 0 ? 'The database has no tables you may read.' : 'No table matches.'}>
        <ul className="max-h-80 divide-y overflow-y-auto rounded-lg border">
          {shown.map((t) => (
            <li key={tableId(t)}>
              <button type="button" onClick={() => onPick(t)} className="flex w-full items-center gap-3 px-3 py-2 text-left text-sm hover:bg-canvas" data-testid={`db-table-${tableId(t)}`}>
                <Table2 className="h-4 w-4 shrink-0 text-primary" aria-hidden="true" />
                <span className="min-w-0 flex-1 truncate">
                  <span className="text-ink-muted">{t.schema_name}.</span>
                  <span className="font-medium text-ink">{t.name}</span>
                  {defaultTable && (defaultTable === t.name || defaultTable === tableId(t)) ? <span className="ml-2 text-xs text-primary">configured</span> : null}
                </span>
                {typeof t.row_count_estimate === 'number' && t.row_count_estimate >= 0 ? (
                  <span className="text-xs text-ink-muted">~{t.row_count_estimate.toLocaleString('en-US')} rows</span>
                ) : null}
              </button>
            </li>
          ))}
        </ul>
      </QueryView>
    </div>
  );
}

/** Step 2: a table of the connected database, or a read-only SQL query. */
export function SourceStep({ handle, mode, onMode, onPickTable, defaultTable, sql, onSql, onPreview }: SourceStepProps) {
  return (
    <div className="space-y-4">
      <div className="flex">
        <Segmented options={MODES} value={mode} onChange={onMode} label="Source" testIdPrefix="db-mode" />
      </div>
      {mode === 'table' ? (
        <TableList handle={handle} onPick={onPickTable} defaultTable={defaultTable} />
      ) : (
        <div className="space-y-3">
          <textarea
            value={sql}
            onChange={(e) => onSql(e.target.value)}
            rows={8}
            spellCheck={false}
            placeholder="SELECT * FROM public.records WHERE created_at > now() - interval '7 days'"
            aria-label="SQL query"
            className={`${INPUT_CLASS} font-mono text-xs`}
            data-testid="db-sql-input"
          />
          <p className="text-xs text-ink-muted">One read-only SELECT; the server refuses anything that writes.</p>
          <div className="flex justify-end">
            <Button variant="primary" onClick={onPreview} disabled={sql.trim() === ''} data-testid="db-preview-button">
              <Eye className="h-4 w-4" aria-hidden="true" />
              Preview
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}
